using BenchmarkDotNet.Attributes;
using OfferRules.Analysis;
using OfferRules.Benchmarks.Data;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks;

/// <summary>
/// <c>RuleSetAnalysis.Diff</c> and <c>RuleSetAnalysis.Coverage</c> over 100,000 generated cases held in memory as
/// JSON Lines: read each line, parse it, decide it with both rule sets (the default policy, and a copy with the
/// one-week line moved to five days), and look rule by rule only at the cases that changed. The time is per case.
/// </summary>
[MemoryDiagnoser]
public class ImpactBenchmarks
{
    /// <summary>How many JSON lines each invocation reads.</summary>
    public const int CaseCount = 100_000;

    private static readonly TimeProvider s_clock = new Clock(Data.CaseGenerator.AsOf);
    private byte[] _jsonLines = [];
    private RuleSet _fiveDays = RuleSet.Default;

    /// <summary>Gets the default policy with <c>timingBands.withinWeekMaxDays</c> at 5 instead of 7.</summary>
    public static RuleSet FiveDayPolicy() =>
        RuleSetJson.Load(RuleSetJson.DefaultPolicyJson.Replace("\"withinWeekMaxDays\": 7", "\"withinWeekMaxDays\": 5", StringComparison.Ordinal)).GetValueOrThrow();

    [GlobalSetup]
    public void Setup()
    {
        using var buffer = new MemoryStream();
        BenchmarkData.WriteJsonLines(buffer, BenchmarkData.EvaluatedCases(CaseCount));
        _jsonLines = buffer.ToArray();
        _fiveDays = FiveDayPolicy();
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "diff (per case)")]
    public long Diff()
    {
        var report = RuleSetAnalysis.Diff(RuleSet.Default, _fiveDays, new MemoryStream(_jsonLines, writable: false), new ImpactOptions { TimeProvider = s_clock });
        return report.Cases == CaseCount ? report.Changed : throw new InvalidOperationException($"Read {report.Cases} cases.");
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "coverage (per case)")]
    public long Coverage()
    {
        var report = RuleSetAnalysis.Coverage(RuleSet.Default, new MemoryStream(_jsonLines, writable: false), s_clock);
        return report.Cases == CaseCount ? report.NeverTrue.Length : throw new InvalidOperationException($"Read {report.Cases} cases.");
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
