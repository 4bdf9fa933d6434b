using System.Text;
using OfferRules.Evaluation;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.Properties;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation.Plan;

/// <summary>
/// The decision diagram (#14) that <see cref="OfferEvaluator.Decide"/> walks: it gives the flat program's outlook and
/// confidence on every fact vector, it is small for the default policy, and a policy past its budget has none and is
/// decided by the program.
/// </summary>
public sealed class DecisionDiagramTests
{
    private const int AsOfDay = 739_441; // 2025-07-10

    [Fact]
    public void Run_DefaultPolicyOnRandomFactVectors_GivesTheProgramsDecision()
    {
        var plan = RuleSet.Default.Plan;
        foreach (var policy in plan.Policies)
        {
            var diagram = policy.Diagram(plan);
            Assert.NotNull(diagram);
            AssertAgrees(plan, policy, diagram, new Random(20261204 + (int)policy.Kind), count: 20_000);
        }
    }

    [Fact]
    public void Run_GeneratedRuleSets_GiveTheProgramsDecision()
    {
        var random = new Random(14);
        var built = 0;
        for (var i = 0; i < 300; i++)
        {
            var plan = RuleSetJson.Load(RuleSetProperties.RandomRuleSet(random)).GetValueOrThrow().Plan;
            foreach (var policy in plan.Policies)
            {
                if (policy.Diagram(plan) is { } diagram)
                {
                    built++;
                    AssertAgrees(plan, policy, diagram, random, count: 200);
                }
            }
        }

        Assert.Equal(600, built);
    }

    [Fact]
    public void Run_ComparisonsOnEveryKindOfLiteral_GiveTheProgramsDecision()
    {
        // Lists long enough to be sorted lists, masks, dates compared with literal dates, far-apart literals (searched,
        // not tabled), counts and negations.
        var rules = string.Join(",",
            RuleSets.Rule("A1", """{ "fact": "daysSinceDecline", "op": "in", "values": [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144] }"""),
            RuleSets.Rule("A2", """{ "fact": "decline.declinedOn", "op": "ge", "value": "2025-07-01" }"""),
            RuleSets.Rule("A3", """{ "any": [ { "fact": "daysUntilStart", "op": "lt", "value": -400 }, { "fact": "daysUntilStart", "op": "ge", "value": 4000 } ] }""", effect: """{ "score": -1 }"""),
            RuleSets.Rule("A4", """{ "atLeast": 2, "of": [ { "fact": "decline.tone", "op": "eq", "value": "polite" }, { "fact": "company.seatStatus", "op": "ne", "value": "filled" }, { "not": { "fact": "daysSinceDecline", "op": "le", "value": -3 } } ] }"""),
            RuleSets.Rule("C1", """{ "any": [ { "fact": "timingBand", "op": "eq", "value": "veryLate" }, { "not": { "fact": "offer.offeredOn", "op": "isKnown" } } ] }""", stage: "cap", effect: """{ "cap": "unlikely" }"""),
            RuleSets.Rule("F1", """{ "fact": "company.unfairPressureOrRescission", "op": "eq", "value": true }""", stage: "override", effect: """{ "outlook": "possible" }"""),
            RuleSets.Rule("B1", """{ "all": [] }""", stage: "base", effect: """{ "outlook": "unlikely" }"""));
        var plan = RuleSetJson.Load(RuleSets.With($"[{rules}]")).GetValueOrThrow().Plan;
        var policy = plan.Policies[0];

        var diagram = policy.Diagram(plan);

        Assert.NotNull(diagram);
        AssertAgrees(plan, policy, diagram, new Random(5), count: 20_000);
    }

    [Fact]
    public void Diagram_DefaultPolicies_StayFarUnderTheBudget()
    {
        var plan = RuleSet.Default.Plan;

        var sizes = plan.Policies.Select(p => p.Diagram(plan)!.NodeCount).ToArray();

        Assert.All(sizes, size => Assert.InRange(size, 1, DecisionDiagramBuilder.MaxNodes / 20));
        Assert.All(plan.Policies, p => Assert.InRange(p.Diagram(plan)!.BuildSteps, 1, DecisionDiagramBuilder.MaxSteps / 20));
    }

    [Fact]
    public void Diagram_CalledTwice_ReturnsTheSameDiagram()
    {
        var plan = RuleSet.Default.Plan;

        Assert.Same(plan.Policies[0].Diagram(plan), plan.Policies[0].Diagram(plan));
    }

    [Fact]
    public void Diagram_MoreRulesThanTheOperandLimit_IsNoneAndDecideStillAgrees()
    {
        var rules = Enumerable.Range(0, DecisionDiagramBuilder.MaxOperands + 1)
            .Select(i => RuleSets.Rule("A" + i, $$"""{ "fact": "decline.explainedReason", "op": "eq", "value": {{(i % 2 == 0 ? "true" : "false")}} }""", effect: """{ "score": -1 }"""));
        var ruleSet = RuleSetJson.Load(RuleSets.With($"[{string.Join(",", rules)}]")).GetValueOrThrow();

        Assert.Null(ruleSet.Plan.Policies[0].Diagram(ruleSet.Plan));
        AssertDecideAgreesWithEvaluate(ruleSet);
    }

    [Theory]
    [InlineData(4, DecisionDiagramBuilder.MaxSteps)]
    [InlineData(DecisionDiagramBuilder.MaxNodes, 4)]
    public void TryBuild_PastTheNodeOrStepBudget_ReturnsNull(int maxNodes, int maxSteps)
    {
        var plan = RuleSet.Default.Plan;

        var diagram = DecisionDiagramBuilder.TryBuild(plan, plan.Policies[0], maxNodes, maxSteps);

        Assert.Null(diagram);
    }

    [Fact]
    public void Decide_HostileRuleSetsThatLoad_AgreesWithEvaluate()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestData", "hostile-rulesets");
        var loaded = 0;
        foreach (var file in Directory.GetFiles(directory, "*.json"))
        {
            var result = RuleSetJson.Load(File.ReadAllText(file));
            if (result.Success)
            {
                loaded++;
                AssertDecideAgreesWithEvaluate(result.Value!);
            }
        }

        Assert.True(loaded > 0);
    }

    [Fact]
    public void Classes_OfAValue_IsOneMoreThanTheCutsBelowIt()
    {
        long[] cuts = [2, 7, 30];

        int[] classes = [Classes.Of(cuts, -5), Classes.Of(cuts, 2), Classes.Of(cuts, 3), Classes.Of(cuts, 7), Classes.Of(cuts, 8), Classes.Of(cuts, 31)];

        Assert.Equal([1, 1, 2, 2, 3, 4], classes);
        Assert.Equal([FactCatalog.Unknown, 2, 7, 30, 31], Classes.Representatives(cuts));
    }

    [Fact]
    public void Cuts_ExtremeLiterals_AreLeftOutSoEveryClassHoldsAKnownValue()
    {
        var lists = System.Array.Empty<int[]>();
        (Instruction, int[][])[] comparisons =
        [
            (new Instruction(OpCode.Le, 0, int.MaxValue, 1, 0), lists),
            (new Instruction(OpCode.Ge, 0, int.MinValue + 1, 1, 0), lists),
            (new Instruction(OpCode.Eq, 0, 4, 1, 0), lists),
        ];

        var cuts = Classes.Cuts(comparisons);

        Assert.Equal([3L, 4L], cuts);
        Assert.DoesNotContain(FactCatalog.Unknown, Classes.Representatives(cuts).Skip(1));
    }

    /// <summary>Checks the diagram against the program on random fact vectors around every literal the policy compares with.</summary>
    private static void AssertAgrees(RuleSetPlan plan, PolicyPlan policy, DecisionDiagram diagram, Random random, int count)
    {
        var literals = new HashSet<int> { 0, 1, 2, 3, 7, 8, 30, 31 };
        foreach (var ins in policy.Program.Code.Concat(plan.ConductProgram.Code))
        {
            if (PlanProgram.IsComparison(ins.Op) && ins.Value is > int.MinValue + 1 and < int.MaxValue)
            {
                literals.UnionWith([ins.Value - 1, ins.Value, ins.Value + 1]);
            }
        }

        int[] pool = [.. literals];
        var facts = new int[FactCatalog.Count];
        var expectedFacts = new int[FactCatalog.Count];
        var memo = new byte[Math.Max(1, policy.Program.NamedRoots.Length)];
        for (var n = 0; n < count; n++)
        {
            for (var f = 0; f < (int)FactId.AsOf; f++)
            {
                var definition = FactCatalog.All[f];
                facts[f] = random.Next(6) == 0 ? FactCatalog.Unknown : definition.Type switch
                {
                    FactType.Bool => random.Next(2),
                    FactType.Enum => random.Next(1, definition.EnumNames.Length),
                    FactType.Date => random.Next(4) switch
                    {
                        0 => pool[random.Next(pool.Length)],
                        1 => AsOfDay + pool[random.Next(pool.Length)],
                        2 => AsOfDay - pool[random.Next(pool.Length)],
                        _ => AsOfDay - random.Next(-40, 60),
                    },
                    _ => pool[random.Next(pool.Length)],
                };
            }

            facts[(int)FactId.AsOf] = AsOfDay;
            facts.CopyTo(expectedFacts, 0);

            PlanRunner.Derive(plan, expectedFacts);
            memo.AsSpan().Clear();
            var outlook = PlanRunner.Decide(policy, expectedFacts, memo);
            var confidence = PlanRunner.DecideConfidence(policy, expectedFacts, memo);

            PlanRunner.DeriveForDiagram(plan, facts);
            var leaf = diagram.Run(facts);

            if (DecisionDiagram.OutlookOf(leaf) != outlook || DecisionDiagram.ConfidenceOf(leaf) != confidence)
            {
                Assert.Fail($"The diagram gives {DecisionDiagram.OutlookOf(leaf)}/{DecisionDiagram.ConfidenceOf(leaf)}, the program {outlook}/{confidence}, for facts [{string.Join(", ", facts)}].");
            }
        }
    }

    private static void AssertDecideAgreesWithEvaluate(RuleSet ruleSet)
    {
        var evaluator = new OfferEvaluator(ruleSet);
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var @case = EvaluationProperties.RandomCase(random);
            var full = evaluator.Evaluate(@case); // explained, so decided rule by rule on the condition trees
            Assert.Equal(new Decision(full.Status, full.Outlook, full.Confidence), evaluator.Decide(@case));
        }
    }
}
