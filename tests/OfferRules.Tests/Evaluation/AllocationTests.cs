using OfferRules.Evaluation;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

/// <summary>The decision-only hot path allocates nothing. Counts bytes, not time, so it is stable on shared machines.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Decide_WarmEvaluator_AllocatesNothing()
    {
        var evaluator = OfferEvaluator.Default;
        var cases = new[] { Cases.Good(), Cases.Minimal(), Cases.Good(9), Cases.Minimal(-3) };
        foreach (var c in cases)
        {
            evaluator.Decide(c);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            evaluator.Decide(cases[i % cases.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
