using System.Text;
using BenchmarkDotNet.Attributes;
using OfferRules.Benchmarks.Data;
using OfferRules.Cli;

namespace OfferRules.Benchmarks;

/// <summary>
/// The command-line tool's batch path, <c>evaluate --jsonl - [--outlook-only]</c>, over 100,000 generated cases held
/// in memory: read each line, parse it, evaluate it, write the result line as UTF-8. The time is per case, so cases per
/// second is its inverse. It runs on one thread, so it is also the throughput per core.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    /// <summary>How many JSON lines each invocation processes.</summary>
    public const int CaseCount = 100_000;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private byte[] _jsonLines = [];

    [Params("outlook-only", "json")]
    public string Output { get; set; } = "outlook-only";

    [GlobalSetup]
    public void Setup()
    {
        using var buffer = new MemoryStream();
        BenchmarkData.WriteJsonLines(buffer, BenchmarkData.EvaluatedCases(CaseCount));
        _jsonLines = buffer.ToArray();
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "evaluate --jsonl (per case)")]
    public int EvaluateJsonLines()
    {
        using var stdout = new StreamWriter(Stream.Null, s_utf8, 1 << 16);
        string[] args = Output == "json" ? ["evaluate", "--jsonl", "-"] : ["evaluate", "--jsonl", "-", "--outlook-only"];
        var exit = CliApp.Run(args, () => new MemoryStream(_jsonLines, writable: false), stdout, TextWriter.Null, showProgress: false);
        return exit == CliApp.Ok ? CaseCount : throw new InvalidOperationException($"The batch exited with {exit}.");
    }
}
