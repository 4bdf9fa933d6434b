using System.Text;
using FsCheck.Xunit;
using OfferRules.Analysis;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.Properties;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Analysis;

/// <summary>Each lint warning on a rule file crafted to have exactly that problem, and none on its healthy twin.</summary>
public sealed class RuleSetLintTests
{
    private const string SeatOpen = """{ "fact": "company.seatStatus", "op": "eq", "value": "open" }""";
    private const string SeatFilled = """{ "fact": "company.seatStatus", "op": "eq", "value": "filled" }""";
    private const string Always = """{ "all": [] }""";
    private const string Base = """{ "outlook": "unlikely" }""";

    private static RuleSetCheckResult Check(string json)
    {
        var result = RuleSetAnalysis.Check(json);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result;
    }

    private static IEnumerable<(string Code, string Path)> Warnings(string json) => Check(json).Warnings.Select(w => (w.Code, w.Path));

    private static string BaseRule(string when = Always) => RuleSets.Rule("B", when, stage: "base", effect: Base);

    [Fact]
    public void Lint_ContradictoryComparisons_ReportsRuleNeverFires()
    {
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{RuleSets.Rule("R1", $$"""{ "all": [{{SeatOpen}}, {{SeatFilled}}] }""")}}]""");

        Assert.Contains((RuleSetLintCodes.RuleNeverFires, "/policies/0/rules/1"), Warnings(json));
    }

    [Fact]
    public void Lint_AConditionAndItsNegation_NeverTrueUnderKleeneLogic()
    {
        // open ∧ ¬open is false when the seat is known and unknown when it is not: never true.
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{RuleSets.Rule("R1", $$"""{ "all": [{{SeatOpen}}, { "not": {{SeatOpen}} }] }""")}}]""");

        Assert.Contains((RuleSetLintCodes.RuleNeverFires, "/policies/0/rules/1"), Warnings(json));
    }

    [Fact]
    public void Lint_ExcludedMiddle_IsNotAlwaysTrue_SoTheNextBaseRuleStillCounts()
    {
        // open ∨ ¬open is unknown when the seat is unknown, so the second base rule can still set the score.
        var json = RuleSets.With($$"""
            [{{RuleSets.Rule("B1", $$"""{ "any": [{{SeatOpen}}, { "not": {{SeatOpen}} }] }""", stage: "base", effect: Base)}},
             {{RuleSets.Rule("B2", Always, stage: "base", effect: """{ "outlook": "possible" }""")}}]
            """);

        Assert.DoesNotContain(Warnings(json), w => w.Path == "/policies/0/rules/1");
    }

    [Fact]
    public void Lint_RulesAfterAnAlwaysTrueTerminalRule_NeverFire()
    {
        var json = RuleSets.With($$"""
            [{{RuleSets.Rule("T1", Always, stage: "terminal", effect: """{ "outlook": "veryUnlikely" }""")}},
             {{BaseRule()}},
             {{RuleSets.Rule("R1", SeatOpen)}}]
            """);

        var warnings = Warnings(json).ToList();

        Assert.Contains((RuleSetLintCodes.RuleNeverFires, "/policies/0/rules/1"), warnings);
        Assert.Contains((RuleSetLintCodes.RuleNeverFires, "/policies/0/rules/2"), warnings);
        Assert.DoesNotContain(warnings, w => w.Path == "/policies/0/rules/0");
    }

    [Fact]
    public void Lint_ScoreZero_ReportsRuleNoEffect()
    {
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{RuleSets.Rule("R1", SeatOpen, effect: """{ "score": 0 }""")}}, {{RuleSets.Rule("R2", SeatOpen, effect: """{ "score": 1 }""")}}]""");

        var warnings = Warnings(json).ToList();

        Assert.Contains((RuleSetLintCodes.RuleNoEffect, "/policies/0/rules/1"), warnings);
        Assert.DoesNotContain(warnings, w => w.Path == "/policies/0/rules/2");
    }

    [Fact]
    public void Lint_FloorAtTheBottom_ReportsRuleNoEffect()
    {
        var json = RuleSets.With($$"""
            [{{RuleSets.Rule("L0", SeatOpen, stage: "override", effect: """{ "outlook": "veryUnlikely" }""")}},
             {{RuleSets.Rule("L1", SeatOpen, stage: "override", effect: """{ "outlook": "possible" }""")}},
             {{BaseRule()}}]
            """);

        var warnings = Warnings(json).ToList();

        Assert.Contains((RuleSetLintCodes.RuleNoEffect, "/policies/0/rules/0"), warnings);
        Assert.DoesNotContain(warnings, w => w.Path == "/policies/0/rules/1");
    }

    [Fact]
    public void Lint_BaseRuleAfterOneThatAlwaysHolds_ReportsRuleNoEffect()
    {
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{RuleSets.Rule("B2", SeatOpen, stage: "base", effect: """{ "outlook": "likely" }""")}}]""");

        Assert.Contains((RuleSetLintCodes.RuleNoEffect, "/policies/0/rules/1"), Warnings(json));
    }

    [Fact]
    public void Lint_InfoRuleWithEmptyMessage_ReportsRuleNoEffect()
    {
        var silent = $$"""
            { "id": "I1", "stage": "info", "when": {{SeatOpen}}, "effect": { "info": true },
              "messages": { "fired": { "en": " ", "ja": " " }, "unknown": { "en": "x", "ja": "x" } }, "basis": { "en": "x", "ja": "x" } }
            """;
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{silent}}, {{RuleSets.Rule("I2", SeatOpen, stage: "info", effect: """{ "info": true }""")}}]""");

        var warnings = Warnings(json).ToList();

        Assert.Contains((RuleSetLintCodes.RuleNoEffect, "/policies/0/rules/1"), warnings);
        Assert.DoesNotContain(warnings, w => w.Path == "/policies/0/rules/2");
    }

    [Fact]
    public void Lint_CapAtOrAboveTheHighestReachableScore_ReportsCapNeverLowers()
    {
        // Unlikely + 1 reaches Possible at most: a cap at Possible or Likely cannot lower anything, one at Unlikely can.
        var json = RuleSets.With($$"""
            [{{BaseRule()}},
             {{RuleSets.Rule("H1", SeatOpen, effect: """{ "score": 1 }""")}},
             {{RuleSets.Rule("C1", SeatFilled, stage: "cap", effect: """{ "cap": "possible" }""")}},
             {{RuleSets.Rule("C2", SeatFilled, stage: "cap", effect: """{ "cap": "likely" }""")}},
             {{RuleSets.Rule("C3", SeatFilled, stage: "cap", effect: """{ "cap": "unlikely" }""")}}]
            """);

        var warnings = Warnings(json).ToList();

        Assert.Contains((RuleSetLintCodes.CapNeverLowers, "/policies/0/rules/2"), warnings);
        Assert.Contains((RuleSetLintCodes.CapNeverLowers, "/policies/0/rules/3"), warnings);
        Assert.DoesNotContain(warnings, w => w.Path == "/policies/0/rules/4");
    }

    [Fact]
    public void Lint_UnsatisfiableNamedCondition_ReportsConditionNeverMet()
    {
        var conditions = $$"""
            [{{RuleSets.Condition("never", $$"""{ "all": [{ "fact": "daysSinceDecline", "op": "ge", "value": 8 }, { "fact": "daysSinceDecline", "op": "le", "value": 7 }] }""")}},
             {{RuleSets.Condition("sometimes", $$"""{ "all": [{ "fact": "daysSinceDecline", "op": "ge", "value": 8 }, { "fact": "daysSinceDecline", "op": "le", "value": 8 }] }""")}}]
            """;
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{RuleSets.Rule("R1", """{ "any": [{ "ref": "never" }, { "ref": "sometimes" }] }""")}}]""", conditions);

        var warnings = Warnings(json).ToList();

        Assert.Contains((RuleSetLintCodes.ConditionNeverMet, "/policies/0/conditions/0"), warnings);
        Assert.DoesNotContain(warnings, w => w.Path == "/policies/0/conditions/1");
    }

    [Fact]
    public void Lint_HelperNoOneReaches_ReportsConditionUnused()
    {
        var conditions = $$"""
            [{{RuleSets.Condition("used", SeatOpen)}},
             {{RuleSets.Condition("orphan", """{ "ref": "orphanHelper" }""")}},
             {{RuleSets.Condition("orphanHelper", SeatFilled)}},
             { "id": "shown", "role": "withdrawalCondition", "title": { "en": "x", "ja": "x" }, "when": {{SeatFilled}},
               "messages": { "met": { "en": "x", "ja": "x" }, "notMet": { "en": "x", "ja": "x" }, "unknown": { "en": "x", "ja": "x" } } }]
            """;
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{RuleSets.Rule("R1", """{ "ref": "used" }""")}}]""", conditions);

        var unused = Warnings(json).Where(w => w.Code == RuleSetLintCodes.ConditionUnused).Select(w => w.Path);

        Assert.Equal(["/policies/0/conditions/1", "/policies/0/conditions/2"], unused);
    }

    [Fact]
    public void Lint_ActionNeedingAnOutlookThePolicyCannotGive_ReportsItemNeverShown()
    {
        // The policy can only reach Possible (Unlikely + 1), so an action for Likely is never shown.
        var json = WithRecommendations(
            $$"""[{{BaseRule()}}, {{RuleSets.Rule("H1", SeatOpen, effect: """{ "score": 1 }""")}}]""",
            """
            "actions": [
              { "id": "A-likely", "when": { "fact": "outlook", "op": "eq", "value": "likely" }, "channel": "phone", "timing": "atCall", "messages": { "en": "x", "ja": "x" } },
              { "id": "A-possible", "when": { "fact": "outlook", "op": "eq", "value": "possible" }, "channel": "phone", "timing": "atCall", "messages": { "en": "x", "ja": "x" } }
            ],
            "caveats": [{ "id": "C-never", "when": { "not": { "all": [] } }, "messages": { "en": "x", "ja": "x" } }],
            "drafts": [{ "id": "D1", "kind": "email", "when": { "fact": "company.seatStatus", "op": "eq", "value": "open" }, "title": { "en": "x", "ja": "x" },
                         "parts": [{ "when": { "fact": "company.seatStatus", "op": "eq", "value": "filled" }, "text": { "en": "x", "ja": "x" } },
                                   { "when": { "fact": "offer.evaluation", "op": "eq", "value": "high" }, "text": { "en": "y", "ja": "y" } }] }]
            """);

        var shown = Warnings(json).Where(w => w.Code == RuleSetLintCodes.ItemNeverShown).Select(w => w.Path);

        Assert.Equal(["/policies/0/actions/0", "/policies/0/caveats/0", "/policies/0/drafts/0/parts/0"], shown);
    }

    [Fact]
    public void Lint_LevelsAfterOneThatAlwaysHolds_ReportLevelNeverChosen()
    {
        var json = RuleSets.With($"[{BaseRule()}]")
            .Replace("\"confidence\": { \"levels\": [], \"otherwise\": \"low\" }",
                $$"""
                "confidence": { "levels": [
                  { "level": "medium", "when": { "all": [{{SeatOpen}}, {{SeatFilled}}] } },
                  { "level": "high", "when": { "all": [] } },
                  { "level": "medium", "when": {{SeatOpen}} } ], "otherwise": "low" }
                """, StringComparison.Ordinal)
            .Replace("\"conduct\": { \"cases\": [], \"otherwise\": \"mixed\" }",
                """
                "conduct": { "cases": [{ "value": "good", "when": { "all": [{ "fact": "decline.tone", "op": "eq", "value": "rude" }, { "fact": "decline.tone", "op": "eq", "value": "polite" }] } }], "otherwise": "mixed" }
                """,
                StringComparison.Ordinal);

        var levels = Warnings(json).Where(w => w.Code == RuleSetLintCodes.LevelNeverChosen).Select(w => w.Path);

        Assert.Equal(["/conduct/cases/0", "/policies/0/confidence/levels/0", "/policies/0/confidence/levels/2"], levels);
    }

    [Theory]
    [InlineData("You declined more than a week ago, so the company has probably moved on to other candidates.", "辞退", true)]
    [InlineData("You declined more than a week ago, so the company has probably moved on to other candidates.", "1週間以上前に辞退しているため、企業はすでに他の候補者に移っている可能性が高いです。", false)]
    [InlineData("Yes.", "はい。この度は誠にありがとうございました。ご連絡をお待ちしております。よろしくお願いいたします。", true)]
    [InlineData("Yours sincerely,", "敬具", false)]
    [InlineData("Something in English.", " ", true)]
    [InlineData("{candidate.name} wrote this.", "{candidate.name}", true)]
    [InlineData("{candidate.name}", "{candidate.name}", false)]
    public void Lint_TextLengths_ReportsOnlyGreatMismatches(string en, string ja, bool reported)
    {
        var rule = $$"""
            { "id": "R1", "stage": "adjust", "when": {{SeatOpen}}, "effect": { "score": 1 },
              "messages": { "fired": { "en": "{{en}}", "ja": "{{ja}}" }, "unknown": { "en": "x", "ja": "x" } }, "basis": { "en": "x", "ja": "x" } }
            """;
        var json = RuleSets.With($"[{BaseRule()}, {rule}]");

        var found = Warnings(json).Contains((RuleSetLintCodes.TextLengthMismatch, "/policies/0/rules/1/messages/fired"));

        Assert.Equal(reported, found);
    }

    [Fact]
    public void Check_Warnings_HaveLineColumnAndBothLanguages()
    {
        var json = RuleSets.With($$"""[{{BaseRule()}}, {{RuleSets.Rule("R1", SeatOpen, effect: """{ "score": 0 }""")}}]""");
        var line = json.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("\"R1\"", StringComparison.Ordinal)).i + 1;

        var warning = Assert.Single(Check(json).Warnings);

        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal(line, warning.Line);
        Assert.NotNull(warning.Column);
        Assert.Contains("'R1'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("「R1」", warning.MessageJa, StringComparison.Ordinal);
        Assert.Equal(warning.MessageJa, warning.GetMessage("ja-JP"));
        Assert.StartsWith($"/policies/0/rules/1 (line {line}, column ", warning.ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"/policies/0/rules/1（{line}行目、", warning.ToString("ja"), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BadFile_GivesTheLoaderErrorsAndNoWarnings()
    {
        var json = RuleSets.With($$"""[{{RuleSets.Rule("R1", """{ "fact": "company.seatStatsu", "op": "eq", "value": "open" }""")}}]""");

        var result = RuleSetAnalysis.Check(json);

        Assert.False(result.Success);
        Assert.Empty(result.Warnings);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RuleSetJson.Load(json).Diagnostics.Single(), error);
        Assert.Contains("Did you mean 'company.seatStatus'?", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void CheckFile_MissingFile_IsAnErrorNotAnException()
    {
        var result = RuleSetAnalysis.CheckFile(Path.Combine(Path.GetTempPath(), "no-such-rules-" + Guid.NewGuid() + ".json"));

        Assert.Equal("file.unreadable", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Lint_EveryMessage_IsInBothLanguagesWithFullWidthJapanesePunctuation()
    {
        var json = RuleSets.With($$"""
            [{{RuleSets.Rule("T1", """{ "not": { "all": [] } }""", stage: "terminal", effect: """{ "outlook": "veryUnlikely" }""")}},
             {{RuleSets.Rule("L0", SeatOpen, stage: "override", effect: """{ "outlook": "veryUnlikely" }""")}},
             {{BaseRule()}}, {{RuleSets.Rule("B2", SeatOpen, stage: "base", effect: Base)}},
             {{RuleSets.Rule("R0", SeatOpen, effect: """{ "score": 0 }""")}},
             {{RuleSets.Rule("C1", SeatOpen, stage: "cap", effect: """{ "cap": "likely" }""")}}]
            """, $"[{RuleSets.Condition("orphan", $$"""{ "all": [{{SeatOpen}}, {{SeatFilled}}] }""")}]");

        var warnings = Check(json).Warnings;

        Assert.Equal(
            new[] { RuleSetLintCodes.RuleNeverFires, RuleSetLintCodes.RuleNoEffect, RuleSetLintCodes.CapNeverLowers, RuleSetLintCodes.ConditionNeverMet, RuleSetLintCodes.ConditionUnused }.Order(),
            warnings.Select(w => w.Code).Distinct().Order());
        Assert.All(warnings, w =>
        {
            Assert.EndsWith(".", w.Message, StringComparison.Ordinal);
            Assert.EndsWith("。", w.MessageJa, StringComparison.Ordinal);
            Assert.DoesNotContain(": ", w.MessageJa, StringComparison.Ordinal);
            Assert.DoesNotContain("(", w.MessageJa, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// The default policy loads with no error. Lint finds one thing in it, and only that: part 1 of the phone script
    /// D-PHONE is for offers that came through an agent, but D-PHONE is only shown when the offer did not (agents get
    /// D-AGENT-PHONE), so the part can never appear. It changes no outlook and no shown text, so the policy is left as
    /// it is (its content hash is stamped in every result); the part can go at the policy's next version.
    /// </summary>
    [Fact]
    public void Check_DefaultPolicy_HasNoErrorAndOnlyTheDeadAgentNoteInThePhoneScript()
    {
        var result = RuleSetAnalysis.Check(Encoding.UTF8.GetBytes(RuleSetJson.DefaultPolicyJson));

        Assert.True(result.Success);
        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((RuleSetLintCodes.ItemNeverShown, "/policies/0/drafts/0/parts/1"), (warning.Code, warning.Path));
    }

    [Fact]
    public void Lint_LoadedRuleSet_GivesTheSameWarningsWithoutPositions()
    {
        var located = RuleSetAnalysis.Check(Encoding.UTF8.GetBytes(RuleSetJson.DefaultPolicyJson)).Warnings;

        var plain = RuleSetAnalysis.Lint(RuleSet.Default);

        Assert.Equal(located.Select(w => w with { Line = null, Column = null }), plain);
    }

    /// <summary>
    /// Soundness: on generated rule sets, a rule lint says never fires is never among the findings of a generated case,
    /// and an item it says is never shown never appears.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool Lint_NeverFiresAndNeverShown_HoldOnGeneratedCases(int seed)
    {
        var random = new Random(seed);
        var json = RuleSetProperties.RandomRuleSet(random);
        var ruleSet = RuleSetJson.Load(json).GetValueOrThrow();
        var warnings = RuleSetAnalysis.Lint(ruleSet);
        var dead = warnings.Where(w => w.Code is RuleSetLintCodes.RuleNeverFires).Select(w => w.Path).ToHashSet();
        var unmet = warnings.Where(w => w.Code is RuleSetLintCodes.ConditionNeverMet).Select(w => w.Path).ToHashSet();
        var deadIds = ruleSet.Plan.Policies.SelectMany(p => p.Rules.Where(r => dead.Contains(r.Model.Pointer)).Select(r => (p.Kind, r.Model.Id))).ToHashSet();
        var unmetIds = ruleSet.Plan.Policies.SelectMany(p => p.Conditions.Where(c => unmet.Contains(c.Model.Pointer)).Select(c => (p.Kind, c.Model.Id))).ToHashSet();
        var evaluator = new OfferEvaluator(ruleSet);
        for (var i = 0; i < 30; i++)
        {
            var result = evaluator.Evaluate(EvaluationProperties.RandomCase(random));
            if (result.Findings.Any(f => deadIds.Contains((result.Kind, f.RuleId)))
                || result.Conditions.Concat(result.FailureReasons).Any(c => c.State == ConditionState.Met && unmetIds.Contains((result.Kind, c.Id))))
            {
                return false;
            }
        }

        return true;
    }

    private static string WithRecommendations(string rules, string recommendations) =>
        RuleSets.With(rules).Replace("\"confidence\": { \"levels\": [], \"otherwise\": \"low\" }", "\"confidence\": { \"levels\": [], \"otherwise\": \"low\" },\n" + recommendations, StringComparison.Ordinal);
}
