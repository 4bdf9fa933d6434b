using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Json.Schema;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.MinimalApi.Tests;

/// <summary>The README's minimal API, run as written: the case binds through System.Text.Json and the result is the documented JSON.</summary>
public sealed class MinimalApiTests : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "evaluation.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private readonly WebApplicationFactory<Program> _factory;

    public MinimalApiTests(WebApplicationFactory<Program> factory) => _factory = factory;

    public static TheoryData<string> ExampleCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "S*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleCases))]
    public async Task Evaluate_ExampleCase_BindsAndReturnsTheDocumentedJson(string file)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "cases", file));
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/evaluate", new StringContent(json, MediaTypeHeaderValue.Parse("application/json")));
        var body = await response.Content.ReadAsStringAsync();

        var read = CaseJson.Read(json);
        if (!read.TryGetValue(out var offerCase))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // an invalid example (S25) does not bind
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EvaluationJson.ToJson(OfferEvaluator.Default.Evaluate(offerCase)), body);
        var result = s_schema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(body).RootElement, new Json.Schema.EvaluationOptions { OutputFormat = OutputFormat.Flag });
        Assert.True(result.IsValid, body);
    }

    [Fact]
    public async Task Evaluate_CaseWithAnUnknownValue_IsABadRequest()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/evaluate", new StringContent("""{ "decline": { "channel": "fax" } }""", MediaTypeHeaderValue.Parse("application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EvaluateStrict_BadCase_ListsEveryProblemWithItsPath()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/evaluate/strict", new StringContent("""{ "decline": { "channel": "fax", "tone": 3 } }""", MediaTypeHeaderValue.Parse("application/json")));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        var paths = problem.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(["$.decline.channel", "$.decline.tone"], paths);
    }

    [Fact]
    public async Task EvaluateStrict_GoodCase_IsTheEvaluationJsonAndNotCached()
    {
        var json = await File.ReadAllBytesAsync(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "S01-*.json").Single());
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/evaluate/strict", new ByteArrayContent(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(EvaluationJson.ToJson(OfferEvaluator.Default.EvaluateJson(json)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EvaluateStrict_ClientGoesAwayMidRead_CancelsTheRead()
    {
        // Over Kestrel and a real socket, so that the client going away is what the server sees.
        var spy = new SpyEvaluator(OfferEvaluator.Default);
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureServices(services =>
        {
            services.RemoveAll<IOfferEvaluator>();
            services.AddSingleton<IOfferEvaluator>(spy);
        }));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var cancel = new CancellationTokenSource();
        var body = new HalfThenWaitContent("""{ "asOf": "2025-07-02", "decline": { "declin"""u8.ToArray(), cancel.Token);

        var request = client.PostAsync("/evaluate/strict", body, cancel.Token);
        await body.HalfSent.WaitAsync(TimeSpan.FromSeconds(30));
        await spy.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TimeSpan.FromSeconds(30)));
        var seen = await spy.Failure.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(seen is OperationCanceledException or IOException, seen.ToString()); // the read stopped: no result was made of half a case
        Assert.False(spy.Completed);
    }

    /// <summary>Sends part of a body, then waits until the request is cancelled.</summary>
    private sealed class HalfThenWaitContent(byte[] half, CancellationToken gone) : HttpContent
    {
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HalfSent => _halfSent.Task;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(half, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            _halfSent.TrySetResult();
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, gone);
            await Task.Delay(Timeout.Infinite, either.Token);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>Forwards to a real evaluator and records how a streamed evaluation ended.</summary>
    private sealed class SpyEvaluator(IOfferEvaluator inner) : IOfferEvaluator
    {
        public TaskCompletionSource<Exception> Failure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Completed { get; private set; }

        public RuleSet RuleSet => inner.RuleSet;

        public Decision Decide(OfferCase offerCase) => inner.Decide(offerCase);

        public EvaluationResult Evaluate(OfferCase offerCase, OfferRules.Evaluation.EvaluationOptions? options = null) => inner.Evaluate(offerCase, options);

        public EvaluationResult EvaluateJson(ReadOnlySpan<byte> utf8Json, OfferRules.Evaluation.EvaluationOptions? options = null) => inner.EvaluateJson(utf8Json, options);

        public async ValueTask<EvaluationResult> EvaluateJsonAsync(Stream utf8Json, OfferRules.Evaluation.EvaluationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            try
            {
                var result = await inner.EvaluateJsonAsync(utf8Json, options, cancellationToken);
                Completed = true;
                return result;
            }
            catch (Exception exception)
            {
                Failure.TrySetResult(exception);
                throw;
            }
        }
    }
}
