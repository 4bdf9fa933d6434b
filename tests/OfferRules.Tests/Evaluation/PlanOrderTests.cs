using System.Text;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Tests.Evaluation;

/// <summary>Issue 10, order and dates of the plan: conditional steps, the follow-up setting, B-06 and the hiring track.</summary>
public sealed class PlanOrderTests
{
    private static readonly TimeSpan s_jst = TimeSpan.FromHours(9);

    private const string Polite = """
        "decline": { "declinedOn": "2025-07-08", "channel": "phone", "promptness": "prompt", "explainedReason": true, "expressedThanks": true, "tone": "polite" }
        """;

    private static EvaluationResult Evaluate(string json, string language = "en", OfferEvaluator? evaluator = null) =>
        (evaluator ?? OfferEvaluator.Default).EvaluateJson(Encoding.UTF8.GetBytes(json), new EvaluationOptions { Language = language });

    private static OfferEvaluator WithFollowUpDays(int days)
    {
        const string setting = "\"followUpBusinessDays\": 3";
        var json = RuleSetJson.DefaultPolicyJson;
        Assert.Contains(setting, json, StringComparison.Ordinal);
        var loaded = RuleSetJson.Load(json.Replace(setting, $"\"followUpBusinessDays\": {days}", StringComparison.Ordinal));
        Assert.True(loaded.Success, string.Join("; ", loaded.Diagnostics));
        return new OfferEvaluator(loaded.Value!);
    }

    [Theory]
    [InlineData("en", "Only if the company asks you to come in")]
    [InlineData("ja", null)]
    public void Evaluate_ConditionalSteps_CarryNoDate(string language, string? start)
    {
        var result = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{Polite}} }""", language);

        foreach (var id in new[] { "A-13", "A-14" })
        {
            var step = result.Actions.Single(a => a.Id == id);
            Assert.Equal(ActionTiming.Conditional, step.Timing);
            Assert.Null(step.At);
        }

        Assert.Equal(["A-13", "A-14"], result.Actions.TakeLast(2).Select(a => a.Id));
        if (start is not null)
        {
            Assert.StartsWith(start, result.Actions.Single(a => a.Id == "A-13").Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "within 3 business days of your call")]
    [InlineData("ja", "3営業日")]
    public void Evaluate_FollowUpStep_IsThreeBusinessDaysAfterTheCallByDefault(string language, string text)
    {
        // The call is Thursday 10 July 2025; 3 business days on is Tuesday 15 July.
        var result = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{Polite}} }""", language);

        var a19 = result.Actions.Single(a => a.Id == "A-19");
        Assert.Equal(ActionTiming.FollowUp, a19.Timing);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 10, 0, 0, s_jst), a19.At);
        Assert.Contains(text, a19.Message, StringComparison.Ordinal);
        var ids = result.Actions.Select(a => a.Id).ToList();
        Assert.True(ids.IndexOf("A-12") < ids.IndexOf("A-19"));
    }

    [Theory]
    [InlineData("en", "within 5 business days of your call")]
    [InlineData("ja", "5営業日")]
    public void Evaluate_FollowUpStep_FollowsTheRuleSetSetting(string language, string text)
    {
        // The call is Thursday 10 July 2025; 5 business days on is Thursday 17 July.
        var result = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{Polite}} }""", language, WithFollowUpDays(5));

        var a19 = result.Actions.Single(a => a.Id == "A-19");
        Assert.Equal(new DateTimeOffset(2025, 7, 17, 10, 0, 0, s_jst), a19.At);
        Assert.Contains(text, a19.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("3", a19.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PendingFollowUpDraft_FollowsTheRuleSetSetting()
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "request": { "priorRequestOutcome": "pendingNoReply" } }""", "en", WithFollowUpDays(5));

        Assert.StartsWith("(Send this only once, and only after 5 business days with no answer.)", result.Drafts.Single(d => d.Id == "D-FOLLOWUP").Body, StringComparison.Ordinal);
        Assert.Contains("5 business days", result.Actions.Single(a => a.Id == "A-20").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissedCallFollowUp_IsThreeBusinessDaysAfterTheCallByDefault()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-01", "firstMissedCallOn": "2025-07-08" } }""");

        var l02 = result.Actions.Single(a => a.Id == "L-02");
        Assert.Equal(ActionTiming.FollowUp, l02.Timing);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 10, 0, 0, s_jst), l02.At);
    }

    [Fact]
    public void Evaluate_MissedCallFollowUp_FollowsTheRuleSetSetting()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-01", "firstMissedCallOn": "2025-07-08" } }""", "en", WithFollowUpDays(5));

        Assert.Equal(new DateTimeOffset(2025, 7, 17, 10, 0, 0, s_jst), result.Actions.Single(a => a.Id == "L-02").At);
    }

    [Theory]
    [InlineData("en", "Keep your other applications going")]
    [InlineData("ja", null)]
    public void Evaluate_PossibleOrLikely_KeepsOtherApplicationsGoing(string language, string? text)
    {
        var possible = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", "offer": { "evaluation": "normal" }, {{Polite}} }""", language);
        var likely = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", "offer": { "evaluation": "normal" }, {{Polite}}, "company": { "seatStatus": "open" } }""", language);

        Assert.Equal(Outlook.Possible, possible.Outlook);
        Assert.Equal(Outlook.Likely, likely.Outlook);
        foreach (var result in new[] { possible, likely })
        {
            var b06 = Assert.Single(result.Fallbacks, f => f.Id == "B-06");
            if (text is not null)
            {
                Assert.StartsWith(text, b06.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" } }""", Outlook.Unlikely)]
    [InlineData("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "company": { "seatStatus": "filled" } }""", Outlook.VeryUnlikely)]
    public void Evaluate_UnlikelyOrWorse_HasNoB06(string json, Outlook outlook)
    {
        var result = Evaluate(json);

        Assert.Equal(outlook, result.Outlook);
        Assert.DoesNotContain(result.Fallbacks, f => f.Id == "B-06");
        Assert.Contains(result.Fallbacks, f => f.Id == "B-01");
    }

    [Fact]
    public void Evaluate_MissedCallAtPossible_KeepsOtherApplicationsGoing()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-01", "firstMissedCallOn": "2025-07-08" } }""");

        Assert.Equal(Outlook.Possible, result.Outlook);
        Assert.Contains(result.Fallbacks, f => f.Id == "B-06");
    }

    [Theory]
    [InlineData("en", "autumn")]
    [InlineData("ja", "秋採用")]
    public void Evaluate_MidCareer_GetsAgentsAndOtherOpeningsNotTheGraduateCalendar(string language, string graduate)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "offer": { "track": "midCareer" }, "decline": { "declinedOn": "2025-06-20" } }""", language);

        Assert.Equal(["B-01", "B-04", "B-02T", "B-05M", "B-03T"], result.Fallbacks.Select(f => f.Id));
        var plan = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "offer": { "track": "midCareer" }, "decline": { "declinedOn": "2025-07-08" } }""", language);
        Assert.Contains(plan.Actions, a => a.Id == "A-16T");
        Assert.DoesNotContain(plan.Actions, a => a.Id == "A-16");
        foreach (var text in result.Fallbacks.Select(f => f.Message).Concat(plan.Actions.Select(a => a.Message)).Concat(plan.Fallbacks.Select(f => f.Message)))
        {
            Assert.DoesNotContain(graduate, text, StringComparison.OrdinalIgnoreCase);
        }

        if (language == "en")
        {
            Assert.Contains("recruitment agent", result.Fallbacks.Single(f => f.Id == "B-05M").Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_PartTime_GetsOtherShiftsAndBranches()
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "offer": { "track": "partTime" }, "decline": { "declinedOn": "2025-06-20" } }""");

        Assert.Equal(["B-01", "B-04", "B-02T", "B-05P", "B-03T"], result.Fallbacks.Select(f => f.Id));
        Assert.Contains("shifts", result.Fallbacks.Single(f => f.Id == "B-05P").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NewGraduate_GetsTheAutumnAndWinterHiring()
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "offer": { "track": "newGraduate" }, "decline": { "declinedOn": "2025-06-20" } }""", "ja");

        Assert.Equal(["B-01", "B-04", "B-02", "B-05", "B-03"], result.Fallbacks.Select(f => f.Id));
        Assert.Contains("秋採用", result.Fallbacks.Single(f => f.Id == "B-05").Message, StringComparison.Ordinal);
    }
}
