using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Tests.Rules;

/// <summary>
/// The specialised comparison nodes (one class per operator, a bit set for <c>in</c> over small codes) and their
/// negations give exactly what the general nodes give, for every operator, value and fact, unknown included.
/// </summary>
public sealed class ComparePlanNodeTests
{
    private static readonly int[] s_facts = [FactCatalog.Unknown, int.MinValue + 1, -5, -1, 0, 1, 2, 3, 7, 8, 31, 63, 64, 65, 1000, int.MaxValue];
    private static readonly int[][] s_valueSets = [[0], [1], [7], [63], [64], [-1], [0, 1], [1, 3, 63], [2, 64], [-5, 8], [int.MaxValue]];

    [Fact]
    public void Create_EveryOperatorValueAndFact_MatchesTheGeneralNodes()
    {
        foreach (var op in Enum.GetValues<CompareOp>())
        {
            foreach (var values in s_valueSets)
            {
                if (op is not (CompareOp.In or CompareOp.NotIn or CompareOp.IsKnown) && values.Length != 1)
                {
                    continue;
                }

                var node = ComparePlanNodes.Create(0, op, values);
                PlanNode reference = op switch
                {
                    CompareOp.IsKnown => new IsKnownPlanNode(0),
                    CompareOp.In => new InPlanNode(0, values, negate: false),
                    CompareOp.NotIn => new InPlanNode(0, values, negate: true),
                    _ => new ComparePlanNode(0, op, values[0]),
                };

                foreach (var fact in s_facts)
                {
                    var expected = Eval(reference, fact);
                    Assert.True(expected == Eval(node, fact), $"{op} [{string.Join(", ", values)}] on {fact}");
                    Assert.True(expected.Not() == Eval(node.Negate(), fact), $"not {op} [{string.Join(", ", values)}] on {fact}");
                    Assert.True(expected.Not() == Eval(reference.Negate(), fact), $"not (general) {op} [{string.Join(", ", values)}] on {fact}");
                }
            }
        }
    }

    [Fact]
    public void Negate_Twice_GivesTheOriginalTruth()
    {
        PlanNode[] nodes = [new AllPlanNode([new IsKnownPlanNode(0), new EqPlanNode(0, 2)]), new IsUnknownPlanNode(0), new InMaskPlanNode(0, 0b1010, negate: false)];
        foreach (var node in nodes)
        {
            foreach (var fact in s_facts)
            {
                Assert.Equal(Eval(node, fact), Eval(node.Negate().Negate(), fact));
            }
        }
    }

    private static Truth Eval(PlanNode node, int fact)
    {
        Span<int> facts = [fact];
        var context = new PlanContext(facts, [], []);
        return node.Evaluate(ref context);
    }
}
