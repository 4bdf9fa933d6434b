using FsCheck.Xunit;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Tests.Properties;

/// <summary>Algebraic laws of the three-valued condition language, over random condition trees and random fact vectors.</summary>
public sealed class KleeneLawProperties
{
    private const int Leaves = 4;

    [Property(MaxTest = 10_000)]
    public bool Not_Not_IsIdentity(int treeSeed, int factSeed)
    {
        var tree = RandomTree(new Random(treeSeed), depth: 4);
        return Eval(new NotPlanNode(new NotPlanNode(tree)), factSeed) == Eval(tree, factSeed);
    }

    [Property(MaxTest = 10_000)]
    public bool DeMorgan_NotAll_IsAnyOfNots(int seedA, int seedB, int factSeed)
    {
        var a = RandomTree(new Random(seedA), 3);
        var b = RandomTree(new Random(seedB), 3);
        return Eval(new NotPlanNode(new AllPlanNode([a, b])), factSeed)
            == Eval(new AnyPlanNode([new NotPlanNode(a), new NotPlanNode(b)]), factSeed);
    }

    [Property(MaxTest = 10_000)]
    public bool DeMorgan_NotAny_IsAllOfNots(int seedA, int seedB, int factSeed)
    {
        var a = RandomTree(new Random(seedA), 3);
        var b = RandomTree(new Random(seedB), 3);
        return Eval(new NotPlanNode(new AnyPlanNode([a, b])), factSeed)
            == Eval(new AllPlanNode([new NotPlanNode(a), new NotPlanNode(b)]), factSeed);
    }

    [Property(MaxTest = 10_000)]
    public bool AtLeastOne_IsAny_And_AtLeastAll_IsAll(int seedA, int seedB, int seedC, int factSeed)
    {
        PlanNode[] xs = [RandomTree(new Random(seedA), 2), RandomTree(new Random(seedB), 2), RandomTree(new Random(seedC), 2)];
        return Eval(new AtLeastPlanNode(1, xs), factSeed) == Eval(new AnyPlanNode(xs), factSeed)
            && Eval(new AtLeastPlanNode(3, xs), factSeed) == Eval(new AllPlanNode(xs), factSeed);
    }

    [Property(MaxTest = 10_000)]
    public bool UnknownFact_NeverDecidesAComparison(int value, bool useIn)
    {
        PlanNode node = useIn ? new InPlanNode(0, [value], negate: false) : new ComparePlanNode(0, CompareOp.Eq, value);
        Span<int> facts = [FactCatalog.Unknown];
        var context = new PlanContext(facts, [], []);
        return node.Evaluate(ref context) == Truth.Unknown;
    }

    private static PlanNode RandomTree(Random random, int depth)
    {
        var kind = depth == 0 ? 0 : random.Next(5);
        switch (kind)
        {
            case 1:
                return new NotPlanNode(RandomTree(random, depth - 1));
            case 2:
                return new AllPlanNode([.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => RandomTree(random, depth - 1))]);
            case 3:
                return new AnyPlanNode([.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => RandomTree(random, depth - 1))]);
            case 4:
                PlanNode[] children = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomTree(random, depth - 1))];
                return new AtLeastPlanNode(random.Next(1, children.Length + 1), children);
            default:
                return random.Next(3) == 0
                    ? new IsKnownPlanNode(random.Next(Leaves))
                    : new ComparePlanNode(random.Next(Leaves), CompareOp.Eq, 1);
        }
    }

    private static Truth Eval(PlanNode node, int factSeed)
    {
        var random = new Random(factSeed);
        Span<int> facts = stackalloc int[Leaves];
        for (var i = 0; i < Leaves; i++)
        {
            facts[i] = random.Next(3) switch { 0 => FactCatalog.Unknown, 1 => 0, _ => 1 };
        }

        var context = new PlanContext(facts, [], []);
        return node.Evaluate(ref context);
    }
}
