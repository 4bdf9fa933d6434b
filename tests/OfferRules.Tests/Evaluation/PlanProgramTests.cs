using System.Collections.Immutable;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

/// <summary>
/// The flat program (#14): its layout (prefix order, jump offsets, negations at the leaves, folded references), its
/// agreement with the condition trees, the per-rule fact masks, and the classes of equivalent probe values.
/// </summary>
public sealed class PlanProgramTests
{
    private static readonly FactDefinition s_channel = FactCatalog.Get(FactId.DeclineChannel);
    private static readonly FactDefinition s_seat = FactCatalog.Get(FactId.CompanySeatStatus);
    private static readonly FactDefinition s_days = FactCatalog.Get(FactId.DaysSinceDecline);

    [Fact]
    public void Count_IsTheCatalogsLength()
    {
        Assert.Equal(FactCatalog.Count, FactCatalog.All.Length);
    }

    [Fact]
    public void Add_NestedAllAndAny_LaysOutPrefixOrderWithTheIndexPastEachSubtree()
    {
        var builder = new ProgramBuilder([]);

        var root = builder.Add(All(Eq(s_channel, 2), Any(Eq(s_seat, 1), Known(s_seat))));
        var program = builder.Build(out _);

        Assert.Equal(0, root);
        Assert.Equal(
            [
                new Instruction(OpCode.All, 0, 0, 5, 2),
                new Instruction(OpCode.Eq, (int)FactId.DeclineChannel, 2, 2, 0),
                new Instruction(OpCode.Any, 0, 0, 5, 2),
                new Instruction(OpCode.Eq, (int)FactId.CompanySeatStatus, 1, 4, 0),
                new Instruction(OpCode.IsKnown, (int)FactId.CompanySeatStatus, 0, 5, 0),
            ],
            program.Code);
    }

    [Fact]
    public void Add_NotOfAll_PushesTheNegationToTheLeaves()
    {
        var builder = new ProgramBuilder([]);

        builder.Add(new NotNode(All(Eq(s_channel, 2), Compare(s_days, CompareOp.Le, 7))));
        var program = builder.Build(out _);

        Assert.Equal([OpCode.Any, OpCode.Ne, OpCode.Gt], program.Code.Select(i => i.Op));
    }

    [Fact]
    public void Add_SingleChildAllAndEmptyGroups_BecomeLeaves()
    {
        var builder = new ProgramBuilder([]);

        int[] roots = [builder.Add(All(Eq(s_channel, 2))), builder.Add(All()), builder.Add(Any()), builder.Add(new NotNode(All()))];
        var program = builder.Build(out _);

        Assert.Equal([OpCode.Eq, OpCode.True, OpCode.False, OpCode.False], roots.Select(r => program.Code[r].Op));
        Assert.All(roots, r => Assert.Equal(r + 1, program.Code[r].Next));
    }

    [Fact]
    public void Add_ReferenceToASingleComparison_IsFoldedIntoTheComparison()
    {
        ImmutableArray<NamedConditionModel> named = [Named("open", Eq(s_seat, 1)), Named("both", All(Eq(s_seat, 1), Eq(s_channel, 2)))];
        var builder = new ProgramBuilder(named);

        var folded = builder.Add(new NotNode(new RefNode("", "open")));
        var kept = builder.Add(new RefNode("", "both"));
        var program = builder.Build(out var namedRoots);

        Assert.Equal(new Instruction(OpCode.Ne, (int)FactId.CompanySeatStatus, 1, folded + 1, 0), program.Code[folded]);
        Assert.Equal((OpCode.Ref, 1), (program.Code[kept].Op, program.Code[kept].Value));
        Assert.Equal(OpCode.All, program.Code[namedRoots[1]].Op);
    }

    [Fact]
    public void Eval_RandomTrees_AgreesWithTheConditionTreeOnEveryFactValue()
    {
        var random = new Random(14);
        for (var n = 0; n < 300; n++)
        {
            var (model, tree) = RandomTree(random, depth: 3);
            var builder = new ProgramBuilder([]);
            var root = builder.Add(model);
            var negated = builder.Add(new NotNode(model));
            var program = builder.Build(out _);
            for (var f = 0; f < 20; f++)
            {
                var facts = new int[FactCatalog.Count];
                facts[(int)FactId.DeclineChannel] = Pick(random);
                facts[(int)FactId.CompanySeatStatus] = Pick(random);
                facts[(int)FactId.DaysSinceDecline] = Pick(random);
                var context = new PlanContext(facts, [], []);
                var expected = tree.Evaluate(ref context);

                Assert.Equal(expected, program.Eval(root, facts, []));
                Assert.Equal(expected.Not(), program.Eval(negated, facts, []));
            }
        }

        static int Pick(Random random) => random.Next(5) == 0 ? FactCatalog.Unknown : random.Next(0, 5);
    }

    [Fact]
    public void RuleMasks_DefaultPolicy_ReachTheInputsBehindDerivedFactsAndReferences()
    {
        var policy = RuleSet.Default.Plan.Find(OfferRules.Domain.CaseKind.DeclineWithdrawal)!;
        ulong MaskOf(string id) => policy.RuleMasks[policy.Rules.IndexOf(policy.Rules.Single(r => r.Model.Id == id))];

        Assert.NotEqual(0UL, MaskOf("R-X1") & FactMasks.Bit(FactId.DeclineDeclinedOn)); // timingBand
        Assert.NotEqual(0UL, MaskOf("R-H4") & FactMasks.Bit(FactId.DeclineChannel)); // ref goodConduct -> conduct
        Assert.Equal(0UL, MaskOf("R-H4") & FactMasks.Bit(FactId.CompanySeatStatus));
        Assert.Equal(0UL, policy.DecisionMask & FactMasks.Bit(FactId.OfferStageAtDecline)); // read by an info rule only
        Assert.Null(policy.Probes[(int)FactId.OfferStageAtDecline]);
    }

    [Fact]
    public void ValueClasses_EnumInAList_SplitsIntoMembersAndTheRest()
    {
        var builder = new ProgramBuilder([]);
        builder.Add(new CompareNode(s_channel, CompareOp.In, [2, 5]));
        var program = builder.Build(out _);
        var comparisons = program.Code.Select(i => (i, false)).ToList();

        var classes = ProbePlans.ValueClasses(FactId.DeclineChannel, s_channel.EnumNames.Length, comparisons, program.Lists, []);

        Assert.Equal(classes[2], classes[5]);
        Assert.Equal(classes[1], classes[3]);
        Assert.NotEqual(classes[1], classes[2]);
        Assert.Equal(2, classes.Skip(1).Distinct().Count());
    }

    [Fact]
    public void ValueClasses_ValueThatIsNeverSuggested_GetsAClassOfItsOwn()
    {
        var reason = FactCatalog.Get(FactId.DeclineOriginalReason);

        var classes = ProbePlans.ValueClasses(FactId.DeclineOriginalReason, reason.EnumNames.Length, [], [], []);

        var pressured = (int)OfferRules.Domain.DeclineReason.PressuredByCompany;
        Assert.All(Enumerable.Range(1, reason.EnumNames.Length - 1).Where(v => v != pressured), v => Assert.NotEqual(classes[pressured], classes[v]));
        Assert.Equal(2, classes.Skip(1).Distinct().Count());
    }

    [Fact]
    public void DayCuts_EachOperator_CutsWhereItsTruthCanChange()
    {
        List<(Instruction, bool)> comparisons =
        [
            (new Instruction(OpCode.Le, (int)FactId.DaysSinceMissedContact, 1, 1, 0), false),
            (new Instruction(OpCode.Ge, (int)FactId.DaysSinceMissedContact, 8, 2, 0), false),
            (new Instruction(OpCode.Eq, (int)FactId.DaysSinceMissedContact, 20, 3, 0), false),
        ];

        var cuts = ProbePlans.DayCuts(FactId.DaysSinceMissedContact, TimingBandsModel.Default, comparisons, [], []);

        Assert.Equal([1L, 7L, 19L, 20L], cuts);
    }

    [Fact]
    public void Probes_DefaultPolicy_TryFewerDayValuesThanTheRawProbes()
    {
        var policy = RuleSet.Default.Plan.Find(OfferRules.Domain.CaseKind.DeclineWithdrawal)!;
        var declinedOn = policy.Probes[(int)FactId.DeclineDeclinedOn]!;
        var raw = policy.IntProbes[(int)FactId.DaysSinceDecline].Count(d => d >= 0);

        Assert.InRange(declinedOn.MaxProbes, 1, raw - 1);
        Assert.Equal(declinedOn.DayClass(3), declinedOn.DayClass(7));
        Assert.NotEqual(declinedOn.DayClass(7), declinedOn.DayClass(8));
    }

    [Fact]
    public void Decide_GeneratedCases_AgreesWithTheTreeDecision()
    {
        var evaluator = new OfferRules.Evaluation.OfferEvaluator(RuleSet.Default);
        var plan = RuleSet.Default.Plan;
        foreach (var @case in Directory.GetFiles(Cases.CasesDirectory, "*.json").Select(f => CaseJson.Read(File.ReadAllText(f))).Where(r => r.Success).Select(r => r.Value!))
        {
            var policy = plan.Find(@case.Kind);
            if (policy is null)
            {
                continue;
            }

            var facts = new int[FactCatalog.Count];
            FactCatalog.Fill(@case, evaluator.GetAsOfDate(@case), facts);
            PlanRunner.Derive(plan, facts);
            var context = new PlanContext(facts, new byte[policy.Named.Length], policy.Named);
            var (expected, _) = PlanRunner.Decide(policy, ref context, []);

            Assert.Equal(expected, PlanRunner.Decide(policy, facts, new byte[policy.Named.Length]));
            var truths = new Truth[policy.FirstInfo];
            var memo = new byte[policy.Named.Length];
            PlanRunner.DecidingTruths(policy, facts, memo, truths);
            Assert.Equal(expected, PlanRunner.DecideChanged(policy, facts, memo, truths, 0));
        }
    }

    private static (ConditionNode Model, PlanNode Tree) RandomTree(Random random, int depth)
    {
        var roll = depth == 0 ? random.Next(3) : random.Next(7);
        var fact = random.Next(3) switch { 0 => s_channel, 1 => s_seat, _ => s_days };
        var value = random.Next(0, 5);
        switch (roll)
        {
            case 0:
                var op = (CompareOp)random.Next(6);
                if (fact != s_days)
                {
                    op = random.Next(2) == 0 ? CompareOp.Eq : CompareOp.Ne;
                }

                return (Compare(fact, op, value), ComparePlanNodes.Create((int)fact.Id, op, [value]));
            case 1:
                int[] values = [value, random.Next(0, 5), random.Next(70, 80)];
                var inOp = random.Next(2) == 0 ? CompareOp.In : CompareOp.NotIn;
                return (new CompareNode(fact, inOp, [.. values]), ComparePlanNodes.Create((int)fact.Id, inOp, values));
            case 2:
                return (Known(fact), new IsKnownPlanNode((int)fact.Id));
            case 3:
                var (m, t) = RandomTree(random, depth - 1);
                return (new NotNode(m), t.Negate());
            default:
                var children = Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomTree(random, depth - 1)).ToArray();
                ImmutableArray<ConditionNode> models = [.. children.Select(c => c.Model)];
                PlanNode[] trees = [.. children.Select(c => c.Tree)];
                return roll switch
                {
                    4 => (new AllNode(models), new AllPlanNode(trees)),
                    5 => (new AnyNode(models), new AnyPlanNode(trees)),
                    _ when children.Length == 0 => (new AllNode(models), new AllPlanNode(trees)),
                    _ => random.Next(children.Length + 1) is var k
                        ? (new AtLeastNode(k, models), new AtLeastPlanNode(k, trees))
                        : default,
                };
        }
    }

    private static CompareNode Eq(FactDefinition fact, int value) => Compare(fact, CompareOp.Eq, value);

    private static CompareNode Compare(FactDefinition fact, CompareOp op, int value) => new(fact, op, [value]);

    private static CompareNode Known(FactDefinition fact) => new(fact, CompareOp.IsKnown, []);

    private static AllNode All(params ConditionNode[] children) => new([.. children]);

    private static AnyNode Any(params ConditionNode[] children) => new([.. children]);

    private static NamedConditionModel Named(string id, ConditionNode when)
    {
        var template = Template.TryParse("x", 16, out _)!;
        var text = new LocalizedText(template, template);
        return new NamedConditionModel(id, "", ConditionRole.Helper, text, when, text, text, text);
    }
}
