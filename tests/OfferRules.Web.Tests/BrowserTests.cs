using System.Text.Json;
using Microsoft.Playwright;
using OfferRules.Evaluation;

namespace OfferRules.Web.Tests;

/// <summary>The widget page in a real browser: Debian's Chromium driven by Playwright, against the app on Kestrel.</summary>
public sealed class BrowserTests
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [ChromiumFact]
    public async Task Widget_TwoExampleCases_ShowOutlookAndReasonsInBothLanguages()
    {
        await using var session = await BrowserSession.StartAsync(1280, 900);
        var page = session.Page;

        await page.GotoAsync(session.BaseAddress);
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("いつのことですか", await page.Locator("fieldset legend").First.TextContentAsync());

        // S01 in Japanese.
        await FillAsync(page, "S01");
        await page.ClickAsync("#submit");
        await WaitForTextAsync(page, "#outlook-label", "見込みあり");
        await AssertFirstReasonShownAsync(page, "S01", "ja");
        Assert.Equal(5, await page.Locator("#results-body section[aria-labelledby='r-conditions'] .conditions li").CountAsync());
        Assert.Equal(3, await page.Locator("#results-body section[aria-labelledby='r-failures'] .conditions li").CountAsync());
        Assert.Equal("4", await page.GetAttributeAsync("[role=meter]", "aria-valuenow"));
        Assert.True(await page.Locator(".plan li").CountAsync() > 0);
        Assert.True(await page.Locator(".draft button.copy").CountAsync() > 0);
        Assert.Contains("見込みあり", await page.TextContentAsync("#results-status"));
        await SaveScreenshotAsync(page, "widget-s01-ja.png", fullPage: true);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await SaveScreenshotAsync(page, "widget.png", fullPage: false);

        // Switch to English: the form and the result follow.
        await page.ClickAsync("#lang-en");
        await WaitForTextAsync(page, "#outlook-label", "Likely");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("true", await page.GetAttributeAsync("#lang-en", "aria-pressed"));
        Assert.Equal("When did it happen?", await page.Locator("fieldset legend").First.TextContentAsync());
        Assert.Equal("The day you declined", await page.TextContentAsync("label[for='f-decline-declinedOn']"));
        await AssertFirstReasonShownAsync(page, "S01", "en");

        // S04 in English.
        await page.ClickAsync("button[type=reset]");
        await FillAsync(page, "S04");
        await page.ClickAsync("#submit");
        await WaitForTextAsync(page, "#outlook-label", "Unlikely");
        await AssertFirstReasonShownAsync(page, "S04", "en");
        await SaveScreenshotAsync(page, "widget-s04-en.png", fullPage: true);

        // And back to Japanese.
        await page.ClickAsync("#lang-ja");
        await WaitForTextAsync(page, "#outlook-label", "難しい");
        Assert.Equal("辞退を伝えた日", await page.TextContentAsync("label[for='f-decline-declinedOn']"));
    }

    [ChromiumFact]
    public async Task Widget_DeclineAfterToday_ShowsTheProblemNextToTheDateField()
    {
        await using var session = await BrowserSession.StartAsync(1280, 900);
        var page = session.Page;
        await page.GotoAsync(session.BaseAddress);

        await page.FillAsync("[name='asOf']", "2025-07-02");
        await page.FillAsync("[name='decline.declinedOn']", "2025-07-10");
        await page.ClickAsync("#submit");

        var field = page.Locator(".field[data-path='$.decline.declinedOn']");
        await field.Locator(".error-text").WaitForAsync();
        Assert.Contains("2025-07-10", await field.Locator(".error-text").TextContentAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#f-decline-declinedOn", "aria-invalid"));
        Assert.Contains("m-f-decline-declinedOn", await page.GetAttributeAsync("#f-decline-declinedOn", "aria-describedby"));
        Assert.True(await page.IsVisibleAsync("#error-summary"));
        Assert.Equal("#f-decline-declinedOn", await page.GetAttributeAsync("#error-summary a", "href"));
        Assert.Equal(0, await page.Locator(".field[data-path='$.offer.offeredOn'] .error-text").CountAsync());
        Assert.Contains("1件", await page.TextContentAsync("#results-status"));
        await SaveScreenshotAsync(page, "widget-invalid-ja.png", fullPage: false);

        // Fixing the date clears the problem; a call planned for a Sunday night is a warning next to its field.
        await page.FillAsync("[name='decline.declinedOn']", "2025-07-01");
        await page.ClickAsync("#more-request summary");
        await page.FillAsync("[name='request.plannedContactAt']", "2025-07-06T21:00");
        await page.ClickAsync("#submit");
        await page.Locator("#outlook-label").WaitForAsync();
        Assert.Equal(0, await page.Locator(".field .error-text").CountAsync());
        Assert.False(await page.IsVisibleAsync("#error-summary"));
        var planned = page.Locator(".field[data-path='$.request.plannedContactAt']");
        Assert.Equal(1, await planned.Locator(".warning-text").CountAsync());
        Assert.Null(await page.GetAttributeAsync("#f-request-plannedContactAt", "aria-invalid"));
    }

    [ChromiumFact]
    public async Task Widget_OnAPhone_FitsTheScreenAndCopiesADraft()
    {
        await using var session = await BrowserSession.StartAsync(390, 844);
        var page = session.Page;
        await page.GotoAsync(session.BaseAddress + "?lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await SaveScreenshotAsync(page, "widget-phone-form-en.png", fullPage: false);

        await FillAsync(page, "S01");
        await page.ClickAsync("#submit");
        await WaitForTextAsync(page, "#outlook-label", "Likely");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a phone screen.");
        await SaveScreenshotAsync(page, "widget-phone-en.png", fullPage: false);
        await page.Locator(".draft button.copy").First.ClickAsync();
        await WaitForTextAsync(page, "#copy-status", "Copied");
    }

    [ChromiumFact]
    public async Task Widget_FilledSeatOnAPhone_PutsTheFallbacksRightAfterTheOutlook()
    {
        await using var session = await BrowserSession.StartAsync(390, 844);
        var page = session.Page;
        await page.GotoAsync(session.BaseAddress);

        await FillAsync(page, "S02");
        await page.ClickAsync("#submit");
        await WaitForTextAsync(page, "#outlook-label", "ほぼ不可能");

        var order = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#results-body > section')].map(s => s.getAttribute('aria-labelledby'))");
        Assert.Equal("r-fallbacks", order[0]);
        var plan = await page.Locator(".plan li").AllTextContentsAsync();
        Assert.Contains(plan, p => p.Contains("採用枠はすでに埋まっているため", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("募集がまだ続いているか", StringComparison.Ordinal));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a phone screen.");
        await page.Locator("#results").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "widget-phone-s02-ja.png", fullPage: false);
    }

    /// <summary>Fills the form from an example case: every fact in the file must have its field.</summary>
    private static async Task FillAsync(IPage page, string prefix)
    {
        using var document = JsonDocument.Parse(Inputs.Case(prefix));
        foreach (var (name, value) in Leaves(document.RootElement, string.Empty))
        {
            if (name == "kind")
            {
                continue;
            }

            var input = page.Locator($"[name='{name}']");
            Assert.Equal(1, await input.CountAsync());
            if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await input.SelectOptionAsync(value == "unknown" ? string.Empty : value);
            }
            else
            {
                await input.FillAsync(value);
            }
        }
    }

    private static IEnumerable<(string Name, string Value)> Leaves(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var leaf in Leaves(property.Value, name))
                    {
                        yield return leaf;
                    }

                    break;
                case JsonValueKind.True:
                    yield return (name, "true");
                    break;
                case JsonValueKind.False:
                    yield return (name, "false");
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    yield return (name, property.Value.ToString());
                    break;
            }
        }
    }

    private static async Task AssertFirstReasonShownAsync(IPage page, string prefix, string language)
    {
        var expected = OfferEvaluator.Default.EvaluateJson(Inputs.Case(prefix), new EvaluationOptions { Language = language });
        var reason = expected.Findings.First(f => f.Changed).Message;
        var shown = await page.Locator("section[aria-labelledby='r-reasons'] .finding .finding-text").AllTextContentsAsync();
        Assert.Contains(reason, shown);
    }

    private static async Task WaitForTextAsync(IPage page, string selector, string text)
    {
        await page.WaitForFunctionAsync(
            "([selector, text]) => document.querySelector(selector)?.textContent?.includes(text)",
            new object[] { selector, text },
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Contains(text, await page.TextContentAsync(selector));
    }

    private static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 0);
    }

    /// <summary>The app on Kestrel, Playwright, Chromium and one page, disposed together.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly KestrelApp _app;
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private BrowserSession(KestrelApp app, IPlaywright playwright, IBrowser browser, IPage page)
        {
            _app = app;
            _playwright = playwright;
            _browser = browser;
            Page = page;
        }

        public IPage Page { get; }

        public string BaseAddress => _app.BaseAddress.ToString();

        public static async Task<BrowserSession> StartAsync(int width, int height)
        {
            var app = KestrelApp.Start();
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumFactAttribute.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                Locale = "ja-JP",
                TimezoneId = "Asia/Tokyo",
                ReducedMotion = ReducedMotion.Reduce,
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            return new BrowserSession(app, playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
            _app.Dispose();
        }
    }
}
