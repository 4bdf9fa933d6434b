using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Rules;

/// <summary>The condition nodes of the rule language over known and unknown facts, through the public loader and evaluator.</summary>
public sealed class ConditionLanguageTests
{
    private const string SeatOpen = """{ "fact": "company.seatStatus", "op": "eq", "value": "open" }""";  // unknown in the test case
    private const string Polite = """{ "fact": "decline.tone", "op": "eq", "value": "polite" }""";        // true
    private const string Rude = """{ "fact": "decline.tone", "op": "eq", "value": "rude" }""";            // false

    public static TheoryData<string, ConditionState> Conditions() => new()
    {
        { SeatOpen, ConditionState.Unknown },
        { Polite, ConditionState.Met },
        { Rude, ConditionState.NotMet },
        { $$"""{ "all": [{{SeatOpen}}, {{Rude}}] }""", ConditionState.NotMet },
        { $$"""{ "all": [{{SeatOpen}}, {{Polite}}] }""", ConditionState.Unknown },
        { """{ "all": [] }""", ConditionState.Met },
        { $$"""{ "any": [{{SeatOpen}}, {{Polite}}] }""", ConditionState.Met },
        { $$"""{ "any": [{{SeatOpen}}, {{Rude}}] }""", ConditionState.Unknown },
        { """{ "any": [] }""", ConditionState.NotMet },
        { $$"""{ "not": {{SeatOpen}} }""", ConditionState.Unknown },
        { $$"""{ "not": {{Rude}} }""", ConditionState.Met },
        { $$"""{ "atLeast": 1, "of": [{{Polite}}, {{SeatOpen}}, {{Rude}}] }""", ConditionState.Met },
        { $$"""{ "atLeast": 2, "of": [{{Polite}}, {{SeatOpen}}, {{Rude}}] }""", ConditionState.Unknown },
        { $$"""{ "atLeast": 2, "of": [{{Polite}}, {{Rude}}, {{Rude}}] }""", ConditionState.NotMet },
        { $$"""{ "atLeast": 3, "of": [{{Polite}}, {{Polite}}, {{Polite}}] }""", ConditionState.Met },
        { """{ "fact": "company.seatStatus", "op": "isKnown" }""", ConditionState.NotMet },
        { """{ "fact": "decline.tone", "op": "isKnown" }""", ConditionState.Met },
        { """{ "fact": "company.seatStatus", "op": "in", "values": ["open", "filled"] }""", ConditionState.Unknown },
        { """{ "fact": "decline.tone", "op": "notIn", "values": ["rude", "neutral"] }""", ConditionState.Met },
        { """{ "fact": "daysSinceDecline", "op": "ge", "value": 3 }""", ConditionState.Met },
        { """{ "fact": "daysSinceDecline", "op": "lt", "value": 3 }""", ConditionState.NotMet },
        { """{ "fact": "daysSinceDecline", "op": "le", "value": 3 }""", ConditionState.Met },
        { """{ "fact": "daysSinceDecline", "op": "gt", "value": 3 }""", ConditionState.NotMet },
        { """{ "fact": "daysSinceDecline", "op": "ne", "value": 3 }""", ConditionState.NotMet },
        { """{ "fact": "decline.declinedOn", "op": "eq", "value": "2025-07-07" }""", ConditionState.Met },
        { """{ "fact": "decline.explainedReason", "op": "eq", "value": false }""", ConditionState.Unknown },
        { """{ "fact": "timingBand", "op": "eq", "value": "withinWeek" }""", ConditionState.Met },
        { """{ "ref": "helper" }""", ConditionState.Unknown },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Evaluate_Condition_FollowsKleeneLogic(string when, ConditionState expected)
    {
        var conditions = $$"""
            [
              {{RuleSets.Condition("helper", SeatOpen)}},
              { "id": "probe", "role": "withdrawalCondition", "title": { "en": "t", "ja": "t" }, "when": {{when}},
                "messages": { "met": { "en": "m", "ja": "m" }, "notMet": { "en": "n", "ja": "n" }, "unknown": { "en": "u", "ja": "u" } } }
            ]
            """;
        var ruleSet = RuleSetJson.Load(RuleSets.With($"[{RuleSets.Rule("R-B0", """{ "all": [] }""", "base", """{ "outlook": "unlikely" }""")}]", conditions)).GetValueOrThrow();
        var @case = Cases.Minimal(3) with { Decline = Cases.Minimal(3).Decline with { Tone = DeclineTone.Polite } };

        var result = new OfferEvaluator(ruleSet).Evaluate(@case);

        Assert.Equal(expected, Assert.Single(result.Conditions).State);
    }

    [Fact]
    public void Evaluate_RuleWithUnknownCondition_DoesNotFire()
    {
        var rules = $"[{RuleSets.Rule("R-B0", """{ "all": [] }""", "base", """{ "outlook": "unlikely" }""")},{RuleSets.Rule("R-H", SeatOpen)}]";
        var ruleSet = RuleSetJson.Load(RuleSets.With(rules)).GetValueOrThrow();

        var result = new OfferEvaluator(ruleSet).Evaluate(Cases.Minimal());

        Assert.Equal(Outlook.Unlikely, result.Outlook);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "R-H");
        Assert.Equal("company.seatStatus", Assert.Single(result.MissingFacts).Fact);
    }

    [Fact]
    public void Evaluate_RuleSetWithoutPolicyForKind_IsInvalid()
    {
        var ruleSet = RuleSetJson.Load(RuleSets.With("[]")).GetValueOrThrow();

        var result = new OfferEvaluator(ruleSet).Evaluate(new OfferCase { Kind = CaseKind.MissedEmployerContact, AsOf = Cases.AsOf });

        Assert.Equal(EvaluationStatus.Invalid, result.Status);
        Assert.Equal(("case.kindNotSupported", "$.kind"), (result.Issues[0].Code, result.Issues[0].Path));
    }
}
