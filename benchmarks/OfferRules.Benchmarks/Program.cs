using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using OfferRules.Benchmarks.Data;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks;

/// <summary>
/// Runs the suite: <c>dotnet run -c Release --project benchmarks/OfferRules.Benchmarks -- --filter '*'</c>. One extra
/// command writes the benchmarks' generated cases (the ones the policy evaluates) as JSON Lines, for a timed run of the
/// command-line tool: <c>-- generate-jsonl COUNT FILE</c>. Another runs the library's impact analysis on a file, for a
/// timed run of the diff: <c>-- diff OLD.json NEW.json CASES.jsonl</c> (<c>-</c> as OLD or NEW is the default policy,
/// <c>five-days</c> the default policy with the one-week line at five days). For the out-of-process peers
/// (<c>benchmarks/peers-js</c>): <c>-- export-cases COUNT FILE [--equivalence]</c> writes cases with OfferRules' decision
/// for each, and <c>-- timed-loop COUNT SECONDS</c> times <c>Decide</c> and <c>Evaluate</c> in a plain loop.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate-jsonl")
        {
            return GenerateJsonLines(args);
        }

        if (args.Length > 0 && args[0] == "diff")
        {
            return Diff(args);
        }

        if (args.Length > 0 && args[0] == "export-cases")
        {
            return Peers.OutOfProcessPeers.ExportCases(args);
        }

        if (args.Length > 0 && args[0] == "timed-loop")
        {
            return Peers.OutOfProcessPeers.TimedLoop(args);
        }

        var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    private static int GenerateJsonLines(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[1], out var count) || count < 0)
        {
            Console.Error.WriteLine("Usage: generate-jsonl COUNT FILE");
            return 2;
        }

        using (var file = File.Create(args[2]))
        using (var buffered = new BufferedStream(file, 1 << 16))
        {
            BenchmarkData.WriteJsonLines(buffered, BenchmarkData.EvaluatedCases(count));
        }

        Console.WriteLine($"Wrote {count} cases to {args[2]} (seed {BenchmarkData.Seed}).");
        return 0;
    }

    private static int Diff(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("Usage: diff OLD.json|-|five-days NEW.json|-|five-days CASES.jsonl");
            return 2;
        }

        static Rules.RuleSet Load(string name) => name switch
        {
            "-" => Rules.RuleSet.Default,
            "five-days" => ImpactBenchmarks.FiveDayPolicy(),
            _ => RuleSetJson.LoadFile(name).GetValueOrThrow(),
        };

        var old = Load(args[1]);
        var @new = Load(args[2]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Analysis.ImpactReport report;
        using (var file = new FileStream(args[3], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            report = Analysis.RuleSetAnalysis.Diff(old, @new, file, new Analysis.ImpactOptions { MaxExamples = 5 });
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{report.Cases} cases, {report.Changed} changed, {report.UnreadableLines} unreadable lines, {report.Transitions.Length} transitions");
        foreach (var t in report.Transitions.Where(t => t.Changed > 0))
        {
            Console.WriteLine($"  {t.CaseKind} {t.From?.ToString() ?? "invalid"} -> {t.To?.ToString() ?? "invalid"}: {t.Changed} ({string.Join(", ", t.Rules.Take(4).Select(r => $"{r.RuleId} {r.Count}"))})");
        }

        Console.WriteLine($"diff: {seconds:F2} s, {report.Cases / seconds:F0} cases/s; managed heap after the run {GC.GetTotalMemory(false) / 1e6:F1} MB, peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB");
        return 0;
    }
}
