using System.Diagnostics;
using OfferRules.Serialization;
using Spectre.Console;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>
/// A JSON Lines input worked through one line at a time, in bounded memory, for <c>evaluate --jsonl</c>,
/// <c>coverage</c> and <c>diff</c>: blank lines are skipped, a line longer than the case limit is reported as such,
/// the first <c>--skip</c> lines are passed over, and between two lines a Ctrl-C or SIGTERM ends the batch. A long
/// batch shows its progress on standard error when that is a terminal.
/// </summary>
internal sealed class LineBatch
{
    /// <summary>How often, at most, the progress line is redrawn when the input's size is unknown.</summary>
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(1);

    private readonly CliConsole _console;
    private readonly Stream _stream;
    private readonly JsonLines _reader;
    private readonly bool _ja;
    private readonly long _skip;
    private readonly LineHandler _onLine;
    private readonly Action<long, long> _onTooLong;
    private readonly Action<long, Exception> _onReadFailed;
    private readonly bool _mayBlock;
    private readonly Action _summaryWhileReading;

    /// <summary>Initializes a batch over <paramref name="stream"/>.</summary>
    /// <param name="console">The console, for the interrupt and the progress display.</param>
    /// <param name="stream">The input.</param>
    /// <param name="source">The input's name: a path, or <c>-</c> for standard input.</param>
    /// <param name="ja">Whether messages are in Japanese.</param>
    /// <param name="skip">How many lines to pass over first.</param>
    /// <param name="maxLineBytes">The longest line accepted.</param>
    /// <param name="onLine">Deals with a line that is not blank: its bytes and 1-based number.</param>
    /// <param name="onTooLong">Deals with a line over the limit: its number and length.</param>
    /// <param name="onReadFailed">Deals with a failed read: the number the line would have had, and why.</param>
    /// <param name="summary">Words where the batch stopped when it was interrupted.</param>
    public LineBatch(
        CliConsole console,
        Stream stream,
        string source,
        bool ja,
        long skip,
        int maxLineBytes,
        LineHandler onLine,
        Action<long, long> onTooLong,
        Action<long, Exception> onReadFailed,
        Func<LineBatch, string> summary)
    {
        _console = console;
        _stream = stream;
        Source = source;
        _ja = ja;
        _skip = skip;
        _onLine = onLine;
        _onTooLong = onTooLong;
        _onReadFailed = onReadFailed;
        Summary = () => summary(this);

        // A regular file never keeps a read waiting; standard input, a pipe or a FIFO may. Before such a read, the
        // results so far are flushed: whoever reads them need not wait for the input to go on.
        _mayBlock = !stream.CanSeek;
        _reader = new JsonLines(_mayBlock ? new FlushBeforeRead(stream, console.Out) : stream, maxLineBytes)
        {
            // A line without end (such as /dev/zero) must not keep a stop from being seen.
            ShouldStop = () => console.Interrupt.IsRequested,
        };
        _summaryWhileReading = () => Stopped(console, Summary(), whileReading: true);
    }

    /// <summary>Deals with one line.</summary>
    public delegate void LineHandler(ReadOnlySpan<byte> line, long number);

    /// <summary>Gets the input's name.</summary>
    public string Source { get; }

    /// <summary>Gets how many lines were dealt with (not blank and not skipped).</summary>
    public long Count { get; private set; }

    /// <summary>Gets the number of the last line dealt with or passed over: the <c>--skip</c> that resumes after it.</summary>
    public long LastLine { get; private set; }

    /// <summary>Gets a value indicating whether the batch is over: the input ended, could not be read, or a stop was requested.</summary>
    public bool Ended { get; private set; }

    /// <summary>Gets a value indicating whether the batch ended because a stop was requested.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>Gets the words for where an interrupted batch stopped.</summary>
    public Func<string> Summary { get; }

    /// <summary>Opens a JSON Lines input: a file, or standard input for <c>-</c>.</summary>
    /// <exception cref="IOException">The file could not be opened (and the other exceptions of <see cref="FileStream"/>).</exception>
    public static Stream Open(CliConsole console, string source) =>
        source == "-" ? console.OpenStdin() : new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>Writes the summary of an interrupted run after the results written so far, and gives the exit code.</summary>
    public static int Stopped(CliConsole console, string summary, bool whileReading = false)
    {
        try
        {
            console.Out.Flush();
            console.Error.WriteLine(CliApp.ForError(console, summary));
            console.Error.Flush();
        }
        catch (Exception ex) when (whileReading && ex is IOException or OutputFailedException)
        {
            // The process ends either way.
        }

        return CliApp.Interrupted;
    }

    /// <summary>
    /// Runs a read that may wait (a rule file, test file or case may be a FIFO or <c>/dev/stdin</c>), so that Ctrl-C or
    /// SIGTERM during it still ends the tool, with a summary that names what was being read.
    /// </summary>
    public static T WhileReading<T>(CliConsole console, string what, bool ja, Func<T> read)
    {
        console.Interrupt.BeginBlockingRead(() => Stopped(console, StoppedReading(console, what, ja), whileReading: true));
        try
        {
            return read();
        }
        finally
        {
            console.Interrupt.EndBlockingRead();
        }
    }

    /// <summary>Words a stop that came while reading <paramref name="what"/>, before any result was written.</summary>
    public static string StoppedReading(CliConsole console, string what, bool ja) => Say(
        ja,
        $"offerrules: stopped by {console.Interrupt.SignalName} while reading {what}; nothing was written.",
        $"offerrules：{what} の読み込み中に {console.Interrupt.SignalName} を受けて止めました。何も出力していません。");

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
        catch (OperationCanceledException)
        {
            Interrupted = true;
            Ended = true;
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _onReadFailed(_reader.LineNumber + 1, ex);
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
        if (number <= _skip || (tooLong == 0 && IsBlank(line)))
        {
            LastLine = number;
            return true;
        }

        if (tooLong > 0)
        {
            _onTooLong(number, tooLong);
        }
        else
        {
            _onLine(line, number);
        }

        Count++;
        LastLine = number;
        return true;
    }

    /// <summary>
    /// Works through the whole input. When standard error is a terminal, a run longer than
    /// <see cref="CliConsole.ProgressDelay"/> shows its progress there: with a percentage and the time left when the
    /// input is a file (its size is known) and standard output does not share the terminal, else as a count.
    /// </summary>
    public void RunToEnd()
    {
        var clock = Stopwatch.StartNew();
        var size = _stream.CanSeek ? _stream.Length : -1;
        if (_console.ErrorIsTerminal && !_console.OutIsTerminal && size > 0)
        {
            while (clock.Elapsed < _console.ProgressDelay && Step())
            {
            }

            if (!Ended)
            {
                ShowProgress(size);
                _console.Error.WriteLine(Rate(clock.Elapsed));
            }

            return;
        }

        var progress = _console.ErrorIsTerminal ? _console.Error : null;
        var nextProgress = s_progressInterval;
        var drewProgress = false;
        while (Step())
        {
            if (progress is not null && (Count & 1023) == 0 && clock.Elapsed >= nextProgress)
            {
                var perSecond = (long)(Count / clock.Elapsed.TotalSeconds);
                progress.Write(Say(_ja, $"\rofferrules: {CliText.Count(Count)} cases, {CliText.Count(perSecond)} per second", $"\rofferrules：{CliText.Count(Count)}件（毎秒{CliText.Count(perSecond)}件）"));
                progress.Flush();
                drewProgress = true;
                nextProgress = clock.Elapsed + s_progressInterval;
            }
        }

        if (drewProgress)
        {
            progress!.WriteLine("\r" + Rate(clock.Elapsed));
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IsEmpty || line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private string Rate(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        var perSecond = CliText.Count((long)(Count / Math.Max(elapsed.TotalSeconds, 1e-9)));
        return Say(_ja, $"offerrules: {CliText.Count(Count)} cases in {seconds} s, {perSecond} per second", $"offerrules：{CliText.Count(Count)}件を{seconds}秒で処理しました（毎秒{perSecond}件）");
    }

    /// <summary>Works through the rest of the input under a Spectre.Console progress display on standard error.</summary>
    private void ShowProgress(long size)
    {
        var label = Markup.Escape(TerminalText.Clean(Path.GetFileName(Source)));
        new Progress(_console.CreateErrorTerminal())
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Describe(label), maxValue: size);
                task.Value = _stream.Position;
                while (Step())
                {
                    if ((Count & 255) == 0)
                    {
                        task.Value = Math.Min(_stream.Position, size);
                        task.Description = Describe(label);
                    }
                }

                task.Value = size;
                task.Description = Describe(label);
            });
    }

    private string Describe(string label) => Say(_ja, $"{label} · {CliText.Count(Count)} cases", $"{label}・{CliText.Count(Count)}件");

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
