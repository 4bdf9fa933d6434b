using BenchmarkDotNet.Attributes;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks;

/// <summary>Loading (read, validate, compile) the built-in default rule set from its bytes.</summary>
[MemoryDiagnoser]
public class DefaultRuleSetLoadBenchmarks
{
    private byte[] _full = [];
    private byte[] _decisionOnly = [];

    [GlobalSetup]
    public void Setup()
    {
        _full = SyntheticRuleSets.DefaultPolicyBytes();
        _decisionOnly = SyntheticRuleSets.DefaultDecisionRulesOnly();
    }

    [Benchmark(Baseline = true, Description = "Load default rule set (with recommendations)")]
    public RuleSetLoadResult LoadDefault() => RuleSetJson.Load(_full);

    [Benchmark(Description = "Load default rule set (decision rules only)")]
    public RuleSetLoadResult LoadDefaultDecisionRules() => RuleSetJson.Load(_decisionOnly);
}

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
        _evaluator = new OfferEvaluator(RuleSetJson.Load(_json).GetValueOrThrow());
        _cases = BenchmarkData.EvaluatedCases(CaseCount);
    }

    [Benchmark(Description = "Load + validate + compile")]
    public RuleSetLoadResult Load() => RuleSetJson.Load(_json);

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

/// <summary>One shared evaluator used from 1, 2 and all cores at once; the time is per case, so throughput is its inverse.</summary>
[MemoryDiagnoser]
public class ConcurrencyBenchmarks
{
    /// <summary>Cases decided per invocation, split evenly between the threads.</summary>
    public const int DecideCount = 262_144;

    /// <summary>Cases fully explained per invocation, split evenly between the threads.</summary>
    public const int ExplainCount = 4_096;

    private static readonly EvaluationOptions s_english = new() { Language = "en" };
    private OfferCase[] _cases = [];
    private OfferEvaluator _evaluator = OfferEvaluator.Default;

    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    public static IEnumerable<int> ThreadCounts => new[] { 1, 2, Environment.ProcessorCount }.Distinct().Order();

    [GlobalSetup]
    public void Setup()
    {
        _cases = BenchmarkData.EvaluatedCases(1024);
        _evaluator = OfferEvaluator.Default;
    }

    /// <summary>
    /// The same split of pure arithmetic (no OfferRules code, no memory), as a control: it shows how much parallel
    /// capacity the machine really gave during the run, which on a shared machine can be less than its core count.
    /// </summary>
    [Benchmark(OperationsPerInvoke = DecideCount, Description = "Control: arithmetic only")]
    public long ArithmeticControl() => RunSplit(DecideCount, static (_, @case) => Spin(@case.Kind == CaseKind.DeclineWithdrawal ? 1u : 2u));

    [Benchmark(OperationsPerInvoke = DecideCount, Description = "Decide, shared evaluator")]
    public long DecideShared() => RunSplit(DecideCount, (evaluator, @case) => (int)(evaluator.Decide(@case).Outlook ?? 0));

    [Benchmark(OperationsPerInvoke = ExplainCount, Description = "Evaluate (en), shared evaluator")]
    public long EvaluateShared() => RunSplit(ExplainCount, (evaluator, @case) => evaluator.Evaluate(@case, s_english).Findings.Length);

    private static int Spin(uint seed)
    {
        var x = seed;
        for (var i = 0; i < 64; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
        }

        return (int)(x & 0xFF);
    }

    private long RunSplit(int total, Func<OfferEvaluator, OfferCase, int> work)
    {
        var threads = Threads;
        var sums = new long[threads];
        var evaluator = _evaluator;
        var cases = _cases;
        var perThread = total / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long sum = 0;
            var start = t * perThread;
            for (var i = 0; i < perThread; i++)
            {
                sum += work(evaluator, cases[(start + i) % cases.Length]);
            }

            sums[t] = sum;
        });
        return sums.Sum();
    }
}
