using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OfferRules.Web.Tests;

/// <summary>The OpenAPI document the sample serves: typed bodies, problem details, and the committed copy the client is generated from.</summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Components = "#/components/schemas/";
    private readonly ApiFactory _factory = factory;

    private async Task<string> ServedAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        return document.RootElement.Clone();
    }

    private static string? Ref(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? reference.GetString() : null;

    private static JsonElement Post(JsonElement document, string path) => document.GetProperty("paths").GetProperty(path).GetProperty("post");

    [Fact]
    public async Task Document_Served_EqualsTheCommittedDocumentTheClientIsGeneratedFrom()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi", "openapi.json"));

        var served = await ServedAsync();

        var committedLines = committed.TrimEnd().Split('\n');
        var servedLines = served.TrimEnd().Split('\n');
        var first = Enumerable.Range(0, Math.Max(committedLines.Length, servedLines.Length))
            .FirstOrDefault(i => i >= committedLines.Length || i >= servedLines.Length || committedLines[i] != servedLines[i], -1);
        Assert.True(first < 0,
            $"The served OpenAPI document differs from samples/OfferRules.Web.Client/openapi.json at line {first + 1}:\n"
            + $"  committed: {committedLines.ElementAtOrDefault(first)?.Trim()}\n  served:    {servedLines.ElementAtOrDefault(first)?.Trim()}\n"
            + "Run eng/web-client.sh update and commit the document with the regenerated client.");
    }

    [Theory]
    [InlineData("/api/evaluations")]
    [InlineData("/api/tenants/{tenant}/evaluations")]
    public async Task Document_SingleEvaluate_TakesACaseAndAnswersAnEvaluationWithExamples(string path)
    {
        var document = await DocumentAsync();

        var operation = Post(document, path);

        var request = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal(Components + "Case", Ref(request.GetProperty("schema")));
        Assert.Equal("declineWithdrawal", request.GetProperty("example").GetProperty("kind").GetString());
        var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json");
        Assert.Equal(Components + "Evaluation", Ref(ok.GetProperty("schema")));
        Assert.Equal("likely", ok.GetProperty("example").GetProperty("outlook").GetString());
        foreach (var status in new[] { "400", "413", "429" })
        {
            var problem = operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/problem+json");
            Assert.Equal(Components + "ProblemDetails", Ref(problem.GetProperty("schema")));
        }
    }

    [Fact]
    public async Task Document_Batch_NamesTheItemSchemaOfEachLineBothWays()
    {
        var document = await DocumentAsync();

        var operation = Post(document, "/api/evaluations/batch");

        var request = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/x-ndjson");
        Assert.Equal(Components + "Case", Ref(request.GetProperty("x-itemSchema")));
        var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/x-ndjson");
        Assert.Equal(Components + "Evaluation", Ref(ok.GetProperty("x-itemSchema")));
        Assert.Equal("line 1", JsonDocument.Parse(ok.GetProperty("example").GetString()!).RootElement.GetProperty("input").GetString());
        Assert.Contains("invalid", operation.GetProperty("responses").GetProperty("200").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_ProblemDetails_DescribesTheIssuesExtension()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");

        var problem = schemas.GetProperty("ProblemDetails").GetProperty("properties");
        Assert.Equal(Components + "ProblemIssue", Ref(problem.GetProperty("issues").GetProperty("items")));
        Assert.Equal(Components + "RuleSetRecord", Ref(problem.GetProperty("ruleSet")));
        Assert.True(problem.TryGetProperty("limit", out _));
        var issue = schemas.GetProperty("ProblemIssue");
        Assert.Equal(["code", "message", "path", "severity"], issue.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Document_Components_NameTheTypesAClientNeeds()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var name in new[] { "Case", "Offer", "Decline", "Company", "CaseRequest", "Candidate", "MissedContact", "BusinessHours", "Evaluation", "Finding", "NamedCondition", "MissingFact", "Suggestion", "CallWindow", "PlannedTimeOutlook", "ActionStep", "Draft", "Advice", "Issue", "RuleSetRecord", "Outlook" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), $"no component {name}");
        }

        Assert.DoesNotContain("$defs", await ServedAsync(), StringComparison.Ordinal);
        Assert.Equal(Components + "Finding", Ref(schemas.GetProperty("Evaluation").GetProperty("properties").GetProperty("findings").GetProperty("items")));
    }

    [Fact]
    public async Task Document_Info_PointsAtBothServedSchemasAndHasARelativeServer()
    {
        var document = await DocumentAsync();

        var description = document.GetProperty("info").GetProperty("description").GetString();

        Assert.Contains("/schema/case.schema.json", description, StringComparison.Ordinal);
        Assert.Contains("/schema/evaluation.schema.json", description, StringComparison.Ordinal);
        Assert.Equal("MIT", document.GetProperty("info").GetProperty("license").GetProperty("identifier").GetString());
        Assert.Equal("/", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task EvaluationSchema_Get_ServesTheJsonSchema()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/schema/evaluation.schema.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("OfferRules evaluation result", schema["title"]!.GetValue<string>());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
    }
}
