using BenchmarkDotNet.Attributes;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Benchmarks;

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
