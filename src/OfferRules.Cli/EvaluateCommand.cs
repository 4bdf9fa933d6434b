using System.Diagnostics;
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

    /// <summary>How often, at most, the batch progress line on a terminal is redrawn.</summary>
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(1);

    public required IReadOnlyList<string> Files { get; init; }

    public required bool Json { get; init; }

    public required bool Ja { get; init; }

    public required bool OutlookOnly { get; init; }

    public required RuleSet RuleSet { get; init; }

    public string? Jsonl { get; init; }

    public long Skip { get; init; }

    public int Run(CliConsole console)
    {
        var evaluator = new OfferEvaluator(RuleSet, console.Time);
        var options = new EvaluationOptions { Language = Ja ? "ja" : "en" };
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
                return Stopped(console, FilesSummary(console, i));
            }

            var file = Files[i];
            var done = i;
            EvaluationResult result;
            // The file may be a pipe or a FIFO that keeps the read waiting: whoever reads the results so far need not wait too.
            stdout.Flush();
            console.Interrupt.BeginBlockingRead(() => StoppedWhileReading(console, FilesSummary(console, done)));
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
            stream = source == "-" ? console.OpenStdin() : new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var result = evaluator.CreateInvalid([Unreadable(source, ex, Ja)]);
            WriteResult(console.Out, result, source, Escape(source), null, OutlookOnly);
            return CliApp.SomeInvalid;
        }

        try
        {
            var batch = new Batch(this, console, evaluator, options, stream, source);
            var clock = Stopwatch.StartNew();
            var size = stream.CanSeek ? stream.Length : -1;
            if (console.ErrorIsTerminal && !console.OutIsTerminal && size > 0)
            {
                // A file says its size, so the progress has a percentage and an estimated time left. A short run draws nothing.
                while (clock.Elapsed < console.ProgressDelay && batch.Step())
                {
                }

                if (!batch.Ended)
                {
                    ShowProgress(console, batch, stream, size);
                    console.Error.WriteLine(Rate(batch.Count, clock.Elapsed));
                }
            }
            else
            {
                var progress = console.ErrorIsTerminal ? console.Error : null;
                var nextProgress = s_progressInterval;
                var drewProgress = false;
                while (batch.Step())
                {
                    if (progress is not null && (batch.Count & 1023) == 0 && clock.Elapsed >= nextProgress)
                    {
                        var perSecond = (long)(batch.Count / clock.Elapsed.TotalSeconds);
                        progress.Write(Say(Ja, $"\rofferrules: {Count(batch.Count)} cases, {Count(perSecond)} per second", $"\rofferrules：{Count(batch.Count)}件（毎秒{Count(perSecond)}件）"));
                        progress.Flush();
                        drewProgress = true;
                        nextProgress = clock.Elapsed + s_progressInterval;
                    }
                }

                if (drewProgress)
                {
                    progress!.WriteLine("\r" + Rate(batch.Count, clock.Elapsed));
                }
            }

            return batch.Interrupted ? Stopped(console, batch.Summary()) : batch.Exit;
        }
        finally
        {
            if (source != "-")
            {
                stream.Dispose();
            }
        }
    }

    private string Rate(long count, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        var perSecond = Count((long)(count / Math.Max(elapsed.TotalSeconds, 1e-9)));
        return Say(Ja, $"offerrules: {Count(count)} cases in {seconds} s, {perSecond} per second", $"offerrules：{Count(count)}件を{seconds}秒で処理しました（毎秒{perSecond}件）");
    }

    /// <summary>Runs the rest of the batch under a Spectre.Console progress display on standard error.</summary>
    private void ShowProgress(CliConsole console, Batch batch, Stream stream, long size)
    {
        var label = Markup.Escape(TerminalText.Clean(Path.GetFileName(batch.Source)));
        new Progress(console.CreateErrorTerminal())
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Describe(label, batch.Count), maxValue: size);
                task.Value = stream.Position;
                while (batch.Step())
                {
                    if ((batch.Count & 255) == 0)
                    {
                        task.Value = Math.Min(stream.Position, size);
                        task.Description = Describe(label, batch.Count);
                    }
                }

                task.Value = size;
                task.Description = Describe(label, batch.Count);
            });
    }

    private string Describe(string label, long count) => Say(Ja, $"{label} · {Count(count)} cases", $"{label}・{Count(count)}件");

    /// <summary>Writes the summary of an interrupted run after the results written so far.</summary>
    private static int Stopped(CliConsole console, string summary)
    {
        console.Out.Flush();
        console.Error.WriteLine(console.ErrorIsTerminal ? TerminalText.Clean(summary) : summary);
        console.Error.Flush();
        return CliApp.Interrupted;
    }

    /// <summary>The summary when a signal comes while a read waits: flushes what is written (it may fail: the process ends either way).</summary>
    private static void StoppedWhileReading(CliConsole console, string summary)
    {
        try
        {
            Stopped(console, summary);
        }
        catch (Exception ex) when (ex is IOException or OutputFailedException)
        {
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IsEmpty || line.IndexOfAnyExcept(" \t\r"u8) < 0;

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

    /// <summary>A JSON Lines batch in progress, one line per <see cref="Step"/>.</summary>
    private sealed class Batch
    {
        private readonly EvaluateCommand _command;
        private readonly CliConsole _console;
        private readonly OfferEvaluator _evaluator;
        private readonly EvaluationOptions _options;
        private readonly JsonLinesReader _reader;
        private readonly string _label;
        private readonly bool _mayBlock;
        private readonly Action _summaryWhileReading;

        public Batch(EvaluateCommand command, CliConsole console, OfferEvaluator evaluator, EvaluationOptions options, Stream stream, string source)
        {
            _command = command;
            _console = console;
            _evaluator = evaluator;
            _options = options;
            Source = source;
            _label = Escape(source);

            // A regular file never keeps a read waiting; standard input, a pipe or a FIFO may. Before such a read, the
            // results so far are flushed: whoever reads them need not wait for the input to go on.
            _mayBlock = !stream.CanSeek;
            _reader = new JsonLinesReader(_mayBlock ? new FlushBeforeRead(stream, console.Out) : stream, CaseJson.MaxBytes);
            _summaryWhileReading = () => StoppedWhileReading(_console, Summary());
        }

        public string Source { get; }

        /// <summary>Gets how many results were written.</summary>
        public long Count { get; private set; }

        /// <summary>Gets the number of the last line dealt with: the <c>--skip</c> that resumes after it.</summary>
        public long LastLine { get; private set; }

        public int Exit { get; private set; } = CliApp.Ok;

        /// <summary>Gets a value indicating whether the batch is over: the input ended, could not be read, or a stop was requested.</summary>
        public bool Ended { get; private set; }

        public bool Interrupted { get; private set; }

        public string Summary() => Say(
            _command.Ja,
            $"offerrules: stopped by {_console.Interrupt.SignalName} after line {Plain(LastLine)} of {Source} ({Plain(Count)} results written). To resume, run the same command with --skip {Plain(LastLine)}.",
            $"offerrules：{_console.Interrupt.SignalName} を受けて、{Source} の{Plain(LastLine)}行目まで処理して止めました（結果{Plain(Count)}件を出力済み）。続きは同じコマンドに --skip {Plain(LastLine)} を付けて実行してください。");

        /// <summary>Deals with the next line; returns <see langword="false"/> when the batch is over.</summary>
        public bool Step()
        {
            if (Ended)
            {
                return false;
            }

            if (_console.Interrupt.IsRequested)
            {
                Interrupted = true;
                Ended = true;
                return false;
            }

            var stdout = _console.Out;
            var ja = _command.Ja;
            var outlookOnly = _command.OutlookOnly;
            ReadOnlySpan<byte> line;
            long tooLong;
            if (_mayBlock)
            {
                _console.Interrupt.BeginBlockingRead(_summaryWhileReading);
            }

            try
            {
                if (!_reader.TryReadLine(out line, out tooLong))
                {
                    Ended = true;
                    return false;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                var failed = _evaluator.CreateInvalid([Unreadable(Source, ex, ja)]);
                WriteResult(stdout, failed, $"{Source}:{_reader.LineNumber + 1}", _label, _reader.LineNumber + 1, outlookOnly);
                Exit = CliApp.SomeInvalid;
                Ended = true;
                return false;
            }
            finally
            {
                if (_mayBlock)
                {
                    _console.Interrupt.EndBlockingRead();
                }
            }

            var number = _reader.LineNumber;
            if (number <= _command.Skip || (tooLong == 0 && IsBlank(line)))
            {
                LastLine = number;
                return true;
            }

            if (tooLong > 0)
            {
                var message = Say(
                    ja,
                    $"The line is {tooLong} bytes; the limit is {CaseJson.MaxBytes}.",
                    $"この行は{tooLong}バイトあり、上限の{CaseJson.MaxBytes}バイトを超えています。");
                WriteResult(stdout, _evaluator.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", message)]), null, _label, number, outlookOnly);
                Exit = CliApp.SomeInvalid;
            }
            else if (outlookOnly)
            {
                var read = CaseJson.Read(line, _options.Language);
                Decision? decision = read.Success ? _evaluator.Decide(read.Value) : null;
                if (decision?.Status != EvaluationStatus.Evaluated)
                {
                    decision = null;
                    Exit = CliApp.SomeInvalid;
                }

                WriteOutlookOnly(stdout, _label, number, decision);
            }
            else
            {
                var result = _evaluator.EvaluateJson(line, _options);
                if (result.Status == EvaluationStatus.Invalid)
                {
                    Exit = CliApp.SomeInvalid;
                }

                WriteResult(stdout, result, $"{Source}:{number}", _label, number, outlookOnly: false);
            }

            if (_console.OutIsTerminal)
            {
                stdout.Flush();
            }

            Count++;
            LastLine = number;
            return true;
        }
    }

    /// <summary>A stream that flushes a writer before each read, for input that may keep a read waiting.</summary>
    private sealed class FlushBeforeRead(Stream inner, TextWriter output) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            output.Flush();
            return inner.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
