using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using OfferRules.Serialization;

namespace OfferRules.Web.Tests;

/// <summary>Each endpoint with a body reads only its own media type: 415 problem details for any other, or none.</summary>
public sealed class MediaTypeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("offerrules-media-").FullName;
    private readonly ApiFactory _factory;

    public MediaTypeTests()
    {
        var tenantRules = Path.Combine(_directory, "acme.json");
        File.WriteAllText(tenantRules, RuleSetJson.DefaultPolicyJson);
        _factory = new ApiFactory(web => web.UseSetting("OfferRules:Tenants:acme:RuleSetPath", tenantRules));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    public static TheoryData<string, string> CaseEndpointsAndGoodTypes() => Cross(
        ["/api/evaluations", "/api/tenants/acme/evaluations"],
        ["application/json", "application/json; charset=utf-8", "Application/JSON; Charset=\"UTF-8\""]);

    public static TheoryData<string, string> CaseEndpointsAndBadTypes() => Cross(
        ["/api/evaluations", "/api/tenants/acme/evaluations"],
        ["text/plain", "application/x-ndjson", "application/merge-patch+json", "application/problem+json", "text/json",
         "application/json; charset=iso-8859-1", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "not a media type"]);

    [Theory]
    [MemberData(nameof(CaseEndpointsAndGoodTypes))]
    public async Task Evaluate_AcceptedContentType_Returns200(string path, string contentType)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(path + "?lang=en", Body(Inputs.Case("S01"), contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CaseEndpointsAndBadTypes))]
    public async Task Evaluate_OtherContentType_Returns415ProblemNamingBothTypes(string path, string contentType)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(path + "?lang=en", Body(Inputs.Case("S01"), contentType));

        var problem = await ReadProblemAsync(response);
        Assert.Equal("https://offerrules.invalid/problems/unsupported-media-type", problem.GetProperty("type").GetString());
        Assert.Equal(path, problem.GetProperty("instance").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'" + contentType + "'", detail, StringComparison.Ordinal);
        Assert.Contains("application/json", detail, StringComparison.Ordinal);
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray());
        Assert.Equal("request.unsupportedMediaType", issue.GetProperty("code").GetString());
        Assert.Equal("Content-Type", issue.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("/api/evaluations")]
    [InlineData("/api/tenants/acme/evaluations")]
    [InlineData("/api/evaluations/batch")]
    public async Task Evaluate_NoContentType_Returns415ProblemSayingSo(string path)
    {
        using var client = _factory.CreateClient();
        using var content = new ByteArrayContent(Inputs.Case("S01"));

        using var response = await client.PostAsync(path + "?lang=en", content);

        Assert.Null(content.Headers.ContentType);
        var problem = await ReadProblemAsync(response);
        Assert.StartsWith("The request has no Content-Type", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_OtherContentTypeInJapanese_DetailIsJapaneseWithTheTypes()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations?lang=ja", Body(Inputs.Case("S01"), "text/plain"));

        var detail = (await ReadProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Equal("内容の形式が「text/plain」でした。このエンドポイントが読めるのはapplication/json（charsetを付けるならutf-8）です。", detail);
    }

    [Fact]
    public async Task Evaluate_UnsupportedLanguageAndContentType_TheLanguageIsReportedFirst()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations?lang=fr", Body(Inputs.Case("S01"), "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/x-ndjson; charset=utf-8")]
    [InlineData("application/jsonl")]
    [InlineData("application/jsonl; charset=utf-8")]
    public async Task EvaluateBatch_AcceptedContentType_StreamsTheResults(string contentType)
    {
        using var client = _factory.CreateClient();
        var body = Encoding.UTF8.GetBytes(Inputs.Line("S01") + "\n" + Inputs.Line("S04") + "\n");

        using var response = await client.PostAsync("/api/evaluations/batch?lang=en", Body(body, contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/x-ndjson; charset=utf-16")]
    [InlineData("application/jsonlines")]
    [InlineData("application/x-jsonlines+json")]
    public async Task EvaluateBatch_OtherContentType_Returns415ProblemNamingBothTypes(string contentType)
    {
        using var client = _factory.CreateClient();
        var body = Encoding.UTF8.GetBytes(Inputs.Line("S01") + "\n");

        using var response = await client.PostAsync("/api/evaluations/batch?lang=en", Body(body, contentType));

        var problem = await ReadProblemAsync(response);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'" + contentType + "'", detail, StringComparison.Ordinal);
        Assert.Contains("application/x-ndjson or application/jsonl", detail, StringComparison.Ordinal);
        Assert.Equal("request.unsupportedMediaType", problem.GetProperty("issues")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Evaluate_ContentTypeWithControlCharactersAndGreatLength_DetailIsShortAndClean()
    {
        using var client = _factory.CreateClient();
        using var content = new ByteArrayContent(Inputs.Case("S01"));
        content.Headers.TryAddWithoutValidation("Content-Type", "text/" + new string('x', 300));

        using var response = await client.PostAsync("/api/evaluations?lang=en", content);

        var detail = (await ReadProblemAsync(response)).GetProperty("detail").GetString()!;
        Assert.Contains("'text/" + new string('x', 95) + "…'", detail, StringComparison.Ordinal);
        Assert.True(detail.Length < 250, detail);
    }

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return content;
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(415, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    private static TheoryData<string, string> Cross(string[] paths, string[] types)
    {
        var data = new TheoryData<string, string>();
        foreach (var path in paths)
        {
            foreach (var type in types)
            {
                data.Add(path, type);
            }
        }

        return data;
    }
}
