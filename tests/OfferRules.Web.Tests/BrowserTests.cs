using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static OfferRules.Web.Tests.WidgetForm;

namespace OfferRules.Web.Tests;

/// <summary>The widget page in a real browser: Debian's Chromium driven by Playwright, against the app on Kestrel.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrowserTests(BrowserFixture browser)
{
    private const string NameJa = "山田花子";
    private const string SchoolJa = "桜ヶ丘大学";
    private const string NameEn = "Hanako Yamada";
    private const string SchoolEn = "Sakuragaoka University";

    private readonly BrowserFixture _browser = browser;

    [ChromiumFact]
    public async Task Widget_DeclineCaseInBothLanguages_ShowsOutlookNextStepFoldedSectionsAndFilledDrafts()
    {
        await using var session = await _browser.OpenAsync(1280, 900);
        var page = session.Page;
        await page.GotoAsync(session.Site);
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(Text("ja", "kindLegend"), await page.Locator("fieldset legend").First.TextContentAsync());
        await session.AssertAccessibleAsync("the empty form in Japanese");

        var @case = Case("S01", NameJa, SchoolJa, "営業職", "人事部", "田中");
        await FillAsync(s => page.Locator(s), @case);
        await page.ClickAsync("#submit");
        await WaitForTextAsync(page.Locator("#results-status"), "「");
        var expected = Evaluate(session.ApiBodies[^1], "ja");
        var outlook = expected.GetProperty("outlook").GetString()!;
        await WaitForTextAsync(page.Locator("#outlook-label"), Text("ja", $"r.outlook.{outlook}"));

        // At the top: the outlook, what it means, and the one next step with its time.
        Assert.Equal(Text("ja", $"r.meaning.declineWithdrawal.{outlook}"), await page.TextContentAsync("#outlook-meaning"));
        var next = NextStep(expected);
        Assert.Equal(next.GetProperty("message").GetString(), await page.TextContentAsync(".next-step .next-text"));
        var window = expected.GetProperty("callWindow");
        Assert.Contains(
            $"{window.GetProperty("start").GetString()![11..16]}〜{window.GetProperty("end").GetString()![11..16]}",
            await page.TextContentAsync(".next-step .next-when"));

        // The rest is folded, in plain words, and the rule set is only in the small line at the end.
        Assert.Equal(0, await page.Locator("details.fold[open]").CountAsync());
        Assert.True(await page.Locator("details.fold").CountAsync() >= 7);
        var shown = await page.InnerTextAsync("#results-body");
        foreach (var jargon in new[] { "+1", "−1", "出発点", "上限", "評価：" })
        {
            Assert.DoesNotContain(jargon, shown, StringComparison.Ordinal);
        }

        Assert.Equal("about", await page.EvalOnSelectorAsync<string>("#results-body", "b => b.lastElementChild.className.split(' ')[0]"));
        Assert.Contains(expected.GetProperty("ruleSet").GetProperty("version").GetString()!, await page.TextContentAsync(".about"));

        await SetOpenAsync(page.Locator("details.fold"), true);
        await AssertFirstReasonShownAsync(page, expected);
        await AssertOneRowPerFactAsync(page, expected);
        await AssertDraftsFilledAsync(page.Locator(".draft-list[lang='ja'] .draft-body"), ["営業職", "人事部", NameJa, "田中"]);
        await session.AssertAccessibleAsync("the S01 result in Japanese, every section open");
        await session.ScreenshotAsync("widget-s01-ja.png", fullPage: true);
        await SetOpenAsync(page.Locator("details.fold"), false);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await session.ScreenshotAsync("widget.png");

        // Switch to English: the form and the result follow, and the input stays.
        await page.ClickAsync("#lang-en");
        await WaitForTextAsync(page.Locator("#outlook-label"), Text("en", $"r.outlook.{outlook}"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("true", await page.GetAttributeAsync("#lang-en", "aria-pressed"));
        Assert.Equal(Text("en", "declinedOn"), await page.TextContentAsync("label[for='f-decline-declinedOn']"));
        Assert.Equal("営業職", await page.InputValueAsync("[name='offer.position']"));

        // On the English page the drafts come in Japanese too, for the company, from the same case asked in Japanese.
        await page.ClickAsync("#r-drafts > summary");
        await AssertDraftsFilledAsync(page.Locator(".draft-list[lang='en'] .draft-body"), ["営業職", "人事部", NameJa]);
        await page.ClickAsync("#drafts-ja");
        await page.Locator(".draft-list[lang='ja']").WaitForAsync();
        var japanese = Evaluate(session.ApiBodies[^1], "ja").GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("body").GetString()!).ToList();
        Assert.Equal(japanese, await page.Locator(".draft-list[lang='ja'] .draft-body").AllTextContentsAsync());
        Assert.Contains(session.RequestUrls, url => url.EndsWith("api/evaluations?lang=ja", StringComparison.Ordinal));
        await SetOpenAsync(page.Locator("details.fold"), true);
        await session.AssertAccessibleAsync("the S01 result in English with the Japanese drafts");
        await session.ScreenshotAsync("widget-s01-en-drafts-ja.png", fullPage: true);
        await page.ClickAsync("#drafts-en");
        await page.Locator(".draft-list[lang='en']").WaitForAsync();

        session.AssertNoPersonalDataInUrls(NameJa, SchoolJa, "営業職", "人事部");
        session.AssertNoScriptErrors();
    }

    [ChromiumFact]
    public async Task Widget_MissedCallsInBothLanguages_SwitchesTheFormAndSendsOnlyThatKind()
    {
        await using var session = await _browser.OpenAsync(1280, 900);
        var page = session.Page;
        await page.GotoAsync(session.Site + "?lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await LayoutShiftAsync(page) < 0.01, "The English page moved while it loaded.");

        await page.CheckAsync("input[name='kind'][value='missedEmployerContact']");
        Assert.False(await page.IsVisibleAsync("[name='decline.declinedOn']"));
        Assert.True(await page.IsVisibleAsync("[name='missedContact.interviewedOn']"));
        await session.AssertAccessibleAsync("the empty missed-calls form in English");

        var @case = Case("S29", NameEn, SchoolEn, "Sales", "Human Resources", "Tanaka");
        await FillAsync(s => page.Locator(s), @case);
        await page.ClickAsync("#submit");
        await WaitForTextAsync(page.Locator("#results-status"), "Outlook");
        var sent = JsonNode.Parse(session.ApiBodies[^1])!.AsObject();
        Assert.Equal("missedEmployerContact", sent["kind"]!.GetValue<string>());
        Assert.NotNull(sent["missedContact"]);
        Assert.Null(sent["decline"]);
        Assert.Null(sent["request"]);

        var expected = Evaluate(session.ApiBodies[^1], "en");
        var outlook = expected.GetProperty("outlook").GetString()!;
        await WaitForTextAsync(page.Locator("#outlook-label"), Text("en", $"r.outlook.{outlook}"));
        Assert.Equal(Text("en", "r.heading.missedEmployerContact"), await page.TextContentAsync("#r-outlook"));
        Assert.Equal(Text("en", $"r.meaning.missedEmployerContact.{outlook}"), await page.TextContentAsync("#outlook-meaning"));
        Assert.Equal(NextStep(expected).GetProperty("message").GetString(), await page.TextContentAsync(".next-step .next-text"));
        Assert.DoesNotContain(expected.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "M-W4");

        await SetOpenAsync(page.Locator("details.fold"), true);
        await AssertFirstReasonShownAsync(page, expected);
        await AssertOneRowPerFactAsync(page, expected);
        await AssertDraftsFilledAsync(page.Locator(".draft-list[lang='en'] .draft-body"), ["Sales", NameEn, "Tanaka"]);
        await session.AssertAccessibleAsync("the S29 result in English, every section open");
        await session.ScreenshotAsync("widget-missed-en.png", fullPage: true);

        await page.ClickAsync("#lang-ja");
        var japanese = Evaluate(session.ApiBodies[^1], "ja");
        await WaitForTextAsync(page.Locator("#outlook-label"), Text("ja", $"r.outlook.{japanese.GetProperty("outlook").GetString()}"));
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await SetOpenAsync(page.Locator("details.fold"), true);
        await session.AssertAccessibleAsync("the S29 result in Japanese, every section open");

        session.AssertNoPersonalDataInUrls(NameEn, SchoolEn, "Human Resources");
        session.AssertNoScriptErrors();
    }

    [ChromiumFact]
    public async Task Widget_DeclineAfterTodayByKeyboard_ShowsTheSummaryAndTheProblemNextToTheField()
    {
        await using var session = await _browser.OpenAsync(1280, 900);
        var page = session.Page;
        await page.GotoAsync(session.Site);

        await page.FillAsync("[name='asOf']", "2025-07-02");
        await page.FillAsync("[name='decline.declinedOn']", "2025-07-10");
        await page.FocusAsync("#submit");
        await page.Keyboard.PressAsync("Enter");

        var field = page.Locator(".field[data-path='$.decline.declinedOn']");
        await field.Locator(".error-text").WaitForAsync();
        Assert.Contains("2025-07-10", await field.Locator(".error-text").TextContentAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#f-decline-declinedOn", "aria-invalid"));
        Assert.Contains("m-f-decline-declinedOn", await page.GetAttributeAsync("#f-decline-declinedOn", "aria-describedby"));
        Assert.True(await page.IsVisibleAsync("#error-summary"));
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("#f-decline-declinedOn", await page.GetAttributeAsync("#error-summary a", "href"));
        Assert.Equal(0, await page.Locator(".field[data-path='$.offer.offeredOn'] .error-text").CountAsync());
        Assert.Equal(Text("ja", "r.invalidOne"), await page.TextContentAsync("#results-status"));
        await session.AssertAccessibleAsync("the error summary in Japanese");
        await session.ScreenshotAsync("widget-invalid-ja.png");

        // From the summary, the keyboard leads to the field.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("f-decline-declinedOn", await page.EvaluateAsync<string>("() => document.activeElement.id"));

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
        Assert.True(await page.IsVisibleAsync(".warnings"));
        await session.AssertAccessibleAsync("a result with a warning");
    }

    [ChromiumFact]
    public async Task Widget_OnAPhone_BothKindsFitTheScreenAndTheResultIsShort()
    {
        await using var session = await _browser.OpenAsync(390, 844);
        var page = session.Page;
        await page.GotoAsync(session.Site + "?lang=en");
        await session.ScreenshotAsync("widget-phone-form-en.png");
        await session.AssertAccessibleAsync("the empty form on a phone");

        await FillAsync(s => page.Locator(s), Case("S01", NameEn, SchoolEn, "Sales", "Human Resources", "Tanaka"));
        await page.ClickAsync("#submit");
        await page.Locator("#outlook-label").WaitForAsync();
        await AssertFitsAPhoneAsync(page);

        // The result used to be about 11,000 px tall on a phone; folded, it is a few screens.
        var resultHeight = await page.EvaluateAsync<int>("() => Math.round(document.getElementById('results').getBoundingClientRect().height)");
        Assert.True(resultHeight < 2500, $"The result is {resultHeight}px tall on a phone.");
        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(pageHeight < 7500, $"The page with its result is {pageHeight}px tall on a phone.");
        await session.AssertAccessibleAsync("the S01 result on a phone");
        await page.Locator("#results").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("widget-phone-en.png");

        await page.ClickAsync("#r-drafts > summary");
        await page.Locator(".draft button.copy").First.ClickAsync();
        await WaitForTextAsync(page.Locator("#copy-status"), Text("en", "r.copied"));

        // The other kind, in Japanese, on the same phone.
        await page.ClickAsync("#lang-ja");
        await page.ClickAsync("button[type=reset]");
        await FillAsync(s => page.Locator(s), Case("S29", NameJa, SchoolJa, "販売スタッフ", "店舗運営部", "佐藤"));
        await page.ClickAsync("#submit");
        var expected = Evaluate(session.ApiBodies[^1], "ja");
        await WaitForTextAsync(page.Locator("#outlook-label"), Text("ja", $"r.outlook.{expected.GetProperty("outlook").GetString()}"));
        await AssertFitsAPhoneAsync(page);
        await SetOpenAsync(page.Locator("details.fold"), true);
        await session.AssertAccessibleAsync("the S29 result on a phone, every section open");
        await SetOpenAsync(page.Locator("details.fold"), false);
        await page.Locator("#results").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("widget-phone-missed-ja.png");

        session.AssertNoPersonalDataInUrls(NameEn, SchoolEn, NameJa, SchoolJa);
        session.AssertNoScriptErrors();
    }

    [ChromiumFact]
    public async Task Widget_FilledSeatOnAPhone_LinksToTheFallbacksNextToTheOutlook()
    {
        await using var session = await _browser.OpenAsync(390, 844);
        var page = session.Page;
        await page.GotoAsync(session.Site);

        await FillAsync(s => page.Locator(s), Case("S02", NameJa, SchoolJa, "営業職", "人事部", "田中"));
        await page.ClickAsync("#submit");
        var expected = Evaluate(session.ApiBodies[^1], "ja");
        Assert.Equal("veryUnlikely", expected.GetProperty("outlook").GetString());
        await WaitForTextAsync(page.Locator("#outlook-label"), Text("ja", "r.outlook.veryUnlikely"));

        // The link sits on the outlook's own line, and the alternatives come first and open.
        var link = page.Locator(".outlook-line .fallbacks-link");
        Assert.True(await link.IsVisibleAsync());
        Assert.Equal(Text("ja", "r.fallbacksLink"), await link.TextContentAsync());
        var folds = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#results-body > details')].map(d => d.id)");
        Assert.Equal("r-fallbacks", folds[0]);
        Assert.Equal("", await page.GetAttributeAsync("#r-fallbacks", "open"));
        await AssertFitsAPhoneAsync(page);
        await page.Locator("#results").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("widget-phone-s02-ja.png");

        await page.EvaluateAsync("() => document.getElementById('r-fallbacks').open = false");
        await link.ClickAsync();
        Assert.Equal("", await page.GetAttributeAsync("#r-fallbacks", "open"));
        Assert.Equal("r-fallbacks-title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var fallbacks = expected.GetProperty("fallbacks").EnumerateArray().Select(f => f.GetProperty("message").GetString()!).ToList();
        Assert.Equal(fallbacks, await page.Locator("#r-fallbacks li").AllTextContentsAsync());
        await session.AssertAccessibleAsync("a very unlikely result on a phone");
    }

    [ChromiumFact]
    public async Task Page_WithoutJavaScript_IsAlreadyInTheRequestedLanguage()
    {
        await using var session = await _browser.OpenAsync(1280, 900, javaScript: false);
        var page = session.Page;

        await page.GotoAsync(session.Site + "?lang=en");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(Text("en", "pageTitle"), await page.TitleAsync());
        Assert.Equal(Text("en", "title"), await page.TextContentAsync("h1"));
        Assert.Equal(Text("en", "kindLegend"), await page.Locator("fieldset legend").First.TextContentAsync());
        Assert.Equal(Text("en", "metaDescription"), await page.GetAttributeAsync("meta[name='description']", "content"));
        Assert.True(await page.IsVisibleAsync("p.noscript[lang='en']"));
    }

    /// <summary>Sums the page's layout shifts since it started loading.</summary>
    private static async Task<double> LayoutShiftAsync(IPage page) =>
        await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              let total = 0;
              new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                .observe({ type: "layout-shift", buffered: true });
              setTimeout(() => resolve(total), 300);
            })
            """);

    private static async Task AssertFitsAPhoneAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a phone screen.");
    }

    private static async Task AssertFirstReasonShownAsync(IPage page, JsonElement expected)
    {
        var reason = expected.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("changed").GetBoolean()).GetProperty("message").GetString();
        Assert.Contains(reason, await page.Locator("#r-why .finding-text").AllTextContentsAsync());
    }

    /// <summary>The unknown facts and what would help are one list, one row per fact.</summary>
    private static async Task AssertOneRowPerFactAsync(IPage page, JsonElement expected)
    {
        var facts = expected.GetProperty("missingFacts").EnumerateArray().Concat(expected.GetProperty("whatWouldHelp").EnumerateArray())
            .Select(f => f.GetProperty("fact").GetString()!).Distinct().Order().ToList();
        var rows = await page.Locator("#r-unknowns li.fact-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.fact)");
        Assert.Equal(facts, rows.Order().ToList());
    }

    private static async Task AssertDraftsFilledAsync(ILocator bodies, string[] filled)
    {
        var texts = await bodies.AllTextContentsAsync();
        Assert.NotEmpty(texts);
        var all = string.Join("\n", texts);
        foreach (var text in filled)
        {
            Assert.Contains(text, all, StringComparison.Ordinal);
        }

        foreach (var placeholder in new[] { "[職種]", "[部署名]", "[氏名]", "[ご担当者名]", "[会社名]", "[position]", "[department]", "[your name]", "[contact person]", "[company]" })
        {
            Assert.DoesNotContain(placeholder, all, StringComparison.Ordinal);
        }
    }
}
