using System.Text.Encodings.Web;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;
using Spectre.Console;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>
/// <c>offerrules evaluate</c>: case files one by one (text or JSON), or a JSON Lines batch that streams in bounded
/// memory. Between two inputs it checks for Ctrl-C or SIGTERM; when one came, it stops after a whole line, flushes, and
/// says on standard error where it stopped and which <c>--skip</c> resumes it.
/// </summary>
internal sealed class EvaluateCommand
{
    private static readonly string[] s_outlooks = ["veryUnlikely", "unlikely", "possible", "likely"];
    private static readonly string[] s_confidences = ["low", "medium", "high"];

    public required IReadOnlyList<string> Files { get; init; }

    public required bool Json { get; init; }

    public required bool Ja { get; init; }

    public required bool OutlookOnly { get; init; }

    public required RuleSet RuleSet { get; init; }

    public string? Jsonl { get; init; }

    public long Skip { get; init; }

    /// <summary>The parts of each result to compute (<c>--parts</c>); every part by default.</summary>
    public EvaluationParts Parts { get; init; } = EvaluationParts.All;

    public int Run(CliConsole console)
    {
        var evaluator = new OfferEvaluator(RuleSet, console.Time);
        var options = new EvaluationOptions { Language = Ja ? "ja" : "en", Parts = Parts };
        return Jsonl is not null ? RunJsonLines(console, evaluator, options, Jsonl) : RunFiles(console, evaluator, options);
    }

    private int RunFiles(CliConsole console, OfferEvaluator evaluator, EvaluationOptions options)
    {
        var stdout = console.Out;
        var terminal = !Json && !OutlookOnly && console.OutIsTerminal ? console.CreateOutTerminal() : null;
        var exit = CliApp.Ok;
        var first = true;
        for (var i = 0; i < Files.Count; i++)
        {
            if (i < Skip)
            {
                continue;
            }

            if (console.Interrupt.IsRequested)
            {
                return LineBatch.Stopped(console, FilesSummary(console, i));
            }

            var file = Files[i];
            var done = i;
            EvaluationResult result;
            // The file may be a pipe or a FIFO that keeps the read waiting: whoever reads the results so far need not wait too.
            stdout.Flush();
            console.Interrupt.BeginBlockingRead(() => LineBatch.Stopped(console, FilesSummary(console, done), whileReading: true));
            try
            {
                var bytes = CaseFileReader.Read(file, CaseJson.MaxBytes, Ja, out var issue);
                result = bytes is null ? evaluator.CreateInvalid([issue!]) : evaluator.EvaluateJson(bytes, options);
            }
            finally
            {
                console.Interrupt.EndBlockingRead();
            }

            if (result.Status == EvaluationStatus.Invalid)
            {
                exit = CliApp.SomeInvalid;
            }

            if (OutlookOnly)
            {
                WriteOutlookOnly(stdout, Escape(file), null, result.Status == EvaluationStatus.Invalid ? null : new Decision(result.Status, result.Outlook, result.Confidence));
            }
            else if (Json)
            {
                stdout.WriteLine(EvaluationJson.ToJson(result, file));
            }
            else if (terminal is not null)
            {
                if (!first)
                {
                    terminal.WriteLine();
                }

                TerminalReport.Write(terminal, file, result, Ja);
            }
            else
            {
                if (!first)
                {
                    stdout.WriteLine();
                }

                TextReport.Write(stdout, file, result, Ja);
            }

            first = false;
        }

        return exit;
    }

    private string FilesSummary(CliConsole console, int done) => Say(
        Ja,
        $"offerrules: stopped by {console.Interrupt.SignalName} after {Plain(done)} of {Plain(Files.Count)} inputs. To resume, run the same command with --skip {Plain(done)}.",
        $"offerrules：{console.Interrupt.SignalName} を受けて、{Plain(Files.Count)}件の入力のうち{Plain(done)}件を処理して止めました。続きは同じコマンドに --skip {Plain(done)} を付けて実行してください。");

    /// <summary>
    /// Evaluates one case per line and writes one result per line, streaming: memory stays bounded by the longest
    /// line accepted (<see cref="CaseJson.MaxBytes"/>), whatever the input's length. A bad line gets an invalid
    /// result line and the run goes on.
    /// </summary>
    private int RunJsonLines(CliConsole console, OfferEvaluator evaluator, EvaluationOptions options, string source)
    {
        Stream stream;
        try
        {
            stream = LineBatch.Open(console, source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var result = evaluator.CreateInvalid([Unreadable(source, ex, Ja)]);
            WriteResult(console.Out, result, source, Escape(source), null, OutlookOnly);
            return CliApp.SomeInvalid;
        }

        try
        {
            // The result lines go to standard output as UTF-8 bytes; everything else that writes there during the batch
            // (a flush before a read that may wait, the summary of a stop) goes through the same writer, in order.
            using var lines = new ResultLines(console.Out);
            var batchConsole = ReferenceEquals(lines.Out, console.Out) ? console : WithOut(console, lines.Out);
            var stdout = lines.Out;
            var label = ResultLines.EncodeLabel(source);
            var exit = CliApp.Ok;
            var batch = new LineBatch(
                batchConsole,
                stream,
                source,
                Ja,
                Skip,
                CaseJson.MaxBytes,
                onLine: (line, number) =>
                {
                    if (OutlookOnly)
                    {
                        var read = CaseJson.Read(line, options.Language);
                        Decision? decision = read.Success ? evaluator.Decide(read.Value) : null;
                        if (decision?.Status != EvaluationStatus.Evaluated)
                        {
                            decision = null;
                            exit = CliApp.SomeInvalid;
                        }

                        lines.WriteOutlookOnly(label, number, decision);
                    }
                    else
                    {
                        var result = evaluator.EvaluateJson(line, options);
                        if (result.Status == EvaluationStatus.Invalid)
                        {
                            exit = CliApp.SomeInvalid;
                        }

                        lines.WriteJson(result, $"{source}:{number}");
                    }

                    if (console.OutIsTerminal)
                    {
                        stdout.Flush();
                    }
                },
                onTooLong: (number, length) =>
                {
                    var message = Say(
                        Ja,
                        $"The line is {length} bytes; the limit is {CaseJson.MaxBytes}.",
                        $"この行は{length}バイトあり、上限の{CaseJson.MaxBytes}バイトを超えています。");
                    WriteResult(lines, evaluator.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", message)]), null, source, label, number, OutlookOnly);
                    exit = CliApp.SomeInvalid;
                },
                onReadFailed: (number, ex) =>
                {
                    WriteResult(lines, evaluator.CreateInvalid([Unreadable(source, ex, Ja)]), $"{source}:{number}", source, label, number, OutlookOnly);
                    exit = CliApp.SomeInvalid;
                },
                summary: b => Say(
                    Ja,
                    $"offerrules: stopped by {console.Interrupt.SignalName} after line {Plain(b.LastLine)} of {source} ({Plain(b.Count)} results written). To resume, run the same command with --skip {Plain(b.LastLine)}.",
                    $"offerrules：{console.Interrupt.SignalName} を受けて、{source} の{Plain(b.LastLine)}行目まで処理して止めました（結果{Plain(b.Count)}件を出力済み）。続きは同じコマンドに --skip {Plain(b.LastLine)} を付けて実行してください。"));
            batch.RunToEnd();
            if (batch.Interrupted)
            {
                return LineBatch.Stopped(batchConsole, batch.Summary());
            }

            stdout.Flush();
            return exit;
        }
        finally
        {
            if (source != "-")
            {
                stream.Dispose();
            }
        }
    }

    /// <summary>The same console with another standard output writer.</summary>
    private static CliConsole WithOut(CliConsole console, TextWriter stdout) => new()
    {
        Out = stdout,
        Error = console.Error,
        OpenStdin = console.OpenStdin,
        OutIsTerminal = console.OutIsTerminal,
        ErrorIsTerminal = console.ErrorIsTerminal,
        NoColor = console.NoColor,
        Colors = console.Colors,
        Width = console.Width,
        Interrupt = console.Interrupt,
        ProgressDelay = console.ProgressDelay,
        Time = console.Time,
    };

    /// <summary>Writes a full result line, or its outlook-only form, for a line that never became a case.</summary>
    private static void WriteResult(ResultLines lines, EvaluationResult result, string? input, string source, byte[] label, long line, bool outlookOnly)
    {
        if (outlookOnly)
        {
            lines.WriteOutlookOnly(label, line, result.Status == EvaluationStatus.Evaluated ? new Decision(result.Status, result.Outlook, result.Confidence) : null);
        }
        else
        {
            // As before: a line over the limit is labelled with the escaped path (the two differ only for unusual paths).
            lines.WriteJson(result, input ?? $"{Escape(source)}:{line}");
        }
    }

    private static ValidationIssue Unreadable(string source, Exception ex, bool ja)
    {
        var message = ex is FileNotFoundException or DirectoryNotFoundException
            ? Say(ja, $"The file '{source}' does not exist.", $"ファイル '{source}' が見つかりません。")
            : Say(ja, $"'{source}' could not be read: {ex.Message}", $"'{source}' を読み込めません:{ex.Message}");
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
