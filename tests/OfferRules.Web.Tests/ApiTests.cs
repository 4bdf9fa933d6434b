using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Web.Tests;

public sealed class ApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _factory = factory;

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent Json(string body) => Json(Encoding.UTF8.GetBytes(body));

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static List<string> IssuePaths(JsonElement problem) =>
        [.. problem.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("path").GetString()!)];

    [Fact]
    public async Task Evaluate_ValidCase_ReturnsExactlyTheEvaluationJson()
    {
        using var client = _factory.CreateClient();
        var body = Inputs.Case("S01");

        using var response = await client.PostAsync("/api/evaluations?lang=en", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = EvaluationJson.ToJson(OfferEvaluator.Default.EvaluateJson(body, new EvaluationOptions { Language = "en" }));
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/evaluations?lang=en", "S01")]
    [InlineData("/api/evaluations?lang=en", "S25")]
    [InlineData("/api/evaluations/batch?lang=en", "S01")]
    public async Task Api_AnyAnswer_IsNeverCached(string path, string example)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(path, Json(Inputs.Case(example)));
        using var ruleSet = await client.GetAsync("/api/rule-set");

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", ruleSet.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task WidgetPage_WithoutJavaScript_PostsAndSaysWhy()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetStringAsync("/");

        Assert.Contains("<form id=\"case-form\" class=\"case-form\" method=\"post\"", page, StringComparison.Ordinal);
        Assert.Contains("<noscript>", page, StringComparison.Ordinal);
        Assert.Contains("JavaScriptを有効にしてから", page, StringComparison.Ordinal);
        Assert.Contains("Please turn JavaScript on", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_NoLanguage_SpeaksTheConfiguredDefaultJapanese()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations", Json(Inputs.Case("S04")));

        var root = await ReadJsonAsync(response);
        Assert.Equal("unlikely", root.GetProperty("outlook").GetString());
        Assert.Equal("medium", root.GetProperty("confidence").GetString());
        var message = root.GetProperty("findings")[0].GetProperty("message").GetString()!;
        Assert.Contains(message, c => c >= '\u3040' && c <= '\u30ff');
    }

    [Fact]
    public async Task Evaluate_RegionalLanguageTag_IsAccepted()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations?lang=en-US", Json(Inputs.Case("S01")));

        var root = await ReadJsonAsync(response);
        Assert.StartsWith("Taking back", root.GetProperty("findings")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Evaluate_UnsupportedLanguage_Returns400Problem()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations?lang=fr", Json(Inputs.Case("S01")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(["lang"], IssuePaths(problem));
    }

    [Fact]
    public async Task Evaluate_ContradictoryCase_Returns400ProblemWithThePath()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations?lang=en", Json(Inputs.Case("S25")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("https://offerrules.invalid/problems/invalid-case", problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("/api/evaluations", problem.GetProperty("instance").GetString());
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray());
        Assert.Equal("V-01", issue.GetProperty("code").GetString());
        Assert.Equal("$.decline.declinedOn", issue.GetProperty("path").GetString());
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Evaluate_SeveralProblems_ListsEveryIssueWithItsPath()
    {
        using var client = _factory.CreateClient();
        const string body = """
            {
              "asOf": "2025-07-02",
              "offer": { "offeredOn": "2025-02-30", "track": "intern" },
              "decline": { "declinedOn": "2025-07-01", "chanel": "phone" },
              "company": { "seatStatus": 3 }
            }
            """;

        using var response = await client.PostAsync("/api/evaluations?lang=ja", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        var paths = IssuePaths(problem);
        Assert.Contains("$.offer.offeredOn", paths);
        Assert.Contains("$.offer.track", paths);
        Assert.Contains("$.decline.chanel", paths);
        Assert.Contains("$.company.seatStatus", paths);
        Assert.Contains("件の問題", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Evaluate_MalformedJson_Returns400WithARootPath()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations", Json("{ \"asOf\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray());
        Assert.Equal("case.malformedJson", issue.GetProperty("code").GetString());
        Assert.StartsWith("$", issue.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Evaluate_BodyOverTheCaseLimit_Returns413Problem()
    {
        using var client = _factory.CreateClient();
        var body = "{\"offer\":{\"company\":\"" + new string('x', 70 * 1024) + "\"}}";

        using var response = await client.PostAsync("/api/evaluations?lang=en", Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(65536, problem.GetProperty("limit").GetInt64());
    }

    [Fact]
    public async Task Evaluate_ChunkedBodyOverTheCaseLimit_Returns413Problem()
    {
        using var client = _factory.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("{\"offer\":{\"company\":\"" + new string('x', 70 * 1024) + "\"}}");
        using var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/evaluations", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task EvaluateBatch_GoodBadBlankAndGoodLines_StreamsOneResultPerCaseLine()
    {
        using var client = _factory.CreateClient();
        var body = Inputs.Line("S01") + "\n{ not json\n\n" + Inputs.Line("S04") + "\r\n" + Inputs.Line("S25");
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");

        using var response = await client.PostAsync("/api/evaluations/batch?lang=en", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["line 1", "line 2", "line 4", "line 5"], results.Select(r => r.GetProperty("input").GetString()));
        Assert.Equal(["evaluated", "invalid", "evaluated", "invalid"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("likely", results[0].GetProperty("outlook").GetString());
        Assert.Equal("case.malformedJson", results[1].GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal("unlikely", results[2].GetProperty("outlook").GetString());
        Assert.Equal("$.decline.declinedOn", results[3].GetProperty("issues")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task EvaluateBatch_LineOverTheCaseLimit_GivesAnInvalidLineAndGoesOn()
    {
        using var client = _factory.CreateClient();
        var body = "{\"offer\":{\"company\":\"" + new string('x', 70 * 1024) + "\"}}\n" + Inputs.Line("S01") + "\n";
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");

        using var response = await client.PostAsync("/api/evaluations/batch", content);

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("invalid", first.RootElement.GetProperty("status").GetString());
        Assert.Equal("request.lineTooLarge", first.RootElement.GetProperty("issues")[0].GetProperty("code").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("likely", second.RootElement.GetProperty("outlook").GetString());
    }

    [Fact]
    public async Task EvaluateBatch_DeclaredBodyOverTheBatchLimit_Returns413Problem()
    {
        using var client = _factory.CreateClient();
        var line = Inputs.Line("S01") + "\n";
        var body = string.Concat(Enumerable.Repeat(line, (4 * 1024 * 1024 / line.Length) + 1));
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");

        using var response = await client.PostAsync("/api/evaluations/batch", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EvaluateBatch_MoreCasesThanTheLimit_EndsWithOneTooManyCasesLine()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("OfferRulesWeb:MaxBatchCases", "2"));
        using var client = factory.CreateClient();
        var body = string.Join('\n', Enumerable.Repeat(Inputs.Line("S01"), 5));
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");

        using var response = await client.PostAsync("/api/evaluations/batch?lang=en", content);

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var last = JsonDocument.Parse(lines[2]);
        Assert.Equal("line 3", last.RootElement.GetProperty("input").GetString());
        Assert.Equal("request.tooManyCases", last.RootElement.GetProperty("issues")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task EvaluateBatch_FirstLineSentOverKestrel_ItsResultArrivesBeforeTheBodyEnds()
    {
        using var app = KestrelApp.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var http = await RawHttp.ConnectAsync(app.BaseAddress, timeout.Token);

        await http.SendHeadAsync("POST", "/api/evaluations/batch?lang=en", app.BaseAddress.Authority, "application/x-ndjson", timeout.Token);
        await http.SendChunkAsync(Inputs.Line("S01") + "\n", timeout.Token);
        var (status, headers) = await http.ReadHeadAsync(timeout.Token);
        var first = await http.ReadBodyLineAsync(timeout.Token);
        await http.SendChunkAsync(Inputs.Line("S04") + "\n", timeout.Token);
        var second = await http.ReadBodyLineAsync(timeout.Token);
        await http.SendLastChunkAsync(timeout.Token);
        var end = await http.ReadBodyLineAsync(timeout.Token);

        Assert.StartsWith("HTTP/1.1 200", status);
        Assert.Contains(headers, h => h.StartsWith("Content-Type: application/x-ndjson", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\"input\":\"line 1\"", first);
        Assert.Contains("\"outlook\":\"likely\"", first);
        Assert.Contains("\"input\":\"line 2\"", second);
        Assert.Contains("\"outlook\":\"unlikely\"", second);
        Assert.Null(end);
    }

    [Fact]
    public async Task Evaluate_ChunkedBodyOverTheCaseLimitOverKestrel_Returns413Problem()
    {
        using var app = KestrelApp.Start();
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var bytes = Encoding.UTF8.GetBytes("{\"offer\":{\"company\":\"" + new string('x', 200 * 1024) + "\"}}");
        using var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("api/evaluations", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetRuleSet_Default_ListsIdVersionHashAndTheConditions()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/rule-set");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await ReadJsonAsync(response);
        Assert.Equal(RuleSet.Default.Id, root.GetProperty("id").GetString());
        Assert.Equal(RuleSet.Default.Version, root.GetProperty("version").GetString());
        Assert.Equal(RuleSet.Default.ContentHash, root.GetProperty("hash").GetString());
        var decline = root.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "declineWithdrawal");
        var conditions = decline.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()).ToList();
        foreach (var id in new[] { "basicallyNotPossible", "seatsStillOpen", "neededTalent", "unavoidableReason", "goodConduct", "fairnessToOtherCandidates", "seatsAlreadyFilled", "internalControls" })
        {
            Assert.Contains(id, conditions);
        }

        Assert.Equal(RuleSet.Default.GetRuleIds(Domain.CaseKind.DeclineWithdrawal), decline.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!));
        Assert.Contains(root.GetProperty("policies").EnumerateArray(), p => p.GetProperty("kind").GetString() == "missedEmployerContact");
    }

    [Fact]
    public async Task GetRuleSet_RuleFileConfigured_ServesThatRuleSet()
    {
        var path = Path.Combine(Path.GetTempPath(), $"offerrules-web-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, RuleSetJson.DefaultPolicyJson.Replace("\"offerrules.default\"", "\"jobboard.tenant\"", StringComparison.Ordinal));
        try
        {
            using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("OfferRulesWeb:RuleSetFile", path));
            using var client = factory.CreateClient();

            var root = await ReadJsonAsync(await client.GetAsync("/api/rule-set"));
            using var evaluated = await client.PostAsync("/api/evaluations", Json(Inputs.Case("S01")));
            var result = await ReadJsonAsync(evaluated);

            Assert.Equal("jobboard.tenant", root.GetProperty("id").GetString());
            Assert.NotEqual(RuleSet.Default.ContentHash, root.GetProperty("hash").GetString());
            Assert.Equal("jobboard.tenant", result.GetProperty("ruleSet").GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheThreeEndpoints()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await ReadJsonAsync(response);
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        var paths = root.GetProperty("paths");
        var evaluate = paths.GetProperty("/api/evaluations").GetProperty("post");
        Assert.Equal("evaluate", evaluate.GetProperty("operationId").GetString());
        Assert.Equal("declineWithdrawal", evaluate.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("kind").GetString());
        Assert.Equal("likely", evaluate.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("outlook").GetString());
        Assert.True(evaluate.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(evaluate.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(paths.GetProperty("/api/evaluations/batch").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-ndjson", out _));
        Assert.True(paths.GetProperty("/api/rule-set").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task CaseSchema_Get_ServesTheJsonSchema()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/schema/case.schema.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await ReadJsonAsync(response);
        Assert.Equal("OfferRules case", root.GetProperty("title").GetString());
    }

    [Fact]
    public async Task RateLimiter_OverThePermitLimit_Returns429ProblemWithRetryAfter()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("OfferRulesWeb:PermitLimit", "2"));
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/rule-set");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public void Settings_Defaults_AreTheDocumentedLimits()
    {
        using var factory = new WebApplicationFactory<Program>();

        var settings = factory.Services.GetService(typeof(WebSampleOptions)) as WebSampleOptions;

        Assert.NotNull(settings);
        Assert.Equal(64 * 1024, settings.MaxCaseBytes);
        Assert.Equal(4 * 1024 * 1024, settings.MaxBatchBytes);
        Assert.Equal(1000, settings.MaxBatchCases);
        Assert.Equal(60, settings.PermitLimit);
        Assert.Equal(60, settings.WindowSeconds);
        Assert.Equal("ja", settings.DefaultLanguage);
    }

    [Fact]
    public async Task IndexPage_Get_ServesTheJapaneseWidgetWithSecurityHeaders()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ja\"", html);
        Assert.Contains("aria-live", html);
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
    }

    /// <summary>A stream whose length is unknown, so that the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
