using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.Properties;

namespace OfferRules.Tests.Evaluation;

/// <summary>One compiled evaluator shared by many threads gives exactly the sequential results.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Decide_EightThreadsOverOneHundredThousandCases_MatchesSequential()
    {
        var cases = Enumerable.Range(0, 100_000).Select(i => EvaluationProperties.RandomCase(new Random(i))).ToArray();
        var evaluator = OfferEvaluator.Default;
        var sequential = cases.Select(evaluator.Decide).ToArray();

        var parallel = new Decision[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = evaluator.Decide(cases[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Evaluate_EightThreadsOverFullExplanations_MatchesSequential()
    {
        var cases = Enumerable.Range(0, 4_000).Select(i => EvaluationProperties.RandomCase(new Random(i))).ToArray();
        var evaluator = OfferEvaluator.Default;
        var sequential = cases.Select(c => EvaluationJson.ToJson(evaluator.Evaluate(c))).ToArray();

        var parallel = new string[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = EvaluationJson.ToJson(evaluator.Evaluate(cases[i])));

        Assert.Equal(sequential, parallel);
    }
}
