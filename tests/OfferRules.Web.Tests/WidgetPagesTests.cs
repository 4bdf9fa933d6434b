using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace OfferRules.Web.Tests;

/// <summary>The pages rendered on the server from one set of texts, the kit for the custom element, the asset URLs.</summary>
public sealed partial class WidgetPagesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _factory = factory;

    private WidgetPages Pages => _factory.Services.GetRequiredService<WidgetPages>();

    [Fact]
    public void Texts_BothLanguagesAndEveryTemplate_FitTogether()
    {
        var problems = Pages.Check().ToList();

        Assert.Empty(problems);
        Assert.Equal(Pages.Texts("ja").Keys.Order(), Pages.Texts("en").Keys.Order());
    }

    [Fact]
    public void Texts_Japanese_UseFullWidthPunctuation()
    {
        // Placeholders such as {n} and the draft markers such as [職種] are not punctuation; times like 10:00 are kept.
        var wrong = Pages.Texts("ja")
            .Where(text => !text.Key.StartsWith("langGroup", StringComparison.Ordinal))
            .Select(text => (text.Key, Value: Placeholders().Replace(text.Value, string.Empty)))
            .Where(text => HalfWidthPunctuation().IsMatch(text.Value))
            .Select(text => $"{text.Key}: {text.Value}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("/", "ja")]
    [InlineData("/?lang=ja", "ja")]
    [InlineData("/?lang=en", "en")]
    [InlineData("/?lang=en-GB", "en")]
    [InlineData("/?lang=fr", "ja")]
    [InlineData("/embed?lang=en", "en")]
    public async Task Page_Get_IsRenderedInTheRequestedLanguage(string path, string language)
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(path);

        var texts = Pages.Texts(language);
        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<title data-i18n=\"pageTitle\">{WebUtility.HtmlEncode(texts["pageTitle"])}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"description\" content=\"{WebUtility.HtmlEncode(texts["metaDescription"])}\"", html, StringComparison.Ordinal);
        Assert.Contains($">{WebUtility.HtmlEncode(texts["kindLegend"])}</legend>", html, StringComparison.Ordinal);
        Assert.Contains($">{WebUtility.HtmlEncode(texts["submit"])}</button>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"lang-{language}\" lang=\"{language}\" aria-pressed=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.Contains("<form id=\"case-form\" class=\"case-form\" method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("<noscript>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Get_LinksAFaviconAndVersionsEveryAssetWithItsContentHash()
    {
        using var client = _factory.CreateClient();
        var root = _factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;

        var html = await client.GetStringAsync("/");

        var assets = AssetUrl().Matches(html).Select(m => (Path: m.Groups[1].Value, Version: m.Groups[2].Value)).ToList();
        Assert.Equal(["css/widget.css", "favicon.svg", "js/offer-rules-widget.js"], assets.Select(a => a.Path).Order());
        foreach (var (path, version) in assets)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(root, path))));
            Assert.StartsWith(version, hash, StringComparison.Ordinal);
            using var response = await client.GetAsync($"/{path}?v={version}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg?v=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Get_CarriesBothLanguagesForTheLanguageButtonsAsData()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/?lang=en");

        var block = TextsBlock().Match(html);
        Assert.True(block.Success);
        Assert.DoesNotContain("<", block.Groups[1].Value, StringComparison.Ordinal);
        using var texts = JsonDocument.Parse(block.Groups[1].Value);
        Assert.Equal(Pages.Texts("ja")["title"], texts.RootElement.GetProperty("ja").GetProperty("title").GetString());
        Assert.Equal(Pages.Texts("en")["title"], texts.RootElement.GetProperty("en").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Kit_Get_GivesTheCustomElementTheSameTemplateTextsAndAVersionedStylesheet()
    {
        using var client = _factory.CreateClient();

        using var kit = JsonDocument.Parse(await client.GetStringAsync("/widget/kit.json"));

        var root = kit.RootElement;
        Assert.StartsWith("css/widget.css?v=", root.GetProperty("stylesheet").GetString(), StringComparison.Ordinal);
        Assert.Equal(Pages.Parts["body"], root.GetProperty("parts").GetProperty("body").GetString());
        Assert.Contains("id=\"case-form\"", root.GetProperty("parts").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(Pages.Texts("en")["submit"], root.GetProperty("texts").GetProperty("en").GetProperty("submit").GetString());
    }

    [GeneratedRegex(@"\{[a-z]+\}|\[[^\]]+\]|\d:\d")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"[(),.!?;:]")]
    private static partial Regex HalfWidthPunctuation();

    [GeneratedRegex(@"(?:href|src)=""([a-z/.-]+)\?v=([0-9a-f]{16})""")]
    private static partial Regex AssetUrl();

    [GeneratedRegex(@"<script type=""application/json"" id=""offer-rules-texts"">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex TextsBlock();
}
