using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

public sealed class RuleSetJsonTests
{
    [Fact]
    public void Load_DefaultPolicyResource_Succeeds()
    {
        var ruleSet = RuleSet.Default;

        Assert.Equal("offerrules.default", ruleSet.Id);
        Assert.StartsWith("sha256:", ruleSet.ContentHash, StringComparison.Ordinal);
        Assert.Equal(71, ruleSet.ContentHash.Length);
    }

    [Fact]
    public void Load_MisspeltFact_NamesThePointerAndSuggestsTheFact()
    {
        var json = RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatsu", "op": "eq", "value": "open" }""")}]");

        var result = RuleSetJson.Load(json);

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("condition.unknownFact", d.Code);
        Assert.Equal("/policies/0/rules/0/when/fact", d.Path);
        Assert.Equal("'company.seatStatsu' is not a catalogued fact. Did you mean 'company.seatStatus'?", d.Message);
        Assert.NotNull(d.Line);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOne()
    {
        var rules = string.Join(",",
            RuleSets.Rule("R1", """{ "fact": "nope", "op": "eq", "value": 1 }"""),
            RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "eq", "value": true }"""),
            RuleSets.Rule("R3", """{ "fact": "company.seatStatus", "op": "lt", "value": "open" }"""),
            RuleSets.Rule("R4", """{ "ref": "missing" }"""),
            RuleSets.Rule("R5", """{ "fact": "decline.tone", "op": "eq", "value": "angry" }"""),
            RuleSets.Rule("R6", """{ "allOf": [] }"""));

        var result = RuleSetJson.Load(RuleSets.With($"[{rules}]"));

        Assert.Equal(
            [
                ("condition.unknownFact", "/policies/0/rules/0/when/fact"),
                ("ruleSet.duplicateId", "/policies/0/rules/1/id"),
                ("condition.typeMismatch", "/policies/0/rules/1/when/value"),
                ("condition.typeMismatch", "/policies/0/rules/2/when/op"),
                ("condition.typeMismatch", "/policies/0/rules/4/when/value"),
                ("condition.invalidNode", "/policies/0/rules/5/when/allOf"),
                ("condition.unknownReference", "/policies/0/rules/3/when/ref"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void Load_DuplicateRuleIdAndUnknownReference_ReportedTogether()
    {
        var rules = string.Join(",",
            RuleSets.Rule("R1", """{ "ref": "missing" }"""),
            RuleSets.Rule("R1", """{ "all": [] }"""));

        var result = RuleSetJson.Load(RuleSets.With($"[{rules}]"));

        Assert.Equal(
            [
                ("ruleSet.duplicateId", "/policies/0/rules/1/id"),
                ("condition.unknownReference", "/policies/0/rules/0/when/ref"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void Load_ReferenceCycle_NamesTheCycle()
    {
        var conditions = "[" + RuleSets.Condition("a", """{ "ref": "b" }""") + "," + RuleSets.Condition("b", """{ "not": { "ref": "a" } }""") + "]";

        var result = RuleSetJson.Load(RuleSets.With($"[{RuleSets.Rule("R1", """{ "ref": "a" }""")}]", conditions));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("condition.cycle", d.Code);
        Assert.Equal("/policies/0/conditions/1/when/not/ref", d.Path);
        Assert.Equal("The reference to 'a' makes a cycle: a -> b -> a.", d.Message);
    }

    [Fact]
    public void Load_UnknownProperty_IsReportedWithItsPointer()
    {
        var json = RuleSets.With("[]").Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"scripts\": \"rm -rf /\",", StringComparison.Ordinal);

        var d = Assert.Single(RuleSetJson.Load(json).Diagnostics);

        Assert.Equal(("ruleSet.unknownProperty", "/scripts"), (d.Code, d.Path));
    }

    [Fact]
    public void Load_MalformedJson_GivesLineAndColumn()
    {
        var result = RuleSetJson.Load("{\n  \"id\": \"x\",\n  oops\n}");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("json.malformed", d.Code);
        Assert.Equal(3, d.Line);
    }

    [Fact]
    public void Load_DeepNesting_IsRejected()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        var d = Assert.Single(RuleSetJson.Load(json).Diagnostics);

        Assert.Equal("json.malformed", d.Code);
        Assert.Equal("The JSON is nested deeper than 64 levels.", d.Message);
    }

    [Fact]
    public void Load_PlaceholderOnlyInOneLanguage_IsRejected()
    {
        var rule = RuleSets.Rule("R1", """{ "all": [] }""").Replace(
            "\"fired\": { \"en\": \"x\", \"ja\": \"x\" }",
            "\"fired\": { \"en\": \"{daysSinceDecline} days\", \"ja\": \"x\" }",
            StringComparison.Ordinal);

        var d = Assert.Single(RuleSetJson.Load(RuleSets.With($"[{rule}]")).Diagnostics);

        Assert.Equal(("message.placeholderMismatch", "/policies/0/rules/0/messages/fired"), (d.Code, d.Path));
    }

    [Fact]
    public void Load_UnknownPlaceholder_IsRejected()
    {
        var rule = RuleSets.Rule("R1", """{ "all": [] }""").Replace(
            "\"fired\": { \"en\": \"x\", \"ja\": \"x\" }",
            "\"fired\": { \"en\": \"{dayssincedecline}\", \"ja\": \"{dayssincedecline}\" }",
            StringComparison.Ordinal);

        var result = RuleSetJson.Load(RuleSets.With($"[{rule}]"));

        Assert.Contains(result.Diagnostics, d => d.Code == "message.placeholder" && d.Path == "/policies/0/rules/0/messages/fired/en" && d.Message.Contains("Did you mean '{daysSinceDecline}'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EffectThatDoesNotFitTheStage_IsRejected()
    {
        var rule = RuleSets.Rule("R1", """{ "all": [] }""", stage: "cap", effect: """{ "score": 1 }""");

        var d = Assert.Single(RuleSetJson.Load(RuleSets.With($"[{rule}]")).Diagnostics);

        Assert.Equal(("rule.effect", "/policies/0/rules/0/effect"), (d.Code, d.Path));
    }

    [Fact]
    public void Load_UnknownLiteralForEnum_SuggestsIsKnownForUnknown()
    {
        var rule = RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "eq", "value": "unknown" }""");

        var d = Assert.Single(RuleSetJson.Load(RuleSets.With($"[{rule}]")).Diagnostics);

        Assert.Equal("'unknown' is not a value of 'company.seatStatus'. Use one of: open, filled. To test for an unknown value, use the operator 'isKnown' inside 'not'.", d.Message);
    }

    [Fact]
    public void GetValueOrThrow_Failure_ThrowsWithEveryDiagnostic()
    {
        var result = RuleSetJson.Load("{}");

        var ex = Assert.Throws<RuleSetLoadException>(result.GetValueOrThrow);

        Assert.Equal(result.Diagnostics.Length, ex.Diagnostics.Count);
        Assert.StartsWith("The rule set did not load (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingFile_IsADiagnostic()
    {
        var result = RuleSetJson.LoadFile(Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid() + ".json"));

        Assert.Equal("file.unreadable", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_TooManyConditionNodes_IsRejectedQuickly()
    {
        var leaves = string.Join(",", Enumerable.Repeat("""{ "fact": "company.seatStatus", "op": "isKnown" }""", 30));
        var rules = string.Join(",", Enumerable.Range(0, 7000).Select(i => RuleSets.Rule("R" + i, $$"""{ "any": [{{leaves}}] }""")));

        var result = RuleSetJson.Load(RuleSets.With($"[{rules}]"));

        Assert.Contains(result.Diagnostics, d => d.Code == "ruleSet.limit");
    }

    [Fact]
    public void Load_LongReferenceChain_IsRejectedWithoutDeepRecursion()
    {
        var conditions = "[" + string.Join(",", Enumerable.Range(0, 5000).Select(i => RuleSets.Condition("c" + i, $$"""{ "ref": "c{{i + 1}}" }"""))) + ","
            + RuleSets.Condition("c5000", """{ "all": [] }""") + "]";

        var result = RuleSetJson.Load(RuleSets.With($"[{RuleSets.Rule("R1", """{ "ref": "c0" }""")}]", conditions));

        Assert.Contains(result.Diagnostics, d => d.Code == "ruleSet.limit" && d.Message == "Named conditions refer to each other more than 32 deep.");
    }

    [Fact]
    public void Load_SameBytes_SameHash()
    {
        var json = RuleSets.With($"[{RuleSets.Rule("R1", """{ "all": [] }""", stage: "base", effect: """{ "outlook": "unlikely" }""")}]");

        Assert.Equal(RuleSetJson.Load(json).GetValueOrThrow().ContentHash, RuleSetJson.Load(json).GetValueOrThrow().ContentHash);
    }
}
