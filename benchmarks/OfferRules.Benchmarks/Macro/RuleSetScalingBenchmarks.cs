using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks;

/// <summary>
/// Load time and decision time as the decline policy grows from 10 to 100,000 rules. The <c>File</c> column is the
/// synthetic file's size and <c>Alloc/File</c> what one load allocates for each byte of it (issue 14: at most 2).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FileSizeColumns.Config))]
public class RuleSetScalingBenchmarks
{
    /// <summary>How many cases each decision invocation evaluates.</summary>
    public const int CaseCount = 256;

    private byte[] _json = [];
    private OfferEvaluator _evaluator = OfferEvaluator.Default;
    private OfferCase[] _cases = [];

    [Params(10, 100, 1_000, 10_000, 100_000)]
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

/// <summary>
/// The size of the rule file a load benchmark reads, and what one load allocates per byte of it. Only methods named
/// <c>Load…</c> have a file; the sizes are computed again in the host process from the same generators.
/// </summary>
public static class FileSizeColumns
{
    private static readonly ConcurrentDictionary<string, long> s_sizes = new(StringComparer.Ordinal);

    /// <summary>Gets the size of the file a benchmark case loads, or <see langword="null"/> when it loads none.</summary>
    /// <param name="benchmarkCase">The benchmark case.</param>
    /// <returns>The size in bytes.</returns>
    public static long? FileBytes(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (!method.StartsWith("Load", StringComparison.Ordinal))
        {
            return null;
        }

        var rules = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(RuleSetScalingBenchmarks.Rules))?.Value as int?;
        var key = rules is { } n ? "rules:" + n.ToString(CultureInfo.InvariantCulture) : method;
        return s_sizes.GetOrAdd(key, _ => rules is { } count
            ? SyntheticRuleSets.Create(count).Length
            : method == nameof(DefaultRuleSetLoadBenchmarks.LoadDefaultDecisionRules)
                ? SyntheticRuleSets.DefaultDecisionRulesOnly().Length
                : SyntheticRuleSets.DefaultPolicyBytes().Length);
    }

    /// <summary>Adds the two columns.</summary>
    public sealed class Config : ManualConfig
    {
        /// <summary>Initializes a new instance of the <see cref="Config"/> class.</summary>
        public Config() => AddColumn(new Column("File", "The size of the rule file loaded", (_, c) => FileBytes(c) is { } b ? Kilobytes(b) : "-"), new Column("Alloc/File", "Bytes allocated by one load per byte of the file", AllocPerFileByte));
    }

    private static string Kilobytes(long bytes) => (bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB";

    private static string AllocPerFileByte(Summary summary, BenchmarkCase benchmarkCase)
    {
        var allocated = summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return allocated is { } a && FileBytes(benchmarkCase) is { } b and > 0 ? (a / (double)b).ToString("F2", CultureInfo.InvariantCulture) : "-";
    }

    private sealed class Column(string name, string legend, Func<Summary, BenchmarkCase, string> value) : IColumn
    {
        public string Id => nameof(FileSizeColumns) + "." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
