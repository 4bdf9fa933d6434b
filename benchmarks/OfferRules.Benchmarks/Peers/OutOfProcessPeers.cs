using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Peers;

/// <summary>
/// What the out-of-process peers (the Node.js harness in <c>benchmarks/peers-js</c>) need from this program: the
/// generated cases with OfferRules' decision for each, as JSON Lines, and a plain timed loop of OfferRules over the same
/// cases so that one script run can put both side by side. Neither is a BenchmarkDotNet benchmark.
/// </summary>
public static class OutOfProcessPeers
{
    private static readonly EvaluationOptions s_english = new() { Language = "en" };

    /// <summary>
    /// Gets the cases the equivalence tests compare every peer on: <paramref name="count"/> generated cases (valid and
    /// invalid) from the benchmarks' seed, then every boundary case.
    /// </summary>
    /// <param name="count">How many generated cases.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<OfferCase> EquivalenceCases(int count) =>
        CaseGenerator.Generate(count, BenchmarkData.Seed).Concat(CaseGenerator.Boundaries());

    /// <summary>
    /// Writes one line per case, <c>{"case":CASE,"expected":DECISION}</c>, where CASE is the case in the case JSON
    /// contract and DECISION is OfferRules' decision (<see cref="DecisionJson"/>).
    /// </summary>
    /// <param name="stream">The stream (UTF-8, <c>\n</c> after each line).</param>
    /// <param name="cases">The cases.</param>
    /// <returns>How many lines were written.</returns>
    public static int WriteCasesWithDecisions(Stream stream, IEnumerable<OfferCase> cases)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cases);
        var lines = 0;
        foreach (var @case in cases)
        {
            var line = $"{{\"case\":{CaseJson.ToJson(@case)},\"expected\":{DecisionJson(OfferEvaluator.Default.Decide(@case))}}}\n";
            stream.Write(Encoding.UTF8.GetBytes(line));
            lines++;
        }

        return lines;
    }

    /// <summary>
    /// Writes a decision the way the harness writes its own: <c>{"status":…,"outlook":…,"confidence":…}</c> with the
    /// contract's camel-case names, and <c>null</c> outlook and confidence for an invalid case.
    /// </summary>
    /// <param name="decision">The decision.</param>
    /// <returns>One line of JSON, without a line end.</returns>
    public static string DecisionJson(Decision decision)
    {
        static string Name<T>(T? value)
            where T : struct, Enum =>
            value is { } v ? JsonSerializer.Serialize(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())) : "null";

        return $"{{\"status\":{Name<EvaluationStatus>(decision.Status)},\"outlook\":{Name(decision.Outlook)},\"confidence\":{Name(decision.Confidence)}}}";
    }

    /// <summary>
    /// <c>export-cases COUNT FILE [--equivalence]</c>: writes the benchmarks' COUNT evaluated cases (the set the timed
    /// runs use) or, with <c>--equivalence</c>, COUNT generated cases plus the boundary cases (the set the equivalence
    /// tests use), each with OfferRules' decision.
    /// </summary>
    /// <param name="args">The program's arguments, the command first.</param>
    /// <returns>The exit code.</returns>
    public static int ExportCases(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var equivalence = args.Length == 4 && args[3] == "--equivalence";
        if ((args.Length != 3 && !equivalence) || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            Console.Error.WriteLine("Usage: export-cases COUNT FILE [--equivalence]");
            return 2;
        }

        int lines;
        using (var file = File.Create(args[2]))
        using (var buffered = new BufferedStream(file, 1 << 16))
        {
            lines = WriteCasesWithDecisions(buffered, equivalence ? EquivalenceCases(count) : BenchmarkData.EvaluatedCases(count));
        }

        var set = equivalence ? "cases (generated and boundary, valid and invalid)" : "evaluated cases";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {lines} {set} with OfferRules' decisions to {args[2]} (seed {BenchmarkData.Seed})."));
        return 0;
    }

    /// <summary>
    /// <c>timed-loop COUNT SECONDS</c>: a plain timed loop (not BenchmarkDotNet) of <c>Decide</c> and of the full
    /// <c>Evaluate</c> (English, every part read) over the benchmarks' COUNT evaluated cases, after a warm-up pass.
    /// Each is repeated for at least SECONDS; one line per path: <c>NAME MEAN_US BEST_PASS_US PASSES CPU_US</c>, where
    /// CPU_US is the process's processor time per case over the same passes (every thread, as the harness reports).
    /// </summary>
    /// <param name="args">The program's arguments, the command first.</param>
    /// <returns>The exit code.</returns>
    public static int TimedLoop(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 3 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0
            || !double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            Console.Error.WriteLine("Usage: timed-loop COUNT SECONDS");
            return 2;
        }

        var cases = BenchmarkData.EvaluatedCases(count);
        var evaluator = OfferEvaluator.Default;
        Report("decide", Time(cases, seconds, c => Checksum(evaluator.Decide(c))));
        Report("evaluate", Time(cases, seconds, c => ReadEverything(evaluator.Evaluate(c, s_english))));
        return 0;

        void Report(string name, (double Mean, double Best, int Passes, double Cpu, long Checksum) t) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {t.Mean:F3} {t.Best:F3} {t.Passes} {t.Cpu:F3} checksum={t.Checksum}"));
    }

    /// <summary>Runs one warm-up pass, then passes until <paramref name="seconds"/> have gone; microseconds per case.</summary>
    private static (double Mean, double Best, int Passes, double Cpu, long Checksum) Time(OfferCase[] cases, double seconds, Func<OfferCase, int> decide)
    {
        long sum = 0;
        foreach (var @case in cases)
        {
            sum += decide(@case);
        }

        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var best = double.MaxValue;
        var passes = 0;
        do
        {
            var pass = Stopwatch.StartNew();
            foreach (var @case in cases)
            {
                sum += decide(@case);
            }

            best = Math.Min(best, pass.Elapsed.TotalMicroseconds / cases.Length);
            passes++;
        }
        while (total.Elapsed.TotalSeconds < seconds);

        var elapsed = total.Elapsed;
        process.Refresh();
        var decided = (double)passes * cases.Length;
        return (elapsed.TotalMicroseconds / decided, best, passes, (process.TotalProcessorTime - cpuStart).TotalMicroseconds / decided, sum);
    }

    private static int Checksum(Decision decision) => ((int)(decision.Outlook ?? 0) * 3) + (int)(decision.Confidence ?? 0);

    /// <summary>Touches every part of the result, so that a lazily built part is paid for as it is read.</summary>
    private static int ReadEverything(EvaluationResult result)
    {
        var sum = (int)(result.Outlook ?? 0) + result.Findings.Length + result.Conditions.Length + result.MissingFacts.Length
            + result.WhatWouldHelp.Length + result.Actions.Length + result.Drafts.Length + result.Caveats.Length + result.Fallbacks.Length;
        foreach (var draft in result.Drafts)
        {
            sum += draft.Body.Length + (draft.Subject?.Length ?? 0);
        }

        return sum;
    }
}
