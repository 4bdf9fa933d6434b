using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Tests.Evaluation;

/// <summary>Issue 10, small but visible: threshold wording, full-width punctuation, plain keigo, sections of the wrong kind, missing facts.</summary>
public sealed partial class SmallVisibleTests
{
    private static EvaluationResult Evaluate(string json, string language = "en") =>
        OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(json), new EvaluationOptions { Language = language });

    /// <summary>Every Japanese text of a rule set in JSON, with its JSON path.</summary>
    private static List<(string Path, string Text)> JapaneseTexts(string json)
    {
        var texts = new List<(string, string)>();
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "$", texts);
        return texts;
    }

    private static void Walk(JsonElement element, string path, List<(string, string)> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "ja" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        texts.Add((path + ".ja", property.Value.GetString()!));
                    }
                    else
                    {
                        Walk(property.Value, path + "." + property.Name, texts);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", texts);
                }

                break;
        }
    }

    public static TheoryData<string> PolicyJsons() => new()
    {
        RuleSetJson.DefaultPolicyJson,
        RuleSetJson.ToJson(RuleSet.Default),
    };

    [GeneratedRegex(@"(?<!\d):|:(?!\d)")]
    private static partial Regex ColonNotBetweenDigits();

    [Theory]
    [MemberData(nameof(PolicyJsons))]
    public void DefaultPolicy_JapaneseTexts_UseFullWidthPunctuation(string json)
    {
        var texts = JapaneseTexts(json);

        Assert.True(texts.Count > 300, $"only {texts.Count} Japanese texts found");
        Assert.Empty(texts.Where(t => t.Text.Contains('(', StringComparison.Ordinal) || t.Text.Contains(')', StringComparison.Ordinal)).Select(t => t.Path));
        Assert.Empty(texts.Where(t => ColonNotBetweenDigits().IsMatch(t.Text)).Select(t => t.Path));
    }

    [Theory]
    [MemberData(nameof(PolicyJsons))]
    public void DefaultPolicy_JapaneseTexts_DoNotStackSaseteItadaku(string json)
    {
        Assert.Empty(JapaneseTexts(json).Where(t => t.Text.Contains("させていただ", StringComparison.Ordinal)).Select(t => t.Path));
    }

    [Theory]
    [MemberData(nameof(PolicyJsons))]
    public void DefaultPolicy_JapaneseTexts_SayPastTheThresholdNotAtLeast(string json)
    {
        var texts = JapaneseTexts(json);

        Assert.Empty(texts.Where(t => t.Text.Contains("1週間以上", StringComparison.Ordinal)).Select(t => t.Path));
        Assert.Empty(texts.Where(t => t.Text.Contains("1か月以上", StringComparison.Ordinal)).Select(t => t.Path));
        Assert.Empty(texts.Where(t => t.Text.Contains("一週間以上", StringComparison.Ordinal) || t.Text.Contains("1ヶ月以上", StringComparison.Ordinal)).Select(t => t.Path));
    }

    [Theory]
    [InlineData("R-X1")]
    [InlineData("R-C6")]
    public void Evaluate_JapaneseNineDaysLate_SaysPastTheWeek(string rule)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10", "decline": { "declinedOn": "2025-07-01" } }""", "ja");

        var finding = result.Findings.Single(f => f.RuleId == rule);
        Assert.True(
            finding.Message.Contains("1週間を超えて", StringComparison.Ordinal) || finding.Message.Contains("1週間を過ぎ", StringComparison.Ordinal),
            finding.Message);
        AssertNoAtLeastWording(result);
    }

    [Theory]
    [InlineData("""{ "asOf": "2025-07-10", "decline": { "declinedOn": "2025-06-08" } }""", "R-C7b")]
    [InlineData("""{ "asOf": "2025-07-10", "decline": { "declinedOn": "2025-06-08" }, "company": { "seatStatus": "open" } }""", "R-C7")]
    public void Evaluate_JapaneseMoreThanAMonthLate_SaysPastThirtyDays(string json, string rule)
    {
        var result = Evaluate(json, "ja");

        Assert.Contains("1か月（30日）を超えて", result.Findings.Single(f => f.RuleId == rule).Message, StringComparison.Ordinal);
        AssertNoAtLeastWording(result);
    }

    [Fact]
    public void Evaluate_JapaneseMissedCallsNineDaysAgo_SaysPastTheWeek()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10", "missedContact": { "firstMissedCallOn": "2025-07-01" } }""", "ja");

        var finding = result.Findings.Single(f => f.RuleId == "M-B8");
        Assert.Contains("1週間を過ぎ", finding.Message, StringComparison.Ordinal);
        AssertNoAtLeastWording(result);
    }

    private static void AssertNoAtLeastWording(EvaluationResult result)
    {
        var texts = result.Findings.SelectMany(f => new[] { f.Message, f.Basis })
            .Concat(result.Conditions.Select(c => c.Message))
            .Concat(result.FailureReasons.Select(c => c.Message))
            .Concat(result.MissingFacts.Select(m => m.Message))
            .Concat(result.WhatWouldHelp.Select(s => s.Message))
            .Concat(result.Issues.Select(i => i.Message));
        foreach (var text in texts)
        {
            Assert.DoesNotContain("1週間以上", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1か月以上", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Evaluate_AbsentPriorRequestOutcome_IsNotMissing(string language)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" } }""", language);

        Assert.NotEmpty(result.MissingFacts);
        Assert.DoesNotContain(result.MissingFacts, m => m.Fact == "request.priorRequestOutcome");
        Assert.Contains(result.Actions, a => a.Id == "A-05"); // taken as notYetAsked: the first-contact plan
    }

    [Theory]
    [InlineData("en", "The 'missedContact' section is ignored for a 'declineWithdrawal' case. Check that the case kind is right.")]
    [InlineData("ja", "「declineWithdrawal」のケースでは missedContact の内容は判定に使われません。ケースの種類が正しいか確認してください。")]
    public void Evaluate_DeclineCaseWithMissedContactSection_WarnsW09(string language, string expected)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "missedContact": { "interviewedOn": "2025-07-01" } }""", language);

        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-09");
        Assert.Equal("$.missedContact", warning.Path);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal(expected, warning.Message);
    }

    [Theory]
    [InlineData("en", "The 'decline' section is ignored for a 'missedEmployerContact' case. Check that the case kind is right.")]
    [InlineData("ja", "「missedEmployerContact」のケースでは decline の内容は判定に使われません。ケースの種類が正しいか確認してください。")]
    public void Evaluate_MissedContactCaseWithDeclineAndRequestSections_WarnsMW4(string language, string expected)
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-01" }, "decline": { "declinedOn": "2025-07-08" }, "request": { "changeOfMindReason": "noClearReason" } }""", language);

        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
        var warnings = result.Issues.Where(i => i.Code == "M-W4").ToList();
        Assert.Equal(["$.decline", "$.request"], warnings.Select(w => w.Path));
        Assert.All(warnings, w => Assert.Equal(IssueSeverity.Warning, w.Severity));
        Assert.Equal(expected, warnings[0].Message);
    }

    [Fact]
    public void Evaluate_MissedContactCaseWithOnlyBusinessHours_HasNoMW4()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-01" }, "company": { "businessHours": { "opens": "09:00", "closes": "18:00" } } }""");

        Assert.DoesNotContain(result.Issues, i => i.Code == "M-W4");
    }

    [Fact]
    public void Evaluate_DeclineCaseWithoutMissedContact_HasNoW09()
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" } }""");

        Assert.DoesNotContain(result.Issues, i => i.Code == "W-09");
    }

    [Theory]
    [InlineData("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "request": { "plannedContactAt": "2025-07-12T10:00:00+09:00" } }""")]
    [InlineData("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-05" }, "request": { "plannedContactAt": "2025-07-14T10:30:00+09:00" } }""")]
    [InlineData("""{ "asOf": "2025-08-13T09:00:00+09:00", "decline": { "declinedOn": "2025-08-12" }, "company": { "businessHours": { "opens": "11:00", "closes": "14:00" } } }""")]
    [InlineData("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-01", "plannedCallAt": "2025-07-10T12:30:00+09:00" }, "decline": { "declinedOn": "2025-07-08" } }""")]
    public void Evaluate_JapaneseIssues_UseFullWidthPunctuation(string json)
    {
        var result = Evaluate(json, "ja");

        Assert.NotEmpty(result.Issues);
        foreach (var issue in result.Issues)
        {
            Assert.DoesNotContain("(", issue.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(")", issue.Message, StringComparison.Ordinal);
            Assert.DoesNotMatch(ColonNotBetweenDigits(), issue.Message);
        }
    }
}
