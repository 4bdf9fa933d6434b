using BenchmarkDotNet.Attributes;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks;

/// <summary>Load time and decision time as the decline policy grows from 10 to 10,000 rules.</summary>
[MemoryDiagnoser]
public class RuleSetScalingBenchmarks
{
    /// <summary>How many cases each decision invocation evaluates.</summary>
    public const int CaseCount = 256;

    private byte[] _json = [];
    private OfferEvaluator _evaluator = OfferEvaluator.Default;
    private OfferCase[] _cases = [];

    [Params(10, 100, 1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = SyntheticRuleSets.Create(Rules);
        _evaluator = new OfferEvaluator(RuleSetJson.Load(_json, SyntheticRuleSets.Limits).GetValueOrThrow());
        _cases = BenchmarkData.EvaluatedCases(CaseCount);
    }

    [Benchmark(Description = "Load + validate + compile")]
    public RuleSetLoadResult Load() => RuleSetJson.Load(_json, SyntheticRuleSets.Limits);

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "Decide one case")]
    public int Decide()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            sum += (int)(_evaluator.Decide(@case).Outlook ?? 0);
        }

        return sum;
    }
}
