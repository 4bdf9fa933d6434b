using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.CultureTests;

/// <summary>
/// Results never depend on the current culture: rule files, cases and evaluations under cultures with other calendars
/// (Thai Buddhist, Persian, Umm al-Qura), other digits and separators, and the Turkish dotted i give byte for byte what
/// the invariant culture gives.
/// </summary>
public sealed class CultureInvarianceTests
{
    private const int GeneratedCount = 10_000;
    private const int Seed = 20261203;

    private static readonly Lazy<Run> s_invariant = new(() => Under(CultureInfo.InvariantCulture, Compute));

    public static TheoryData<string> Cultures() => new() { "th-TH", "fa-IR", "ar-SA", "ja-JP", "tr-TR" };

    /// <summary>The default policy with a rule of its own that compares a date literal, the part that a culture can break.</summary>
    internal static string CustomRuleFile()
    {
        var policy = JsonNode.Parse(RuleSetJson.DefaultPolicyJson)!.AsObject();
        policy["id"] = "culture.custom";
        policy["version"] = "1";
        var rules = policy["policies"]!.AsArray().First(p => (string?)p!["kind"] == "declineWithdrawal")!["rules"]!.AsArray();
        rules.Add(JsonNode.Parse("""
            {
              "id": "CU-01",
              "stage": "adjust",
              "when": { "all": [
                { "fact": "decline.declinedOn", "op": "ge", "value": "2025-07-01" },
                { "fact": "offer.startsOn", "op": "le", "value": "2026-04-01" } ] },
              "effect": { "score": 2 },
              "messages": {
                "fired": { "en": "Declined in July 2025 or later, for a start by 1 April 2026.", "ja": "2025年7月以降の辞退で、入社予定日が2026年4月1日までです。" },
                "unknown": { "en": "One of the two dates is not known.", "ja": "どちらかの日付が分かりません。" }
              },
              "basis": { "en": "A test rule.", "ja": "テスト用のルール。" }
            }
            """));
        return policy.ToJsonString();
    }

    [Fact]
    public void Host_HasRealCultures_NotInvariantGlobalization()
    {
        // Without ICU every culture would behave like the invariant one and the theory below would prove nothing.
        var thai = CultureInfo.GetCultureInfo("th-TH");
        Assert.IsType<ThaiBuddhistCalendar>(thai.DateTimeFormat.Calendar);
        Assert.NotEqual("2025", new DateOnly(2025, 1, 1).ToString("yyyy", thai));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Evaluate_UnderCulture_GivesTheInvariantBytes(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var expected = s_invariant.Value;

        var actual = Under(culture, Compute);

        Assert.Equal(expected.DefaultHash, actual.DefaultHash);
        Assert.Equal(expected.CustomHash, actual.CustomHash);
        Assert.Equal(expected.Examples, actual.Examples);
        if (!expected.Generated.AsSpan().SequenceEqual(actual.Generated))
        {
            // Name the first case that differs, with both texts, rather than two hashes.
            var cases = Cases();
            for (var i = 0; i < cases.Length; i++)
            {
                var a = Under(CultureInfo.InvariantCulture, () => Render(cases[i]));
                var b = Under(culture, () => Render(cases[i]));
                Assert.True(a == b, $"Generated case {i} differs under {name}:\n{a}\n---\n{b}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Load_UnderCulture_ReadsDateLiteralsAsGregorian(string name)
    {
        var loaded = Under(CultureInfo.GetCultureInfo(name), () => RuleSetJson.Load(CustomRuleFile()));

        Assert.True(loaded.Success, string.Join("; ", loaded.Diagnostics));
        var @case = CaseJson.Read(File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "S01-*.json").Single())).Value!;
        // S01: declined on 2025-07-01, starts on 2026-04-01, so the rule fires on both boundaries.
        var result = Under(CultureInfo.GetCultureInfo(name), () => new OfferEvaluator(loaded.Value!).Evaluate(@case));
        Assert.Contains(result.Findings, f => f.RuleId == "CU-01");
    }

    private sealed record Run(string DefaultHash, string CustomHash, string Examples, byte[] Generated);

    private static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static OfferCase[] Cases() => [.. CaseGenerator.Generate(GeneratedCount, Seed), .. CaseGenerator.Boundaries()];

    /// <summary>A case written to JSON, read back and evaluated from the JSON in both languages, as a service would.</summary>
    private static string Render(OfferCase @case) => Render(OfferEvaluator.Default, CaseJson.ToJson(@case));

    private static string Render(OfferEvaluator evaluator, string caseJson)
    {
        var utf8 = Encoding.UTF8.GetBytes(caseJson);
        return caseJson + "\n"
            + EvaluationJson.ToJson(evaluator.EvaluateJson(utf8, new EvaluationOptions { Language = "en" })) + "\n"
            + EvaluationJson.ToJson(evaluator.EvaluateJson(utf8, new EvaluationOptions { Language = "ja" }));
    }

    private static Run Compute()
    {
        var defaultSet = RuleSetJson.Load(RuleSetJson.DefaultPolicyJson).GetValueOrThrow();
        var custom = RuleSetJson.Load(CustomRuleFile()).GetValueOrThrow();
        var customEvaluator = new OfferEvaluator(custom);

        var examples = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "expected.json")
            {
                continue;
            }

            var json = File.ReadAllText(file);
            examples.Append(Render(OfferEvaluator.Default, json)).Append('\n').Append(Render(customEvaluator, json)).Append('\n');
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var @case in Cases())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Render(@case)));
            // The custom file in Japanese only, whose texts format the most dates and numbers: the run stays short.
            hash.AppendData(Encoding.UTF8.GetBytes(EvaluationJson.ToJson(customEvaluator.Evaluate(@case, new EvaluationOptions { Language = "ja" }))));
        }

        return new Run(defaultSet.ContentHash, custom.ContentHash + " " + customEvaluator.Evaluate(CaseGenerator.Generate(1, Seed)[0]).Outlook, examples.ToString(), hash.GetHashAndReset());
    }
}
