using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace OfferRules.Web.Tests;

/// <summary>Liveness and readiness, request logs, compression and cache lifetimes (<c>Operations.cs</c>).</summary>
public sealed class OperationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Name = "山田花子";
    private const string School = "架空大学";
    private const string Company = "株式会社テスト商事";
    private const string Department = "人事部採用二課";

    private readonly ApiFactory _factory = factory;

    private static ByteArrayContent Json(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Example S01 with a name, school, company and department that a log must never hold.</summary>
    private static string PersonalCase()
    {
        var node = JsonNode.Parse(Inputs.Case("S01"))!;
        node["candidate"] = new JsonObject { ["name"] = Name, ["school"] = School };
        node["offer"]!["company"] = Company;
        node["offer"]!["department"] = Department;
        return node.ToJsonString();
    }

    [Fact]
    public async Task Health_Liveness_AnswersHealthyWithoutRunningChecks()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(Operations.LivenessPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_Ready_ReportsTheRuleSetCheck()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(Operations.ReadinessPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequestLogs_CasesWithPersonalData_HoldPathAndStatusButNeverTheCase()
    {
        var logs = new FakeLogCollector();
        using var app = new ApiFactory(web => web.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new FakeLoggerProvider(logs));
        }));
        using var client = app.CreateClient();
        var body = PersonalCase();

        // A good case, a batch, a bad case (whose problem lists the fields) and a case with the name in the query.
        (await client.PostAsync("/api/evaluations?lang=en", Json(body))).EnsureSuccessStatusCode();
        using (var batch = new StringContent(body + "\n" + body + "\n", Encoding.UTF8, EvaluationEndpoints.JsonLines))
        {
            (await client.PostAsync("/api/evaluations/batch?lang=ja", batch)).EnsureSuccessStatusCode();
        }

        var bad = JsonNode.Parse(body)!;
        bad["decline"]!["channel"] = Name;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/evaluations", Json(bad.ToJsonString()))).StatusCode);
        await client.PostAsync("/api/evaluations?name=" + Uri.EscapeDataString(Name), Json(body));

        var records = logs.GetSnapshot();
        var requestLogs = records.Where(r => r.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware").ToList();
        Assert.Contains(requestLogs, r => r.Message.Contains("/api/evaluations/batch", StringComparison.Ordinal) && r.Message.Contains("200", StringComparison.Ordinal));
        Assert.Contains(requestLogs, r => r.Message.Contains("400", StringComparison.Ordinal));
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(p => p.Value) ?? []) + " " + record.Exception;
            foreach (var secret in new[] { Name, School, Company, Department, Uri.EscapeDataString(Name) })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A log record of {record.Category} holds '{secret}': {text}");
            }
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Compression_JsonAnswerAndStaticFile_AreCompressed(string encoding)
    {
        using var client = _factory.CreateClient();
        using var evaluate = new HttpRequestMessage(HttpMethod.Post, "/api/evaluations?lang=en") { Content = Json(PersonalCase()) };
        evaluate.Headers.AcceptEncoding.ParseAdd(encoding);
        using var style = new HttpRequestMessage(HttpMethod.Get, "/css/widget.css");
        style.Headers.AcceptEncoding.ParseAdd(encoding);

        using var answer = await client.SendAsync(evaluate);
        using var css = await client.SendAsync(style);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal([encoding], answer.Content.Headers.ContentEncoding);
        Assert.Equal([encoding], css.Content.Headers.ContentEncoding);
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task StaticFiles_VersionedUrl_IsCachedForAYearAndPlainUrlIsRevalidated()
    {
        using var client = _factory.CreateClient();

        using var versioned = await client.GetAsync("/css/widget.css?v=0123abcd");
        using var plain = await client.GetAsync("/css/widget.css");

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(Operations.VersionedCacheControl, versioned.Headers.CacheControl?.ToString());
        Assert.Equal(Operations.UnversionedCacheControl, plain.Headers.CacheControl?.ToString());
    }
}
