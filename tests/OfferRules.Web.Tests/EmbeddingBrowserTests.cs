using System.Text.Json;
using Microsoft.Playwright;
using static OfferRules.Web.Tests.WidgetForm;

namespace OfferRules.Web.Tests;

/// <summary>
/// The job board's page (samples/JobBoardHost) on another origin embeds the widget as a custom element and as an
/// iframe; Chromium checks CORS, the messages to the parent, and that an origin that is not configured gets nothing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EmbeddingBrowserTests(BrowserFixture browser)
{
    private const string Name = "鈴木一郎";
    private const string School = "港南大学";

    private static readonly string[] MessageTypes = ["offer-rules:height", "offer-rules:result"];

    private readonly BrowserFixture _browser = browser;

    [ChromiumFact]
    public async Task HostPage_AllowedOrigin_CustomElementEvaluatesCrossOriginAndIframePostsHeightAndOutcome()
    {
        await using var session = await _browser.OpenAsync(1280, 900);
        var page = session.Page;
        await page.GotoAsync(_browser.AllowedHost.ToString());
        var site = _browser.Site.GetLeftPart(UriPartial.Authority);
        Assert.NotEqual(new Uri(page.Url).GetLeftPart(UriPartial.Authority), site);

        // The custom element: one script tag, a shadow root, the form in the element's language.
        var element = page.Locator("offer-rules-widget");
        await element.Locator("#case-form").WaitForAsync();
        Assert.True(await element.EvaluateAsync<bool>("e => e.shadowRoot !== null && e.shadowRoot.querySelector('#case-form') !== null"));
        Assert.Equal(0, await page.Locator("#case-form").EvaluateAllAsync<int>("forms => forms.filter(f => f.getRootNode() === document).length"));
        Assert.Equal(Text("ja", "kindLegend"), await element.Locator("fieldset legend").First.TextContentAsync());
        await Assertions.Expect(element.Locator("#case-form")).ToBeVisibleAsync();

        // Themed from the host page: its accent reaches the submit button through the shadow root.
        Assert.Equal("rgb(11, 110, 79)", await element.Locator("#submit").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));

        var frame = page.FrameLocator("#offer-rules-frame");
        await frame.Locator("#case-form").WaitForAsync();
        await WaitForMessageAsync(session, "offer-rules:height");
        await session.AssertAccessibleAsync("the job board with both empty forms");

        // The element evaluates a case against the widget's site: a CORS request from the board's origin.
        await FillAsync(s => element.Locator(s), Case("S01", Name, School, "総合職", "人事部", "高橋"));
        await element.Locator("#submit").ClickAsync();
        var expected = Evaluate(session.ApiBodies[^1], "ja");
        var outlook = expected.GetProperty("outlook").GetString()!;
        await WaitForTextAsync(element.Locator("#outlook-label"), Text("ja", $"r.outlook.{outlook}"));
        Assert.Contains(session.RequestUrls, url => url.StartsWith(site + "/api/evaluations?lang=ja", StringComparison.Ordinal));
        await WaitForTextAsync(page.Locator("#element-outcome"), $"rule set {expected.GetProperty("ruleSet").GetProperty("id").GetString()}");
        await SetOpenAsync(element.Locator("details.fold"), true);
        await session.AssertAccessibleAsync("the custom element's result, every section open");
        await SetOpenAsync(element.Locator("details.fold"), false);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await session.ScreenshotAsync("embed-element.png");

        // The dark theme with the widget's own colours (the board's accent set back to the default).
        await element.EvaluateAsync("e => { e.setAttribute('theme', 'dark'); e.style.setProperty('--offer-rules-accent', 'initial'); e.style.setProperty('--offer-rules-accent-strong', 'initial'); }");
        await SetOpenAsync(element.Locator("details.fold"), true);
        await session.AssertAccessibleAsync("the custom element's result in the dark theme, every section open");
        await SetOpenAsync(element.Locator("details.fold"), false);
        await session.ScreenshotAsync("embed-element-dark.png");
        await element.EvaluateAsync("e => { e.setAttribute('theme', 'light'); e.style.cssText = ''; }");

        // The iframe: fill it in English and submit; the parent hears the new height and the outcome.
        var heightsBefore = (await MessagesOfTypeAsync(session, "offer-rules:height")).Count;
        await FillAsync(s => frame.Locator(s), Case("S04", Name, School, "総合職", "人事部", "高橋"));
        await frame.Locator("#submit").ClickAsync();
        var result = await WaitForMessageAsync(session, "offer-rules:result");
        var frameExpected = Evaluate(session.ApiBodies[^1], "en");
        Assert.Equal(frameExpected.GetProperty("outlook").GetString(), result.GetProperty("outlook").GetString());
        Assert.Equal(frameExpected.GetProperty("confidence").GetString(), result.GetProperty("confidence").GetString());
        Assert.Equal(frameExpected.GetProperty("ruleSet").GetProperty("version").GetString(), result.GetProperty("ruleSet").GetProperty("version").GetString());
        await WaitForTextAsync(page.Locator("#frame-outcome"), $"Outcome: {result.GetProperty("outlook").GetString() switch { "veryUnlikely" => "very unlikely", var o => o }}");

        // The host sized the iframe to the height the frame reported last, and no scroll bar is left in it.
        await page.WaitForFunctionAsync("n => window.__messages.filter(m => m.data.type === 'offer-rules:height').length > n", heightsBefore);
        var lastHeight = (await MessagesOfTypeAsync(session, "offer-rules:height"))[^1].GetProperty("height").GetInt32();
        await page.WaitForFunctionAsync("h => Math.round(document.getElementById('offer-rules-frame').getBoundingClientRect().height) >= h", lastHeight);
        Assert.True(lastHeight > 900, $"The frame's result should be taller than its first screen, not {lastHeight}px.");

        // Every message came from the widget's origin, says only what the format allows, and holds nothing typed.
        var messages = await session.MessagesAsync();
        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.Equal(site, message.GetProperty("origin").GetString());
            var data = message.GetProperty("data");
            var type = data.GetProperty("type").GetString();
            Assert.Contains(type, MessageTypes);
            var keys = data.EnumerateObject().Select(p => p.Name).Order().ToArray();
            Assert.Equal(type == "offer-rules:height" ? ["height", "type"] : ["confidence", "outlook", "ruleSet", "type"], keys);
            var text = data.GetRawText();
            foreach (var personal in new[] { Name, School, "総合職", "高橋", "2025", "Sakura" })
            {
                Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
            }
        }

        await page.Locator("#offer-rules-frame").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("embed-iframe.png");
        session.AssertNoPersonalDataInUrls(Name, School, "総合職", "高橋");
        session.AssertNoScriptErrors();
    }

    [ChromiumFact]
    public async Task HostPage_OriginNotConfigured_GetsNoApiNoFrameAndNoMessage()
    {
        await using var session = await _browser.OpenAsync(1280, 900);
        var page = session.Page;

        // On an origin that is not in AllowedOrigins the element cannot fetch its kit (no CORS for it) and says so,
        // and the iframe is refused by frame-ancestors.
        await page.GotoAsync(_browser.OtherHost.ToString());
        var element = page.Locator("offer-rules-widget");
        await WaitForTextAsync(element.Locator("p[role='status']"), "フォームを読み込めませんでした");
        Assert.Equal(0, await element.Locator("#case-form").CountAsync());
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, await page.FrameLocator("#offer-rules-frame").Locator("#case-form").CountAsync());
        Assert.Empty(await session.MessagesAsync());

        // On an allowed board, a frame that names another parent posts nothing at all, to anyone: no "*" fallback.
        await page.GotoAsync(_browser.AllowedHost.ToString());
        await WaitForMessageAsync(session, "offer-rules:height");
        await page.EvaluateAsync("() => window.__messages = []");
        await page.EvaluateAsync(
            "src => { const f = document.getElementById('offer-rules-frame'); f.src = src; }",
            $"{_browser.Site}embed?lang=en&parent={Uri.EscapeDataString(_browser.OtherHost.GetLeftPart(UriPartial.Authority))}");
        var frame = page.FrameLocator("#offer-rules-frame");
        await frame.Locator("#case-form").WaitForAsync();
        Assert.Null(await frame.Locator("main").GetAttributeAsync("data-parent-origin"));
        await FillAsync(s => frame.Locator(s), Case("S01", Name, School, "総合職", "人事部", "高橋"));
        await frame.Locator("#submit").ClickAsync();
        await frame.Locator("#outlook-label").WaitForAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(await session.MessagesAsync());
    }

    private static async Task<JsonElement> WaitForMessageAsync(BrowserSession session, string type)
    {
        await session.Page.WaitForFunctionAsync("t => (window.__messages || []).some(m => m.data && m.data.type === t)", type,
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        return (await MessagesOfTypeAsync(session, type))[^1];
    }

    private static async Task<List<JsonElement>> MessagesOfTypeAsync(BrowserSession session, string type) =>
        [.. (await session.MessagesAsync()).Select(m => m.GetProperty("data")).Where(d => d.GetProperty("type").GetString() == type)];
}
