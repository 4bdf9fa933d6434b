using BenchmarkDotNet.Attributes;
using OfferRules.Benchmarks.Data;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks;

/// <summary>
/// Loading (read, validate, compile) the built-in default rule set from its bytes (issue 14: under 0.5 ms). The
/// <c>File</c> and <c>Alloc/File</c> columns give the file's size and what one load allocates per byte of it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FileSizeColumns.Config))]
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
