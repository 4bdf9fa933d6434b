using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

public sealed class RuleSetLimitsTests
{
    public static TheoryData<string, int> OutOfRange() => new()
    {
        { nameof(RuleSetLimits.MaxBytes), 0 },
        { nameof(RuleSetLimits.MaxBytes), -1 },
        { nameof(RuleSetLimits.MaxJsonDepth), 0 },
        { nameof(RuleSetLimits.MaxJsonDepth), 257 },
        { nameof(RuleSetLimits.MaxConditionDepth), 0 },
        { nameof(RuleSetLimits.MaxRules), -20_000 },
        { nameof(RuleSetLimits.MaxConditionNodes), 0 },
        { nameof(RuleSetLimits.MaxIdLength), 0 },
        { nameof(RuleSetLimits.MaxTextLength), int.MinValue },
        { nameof(RuleSetLimits.MaxPlaceholders), 0 },
        { nameof(RuleSetLimits.MaxDiagnostics), 0 },
        { nameof(RuleSetLimits.MaxValuesPerList), 0 },
        { nameof(RuleSetLimits.MaxProbeValues), -1 },
        { nameof(RuleSetLimits.MaxEvaluationCost), 0 },
    };

    [Fact]
    public void Default_HasTheDocumentedValues()
    {
        var d = RuleSetLimits.Default;

        Assert.Equal(
            (16 * 1024 * 1024, 64, 32, 20_000, 200_000, 100, 2_000, 16, 200),
            (d.MaxBytes, d.MaxJsonDepth, d.MaxConditionDepth, d.MaxRules, d.MaxConditionNodes, d.MaxIdLength, d.MaxTextLength, d.MaxPlaceholders, d.MaxDiagnostics));
        Assert.Equal((1_000, 2_000, 50_000), (d.MaxValuesPerList, d.MaxProbeValues, d.MaxEvaluationCost));
        Assert.Equal(new RuleSetLimits(), d);
    }

    [Fact]
    public void EvaluationCost_DefaultPolicy_PassesTheDefaultBudgetWithAWideMargin()
    {
        var cost = OfferRules.Rules.RuleSet.Default.EvaluationCost;

        Assert.InRange(cost, 1, RuleSetLimits.Default.MaxEvaluationCost / 20);
    }

    [Fact]
    public void EvaluationCost_SmallPolicy_IsThreeDecisionsPlusEachFactsClassesTimesTheNodesThatReadIt()
    {
        // Decision nodes: R1 = any(1) + eq(1) + in(1 + 3 values) = 6; R2 = isKnown(1); R3 = gt(1); conduct = none; the
        // whole decision counts three times. Probes, one per class of equivalent values, each re-evaluating only the
        // rules that read the fact:
        // - explainedReason: 2 classes (false, true) x R1 (6) = 12;
        // - channel: 2 classes (in the list, not in it) x R1 + R2 (7) = 14;
        // - declinedOn: the day probes 0, 1, 2, 3, 7, 8 (the default 2/7/30 bands) and 9, 10, 11 (R3), 30, 31 fall
        //   between the cuts 2, 7, 10 and 30 into 5 classes, x R3 (1) = 5.
        var rules = "["
            + RuleSets.Rule("R1", """{ "any": [ { "fact": "decline.explainedReason", "op": "eq", "value": true }, { "fact": "decline.channel", "op": "in", "values": ["phone", "email", "letter"] } ] }""") + ","
            + RuleSets.Rule("R2", """{ "fact": "decline.channel", "op": "isKnown" }""") + ","
            + RuleSets.Rule("R3", """{ "fact": "daysSinceDecline", "op": "gt", "value": 10 }""")
            + "]";
        var set = RuleSetJson.Load(RuleSets.With(rules)).GetValueOrThrow();

        const long Decision = 6 + 1 + 1;
        const long Probing = (2 * 6) + (2 * 7) + (5 * 1);
        Assert.Equal((3 * Decision) + Probing + 0, set.EvaluationCost);
    }

    [Fact]
    public void Load_ListOverMaxValuesPerList_IsRejectedAtTheList()
    {
        var rules = "[" + RuleSets.Rule("R1", """{ "fact": "decline.channel", "op": "in", "values": ["phone", "email", "letter"] }""") + "]";

        var result = RuleSetJson.Load(RuleSets.With(rules), RuleSetLimits.Default with { MaxValuesPerList = 2 });

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.limit", "/policies/0/rules/0/when/values"), (problem.Code, problem.Path));
        Assert.Contains("MaxValuesPerList", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyDistinctDayNumbers_AreRejectedByMaxProbeValuesAtThePolicy()
    {
        var rules = "[" + string.Join(",", Enumerable.Range(0, 40).Select(i =>
            RuleSets.Rule($"R{i}", $$"""{ "fact": "daysSinceDecline", "op": "eq", "value": {{100 + (i * 3)}} }"""))) + "]";

        var result = RuleSetJson.Load(RuleSets.With(rules), RuleSetLimits.Default with { MaxProbeValues = 50 });

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.limit", "/policies/0"), (problem.Code, problem.Path));
        Assert.Contains("MaxProbeValues", problem.Message, StringComparison.Ordinal);
        Assert.True(RuleSetJson.Load(RuleSets.With(rules)).Success);
    }

    [Fact]
    public void Load_CostOverMaxEvaluationCost_IsRejectedNamingTheLimitAndTheCost()
    {
        var set = RuleSetJson.Load(RuleSetJson.DefaultPolicyJson).GetValueOrThrow();
        var limit = (int)(set.EvaluationCost - 1);

        var result = RuleSetJson.Load(RuleSetJson.DefaultPolicyJson, RuleSetLimits.Default with { MaxEvaluationCost = limit });

        Assert.Contains(result.Diagnostics, d => d.Code == "ruleSet.limit" && d.Path.StartsWith("/policies/", StringComparison.Ordinal)
            && d.Message.Contains("MaxEvaluationCost", StringComparison.Ordinal) && d.Message.Contains(set.EvaluationCost.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.True(RuleSetJson.Load(RuleSetJson.DefaultPolicyJson, RuleSetLimits.Default with { MaxEvaluationCost = limit + 1 }).Success);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void With_ValueOutOfRange_ThrowsArgumentExceptionNamingTheProperty(string property, int value)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Set(RuleSetLimits.Default, property, value));

        Assert.Equal(property, ex.ParamName);
        Assert.StartsWith($"RuleSetLimits.{property} must be ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_Tightened_KeepsTheOtherLimits()
    {
        var tenant = RuleSetLimits.Default with { MaxBytes = 64 * 1024, MaxRules = 100 };

        Assert.Equal((64 * 1024, 100, 32, 2_000), (tenant.MaxBytes, tenant.MaxRules, tenant.MaxConditionDepth, tenant.MaxTextLength));
        Assert.NotEqual(RuleSetLimits.Default, tenant);
        Assert.Equal(16 * 1024 * 1024, RuleSetLimits.Default.MaxBytes);
    }

    [Fact]
    public void With_LargestJsonDepth_IsAccepted()
    {
        Assert.Equal(256, (RuleSetLimits.Default with { MaxJsonDepth = 256 }).MaxJsonDepth);
    }

    [Fact]
    public void Load_NullLimits_ThrowsArgumentNullException()
    {
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.Load("{}", null!));
        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.Load("{}"u8, null!));
        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.Load(stream, null!));
        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.LoadFile("rules.json", null!));
    }

    private static RuleSetLimits Set(RuleSetLimits limits, string property, int value) => property switch
    {
        nameof(RuleSetLimits.MaxBytes) => limits with { MaxBytes = value },
        nameof(RuleSetLimits.MaxJsonDepth) => limits with { MaxJsonDepth = value },
        nameof(RuleSetLimits.MaxConditionDepth) => limits with { MaxConditionDepth = value },
        nameof(RuleSetLimits.MaxRules) => limits with { MaxRules = value },
        nameof(RuleSetLimits.MaxConditionNodes) => limits with { MaxConditionNodes = value },
        nameof(RuleSetLimits.MaxIdLength) => limits with { MaxIdLength = value },
        nameof(RuleSetLimits.MaxTextLength) => limits with { MaxTextLength = value },
        nameof(RuleSetLimits.MaxPlaceholders) => limits with { MaxPlaceholders = value },
        nameof(RuleSetLimits.MaxDiagnostics) => limits with { MaxDiagnostics = value },
        nameof(RuleSetLimits.MaxValuesPerList) => limits with { MaxValuesPerList = value },
        nameof(RuleSetLimits.MaxProbeValues) => limits with { MaxProbeValues = value },
        nameof(RuleSetLimits.MaxEvaluationCost) => limits with { MaxEvaluationCost = value },
        _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
    };
}
