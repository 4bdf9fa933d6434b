using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace OfferRules.Web.Tests;

/// <summary>OfferRulesWeb:AllowedOrigins: its validation, CORS, frame-ancestors and the iframe page's message target.</summary>
public sealed class EmbeddingTests
{
    private const string Board = "https://board.example";

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.board.example")]
    [InlineData("https://board.example/jobs")]
    [InlineData("https://board.example/?x=1")]
    [InlineData("https://user@board.example")]
    [InlineData("ftp://board.example")]
    [InlineData("board.example")]
    [InlineData("/relative")]
    [InlineData("")]
    public void Validate_NotAnOrigin_NamesTheSettingAndTheValue(string value)
    {
        var problems = Embedding.Validate([Board, value]).ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("OfferRulesWeb:AllowedOrigins:1", problem, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://board.example", "https://board.example")]
    [InlineData("https://Board.Example/", "https://board.example")]
    [InlineData("https://board.example:443", "https://board.example")]
    [InlineData("http://localhost:5190", "http://localhost:5190")]
    public void Normalize_AnOrigin_IsWrittenAsBrowsersSendIt(string value, string expected) =>
        Assert.Equal(expected, Embedding.Normalize(value));

    [Fact]
    public void Start_InvalidOrigin_FailsWithTheSettingNamed()
    {
        using var factory = Factory("https://board.example/jobs");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("OfferRulesWeb:AllowedOrigins:0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Default_AllowNoOrigin()
    {
        Assert.Empty(new WebSampleOptions().AllowedOrigins);
    }

    [Theory]
    [InlineData("/api/evaluations")]
    [InlineData("/api/evaluations/batch")]
    [InlineData("/widget/kit.json")]
    public async Task Preflight_AllowedOrigin_Answers204AndGrantsIt(string path)
    {
        using var factory = Factory(Board);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight(path, Board));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Board, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("content-type", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Board, "https://other.example")]
    [InlineData(null, Board)]
    public async Task Preflight_OriginNotConfigured_IsNotGranted(string? configured, string origin)
    {
        using var factory = Factory(configured);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight("/api/evaluations", origin));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Evaluate_FromAnAllowedOrigin_AnswersWithTheOriginAllowed()
    {
        using var factory = Factory(Board);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/evaluations?lang=en")
        {
            Content = new ByteArrayContent(Inputs.Case("S01")) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add("Origin", Board);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Board, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData(null, "frame-ancestors 'self'")]
    [InlineData(Board, "frame-ancestors 'self' https://board.example")]
    public async Task Pages_Get_MayBeFramedOnlyByTheSiteAndTheAllowedOrigins(string? configured, string expected)
    {
        using var factory = Factory(configured);
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/", "/embed", "/api/rule-set" })
        {
            using var response = await client.GetAsync(path);
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.EndsWith(expected, policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Board, Board, true)]
    [InlineData(Board, "https://board.example/", true)]
    [InlineData(Board, "https://other.example", false)]
    [InlineData(Board, "*", false)]
    [InlineData(Board, null, false)]
    [InlineData(null, Board, false)]
    public async Task Embed_Get_PostsOnlyToAnAllowedParent(string? configured, string? parent, bool posts)
    {
        using var factory = Factory(configured);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(parent is null ? "/embed?lang=en" : $"/embed?lang=en&parent={Uri.EscapeDataString(parent)}");

        Assert.Equal(posts, html.Contains($"data-parent-origin=\"{Board}\"", StringComparison.Ordinal));
        Assert.Equal(posts ? 1 : 0, html.Split("data-parent-origin").Length - 1);
    }

    private static ApiFactory Factory(string? origin) =>
        new(web =>
        {
            if (origin is not null)
            {
                web.UseSetting("OfferRulesWeb:AllowedOrigins:0", origin);
            }
        });

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
