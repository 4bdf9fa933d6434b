using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Cli;

/// <summary>
/// The command-line front end: <c>evaluate FILE... [--format text|json] [--lang en|ja] [--rules FILE]</c>, and the
/// batch form <c>evaluate --jsonl FILE|- [--outlook-only]</c> that streams JSON Lines in and out.
/// </summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int SomeInvalid = 1;
    public const int UsageError = 2;

    private const string Usage = """
        Usage: offerrules evaluate FILE... [--format text|json] [--lang en|ja] [--rules RULESET.json] [--outlook-only]
               offerrules evaluate --jsonl FILE|- [--lang en|ja] [--rules RULESET.json] [--outlook-only]

          FILE           a case in the OfferRules case JSON format (several may be given)
          --format       text (default): an explanation for a person
                         json: one JSON object per input, one per line (JSON Lines), in input order
          --jsonl        read one case per line from FILE (or standard input for -) and write one JSON result
                         per line, in order, with "input" set to FILE:LINE; blank lines are skipped
          --outlook-only write only input, status, outlook and confidence per result (the fastest output)
          --lang         en (default) or ja
          --rules        evaluate with this rule set instead of the built-in default policy

        Exit code: 0 when every input was evaluated, 1 when any was invalid, 2 on a usage error.
        """;

    private static readonly string[] s_outlooks = ["veryUnlikely", "unlikely", "possible", "likely"];
    private static readonly string[] s_confidences = ["low", "medium", "high"];

    /// <summary>How often, at most, the batch progress line on a terminal is redrawn.</summary>
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs a command with the process's standard input and no progress line.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, Console.OpenStandardInput, stdout, stderr, showProgress: false);

    /// <summary>Runs a command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="openStdin">Opens standard input, for <c>--jsonl -</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where usage errors and the batch progress line go.</param>
    /// <param name="showProgress">Whether a long batch may draw a progress line on <paramref name="stderr"/>; pass whether it is a terminal.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr, bool showProgress)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? UsageError : Ok;
        }

        if (args[0] != "evaluate")
        {
            stderr.WriteLine($"offerrules: unknown command '{args[0]}'.");
            stderr.WriteLine(Usage);
            return UsageError;
        }

        var files = new List<string>();
        string format = "text", language = "en";
        string? rules = null, jsonl = null;
        bool formatGiven = false, outlookOnly = false;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--outlook-only")
            {
                outlookOnly = true;
            }
            else if (arg is "--format" or "--lang" or "--rules" or "--jsonl")
            {
                if (i + 1 >= args.Length)
                {
                    stderr.WriteLine($"offerrules: {arg} needs a value.");
                    return UsageError;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--format" when value is "text" or "json":
                        format = value;
                        formatGiven = true;
                        break;
                    case "--jsonl" when jsonl is null && value.Length > 0:
                        jsonl = value;
                        break;
                    case "--lang" when value is "en" or "ja":
                        language = value;
                        break;
                    case "--rules":
                        rules = value;
                        break;
                    default:
                        stderr.WriteLine($"offerrules: '{value}' is not a valid value for {arg}.");
                        return UsageError;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                stderr.WriteLine($"offerrules: unknown option '{arg}'.");
                return UsageError;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (jsonl is not null && files.Count > 0)
        {
            stderr.WriteLine("offerrules: give either case files or --jsonl, not both.");
            return UsageError;
        }

        if (jsonl is null && files.Count == 0)
        {
            stderr.WriteLine("offerrules: evaluate needs at least one case file, or --jsonl FILE|-.");
            return UsageError;
        }

        if (formatGiven && format == "text" && (jsonl is not null || outlookOnly))
        {
            stderr.WriteLine($"offerrules: {(jsonl is not null ? "--jsonl" : "--outlook-only")} writes JSON Lines; --format text does not apply.");
            return UsageError;
        }

        var ruleSet = RuleSet.Default;
        if (rules is not null)
        {
            var loaded = RuleSetJson.LoadFile(rules);
            if (!loaded.TryGetValue(out var custom))
            {
                stderr.WriteLine($"offerrules: the rule set '{rules}' did not load:");
                foreach (var d in loaded.Diagnostics)
                {
                    stderr.WriteLine("  " + d);
                }

                return UsageError;
            }

            ruleSet = custom;
        }

        var evaluator = new OfferEvaluator(ruleSet, TimeProvider.System);
        var options = new EvaluationOptions { Language = language };
        if (jsonl is not null)
        {
            return RunJsonLines(evaluator, options, jsonl, outlookOnly, openStdin, stdout, showProgress ? stderr : null);
        }

        var exit = Ok;
        var first = true;
        foreach (var file in files)
        {
            var result = EvaluateFile(evaluator, file, options);
            if (result.Status == EvaluationStatus.Invalid)
            {
                exit = SomeInvalid;
            }

            if (outlookOnly)
            {
                WriteOutlookOnly(stdout, Escape(file), null, result.Status == EvaluationStatus.Invalid ? null : new Decision(result.Status, result.Outlook, result.Confidence));
            }
            else if (format == "json")
            {
                stdout.WriteLine(EvaluationJson.ToJson(result, file));
            }
            else
            {
                if (!first)
                {
                    stdout.WriteLine();
                }

                TextReport.Write(stdout, file, result, language == "ja");
            }

            first = false;
        }

        return exit;
    }

    private static EvaluationResult EvaluateFile(OfferEvaluator evaluator, string file, EvaluationOptions options)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length > CaseJson.MaxBytes)
            {
                var ja = options.Language == "ja";
                var message = ja
                    ? $"ファイルが{info.Length}バイトあり、上限の{CaseJson.MaxBytes}バイトを超えています。"
                    : $"The file is {info.Length} bytes; the limit is {CaseJson.MaxBytes}.";
                return evaluator.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", message)]);
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var ja = options.Language == "ja";
            var message = ex is FileNotFoundException or DirectoryNotFoundException
                ? (ja ? $"ファイル '{file}' が見つかりません。" : $"The file '{file}' does not exist.")
                : (ja ? $"ファイル '{file}' を読み込めません:{ex.Message}" : $"The file '{file}' could not be read: {ex.Message}");
            return evaluator.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "file.unreadable", "$", message)]);
        }

        return evaluator.EvaluateJson(bytes, options);
    }

    /// <summary>
    /// Evaluates one case per line and writes one result per line, streaming: memory stays bounded by the longest
    /// line accepted (<see cref="CaseJson.MaxBytes"/>), whatever the input's length. A bad line gets an invalid
    /// result line and the run goes on.
    /// </summary>
    private static int RunJsonLines(OfferEvaluator evaluator, EvaluationOptions options, string source, bool outlookOnly, Func<Stream> openStdin, TextWriter stdout, TextWriter? progress)
    {
        Stream stream;
        try
        {
            stream = source == "-" ? openStdin() : new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var result = evaluator.CreateInvalid([Unreadable(source, ex, options.Language == "ja")]);
            WriteResult(stdout, result, source, Escape(source), null, outlookOnly);
            return SomeInvalid;
        }

        var exit = Ok;
        var label = Escape(source);
        var reader = new JsonLinesReader(stream, CaseJson.MaxBytes);
        var clock = Stopwatch.StartNew();
        var nextProgress = s_progressInterval;
        var drewProgress = false;
        long count = 0;
        try
        {
            while (true)
            {
                ReadOnlySpan<byte> line;
                long tooLong;
                try
                {
                    if (!reader.TryReadLine(out line, out tooLong))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    var failed = evaluator.CreateInvalid([Unreadable(source, ex, options.Language == "ja")]);
                    WriteResult(stdout, failed, $"{source}:{reader.LineNumber + 1}", label, reader.LineNumber + 1, outlookOnly);
                    exit = SomeInvalid;
                    break;
                }

                if (tooLong == 0 && IsBlank(line))
                {
                    continue;
                }

                count++;
                var number = reader.LineNumber;
                if (tooLong > 0)
                {
                    var ja = options.Language == "ja";
                    var message = ja
                        ? $"この行は{tooLong}バイトあり、上限の{CaseJson.MaxBytes}バイトを超えています。"
                        : $"The line is {tooLong} bytes; the limit is {CaseJson.MaxBytes}.";
                    WriteResult(stdout, evaluator.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", message)]), null, label, number, outlookOnly);
                    exit = SomeInvalid;
                }
                else if (outlookOnly)
                {
                    var read = CaseJson.Read(line, options.Language);
                    Decision? decision = read.Success ? evaluator.Decide(read.Value) : null;
                    if (decision?.Status != EvaluationStatus.Evaluated)
                    {
                        decision = null;
                        exit = SomeInvalid;
                    }

                    WriteOutlookOnly(stdout, label, number, decision);
                }
                else
                {
                    var result = evaluator.EvaluateJson(line, options);
                    if (result.Status == EvaluationStatus.Invalid)
                    {
                        exit = SomeInvalid;
                    }

                    WriteResult(stdout, result, $"{source}:{number}", label, number, outlookOnly: false);
                }

                if (progress is not null && (count & 1023) == 0 && clock.Elapsed >= nextProgress)
                {
                    progress.Write($"\rofferrules: {count:N0} cases, {count / clock.Elapsed.TotalSeconds:N0} per second");
                    progress.Flush();
                    drewProgress = true;
                    nextProgress = clock.Elapsed + s_progressInterval;
                }
            }
        }
        finally
        {
            if (source != "-")
            {
                stream.Dispose();
            }
        }

        if (drewProgress)
        {
            progress!.WriteLine($"\rofferrules: {count:N0} cases in {clock.Elapsed.TotalSeconds:N1} s, {count / clock.Elapsed.TotalSeconds:N0} per second");
        }

        return exit;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IsEmpty || line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static ValidationIssue Unreadable(string source, Exception ex, bool ja)
    {
        var message = ex is FileNotFoundException or DirectoryNotFoundException
            ? (ja ? $"ファイル '{source}' が見つかりません。" : $"The file '{source}' does not exist.")
            : (ja ? $"'{source}' を読み込めません:{ex.Message}" : $"'{source}' could not be read: {ex.Message}");
        return new ValidationIssue(IssueSeverity.Error, "file.unreadable", "$", message);
    }

    /// <summary>Writes a full result line, or its outlook-only form.</summary>
    private static void WriteResult(TextWriter stdout, EvaluationResult result, string? input, string label, long? line, bool outlookOnly)
    {
        if (outlookOnly)
        {
            WriteOutlookOnly(stdout, label, line, result.Status == EvaluationStatus.Evaluated ? new Decision(result.Status, result.Outlook, result.Confidence) : null);
        }
        else
        {
            stdout.WriteLine(EvaluationJson.ToJson(result, input ?? (line is { } n ? $"{label}:{n}" : label)));
        }
    }

    /// <summary>Writes <c>{"input":…,"status":…,"outlook":…,"confidence":…}</c>; <paramref name="decision"/> is <see langword="null"/> for an invalid input.</summary>
    private static void WriteOutlookOnly(TextWriter stdout, string escapedLabel, long? line, Decision? decision)
    {
        stdout.Write("{\"input\":\"");
        stdout.Write(escapedLabel);
        if (line is { } number)
        {
            stdout.Write(':');
            stdout.Write(number);
        }

        if (decision is { Outlook: { } outlook, Confidence: { } confidence })
        {
            stdout.Write("\",\"status\":\"evaluated\",\"outlook\":\"");
            stdout.Write(s_outlooks[(int)outlook]);
            stdout.Write("\",\"confidence\":\"");
            stdout.Write(s_confidences[(int)confidence]);
            stdout.WriteLine("\"}");
        }
        else
        {
            stdout.WriteLine("\",\"status\":\"invalid\",\"outlook\":null,\"confidence\":null}");
        }
    }

    /// <summary>Escapes a label for use inside a JSON string, as <see cref="EvaluationJson"/> writes it.</summary>
    private static string Escape(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}
