using System.Text;
using OfferRules.Cli.Tests.TestSupport;

namespace OfferRules.Cli.Tests;

/// <summary>Resuming with <c>--skip</c>, stopping on an interrupt after a whole line, and the progress display.</summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public void Run_JsonlSkip_StartsAfterThatLineAndKeepsTheLineNumbers()
    {
        var input = Encoding.UTF8.GetBytes(Tool.JsonLines(5));

        var (exit, output, _) = Tool.Run(c => c with { Stdin = input }, "evaluate", "--jsonl", "-", "--outlook-only", "--skip", "3");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal(["-:4", "-:5"], Tool.ParseLines(output).Select(l => l.GetProperty("input").GetString()));
    }

    [Fact]
    public void Run_FilesSkip_StartsAfterThatManyFiles()
    {
        var (exit, output, _) = Tool.Run("evaluate", "no-such-file.json", Tool.S01, Tool.Case("S02-seat-filled.json"), "--outlook-only", "--skip=1");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal([Tool.S01, Tool.Case("S02-seat-filled.json")], Tool.ParseLines(output).Select(l => l.GetProperty("input").GetString()));
    }

    [Fact]
    public void Run_SkipPastTheEnd_WritesNothingAndExitsZero()
    {
        var (exit, output, _) = Tool.Run("evaluate", Tool.S01, "--skip", "5");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("--outlook-only")]
    [InlineData("--format=json")]
    public void Run_JsonlInterruptedAfterSomeLines_StopsOnAWholeLineAndTheSkipItNamesResumesExactly(string format)
    {
        var input = Encoding.UTF8.GetBytes(Tool.JsonLines(40));
        var path = Tool.TempFile(Encoding.UTF8.GetString(input));
        try
        {
            var interrupt = new CliInterrupt();
            var (exit, first, error) = Tool.Run(
                c => c with { Interrupt = interrupt, WrapOut = w => new InterruptingWriter(w, interrupt, afterLines: 7) },
                "evaluate", "--jsonl", path, format);

            Assert.Equal(CliApp.Interrupted, exit);
            Assert.Equal(7, Tool.ParseLines(first).Length);
            Assert.EndsWith("\n", first, StringComparison.Ordinal);
            Assert.Equal($"offerrules: stopped by SIGINT after line 7 of {path} (7 results written). To resume, run the same command with --skip 7.", error.TrimEnd());

            var (resumedExit, rest, _) = Tool.Run("evaluate", "--jsonl", path, format, "--skip", "7");
            var (_, whole, _) = Tool.Run("evaluate", "--jsonl", path, format);

            Assert.Equal(CliApp.Ok, resumedExit);
            Assert.Equal(whole, first + rest);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_FilesInterrupted_StopsAfterTheFileInHandAndSaysSoInJapanese()
    {
        var interrupt = new CliInterrupt();
        string[] files = [Tool.S01, Tool.Case("S02-seat-filled.json"), Tool.Case("S04-eight-days-later.json")];

        var (exit, output, error) = Tool.Run(
            c => c with { Interrupt = interrupt, WrapOut = w => new InterruptingWriter(w, interrupt, afterLines: 1) },
            ["evaluate", .. files, "--outlook-only", "--lang", "ja"]);

        Assert.Equal(CliApp.Interrupted, exit);
        Assert.Equal([files[0]], Tool.ParseLines(output).Select(l => l.GetProperty("input").GetString()));
        Assert.Equal("offerrules：SIGINT を受けて、3件の入力のうち1件を処理して止めました。続きは同じコマンドに --skip 1 を付けて実行してください。", error.TrimEnd());
    }

    [Fact]
    public async Task Run_JsonlLineWithoutEnd_StillStopsWhenInterrupted()
    {
        var interrupt = new CliInterrupt();
        var zeros = new EndlessZeros(afterBytes: 8 * 1024 * 1024, () => interrupt.Request("SIGTERM"));

        var (exit, output, error) = await Task.Run(() => Tool.Run(c => c with { Interrupt = interrupt, OpenStdin = () => zeros }, "evaluate", "--jsonl", "-"))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(CliApp.Interrupted, exit);
        Assert.Empty(output);
        Assert.StartsWith("offerrules: stopped by SIGTERM after line 0 of - (0 results written).", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JsonlFileWhileStandardErrorIsATerminal_ShowsAPercentageAndTheTimeLeft()
    {
        var path = Tool.TempFile(Tool.JsonLines(3000));
        try
        {
            var (exit, output, error) = Tool.Run(c => c with { ErrorIsTerminal = true, ProgressDelay = TimeSpan.Zero }, "evaluate", "--jsonl", path, "--outlook-only");

            Assert.Equal(CliApp.Ok, exit);
            Assert.Equal(3000, Tool.ParseLines(output).Length);
            var progress = Tool.StripAnsi(error);
            Assert.Matches("[0-9]+%", progress);
            Assert.Matches("[0-9]{2}:[0-9]{2}:[0-9]{2}", progress);
            Assert.Contains(Path.GetFileName(path), progress, StringComparison.Ordinal);
            Assert.Contains("offerrules: 3,000 cases in ", progress, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_JsonlFileWhenStandardErrorIsRedirected_DrawsNoProgress()
    {
        var path = Tool.TempFile(Tool.JsonLines(100));
        try
        {
            var (_, _, error) = Tool.Run(c => c with { ProgressDelay = TimeSpan.Zero }, "evaluate", "--jsonl", path, "--outlook-only");

            Assert.Empty(error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Requests an interrupt once <paramref name="afterLines"/> lines were written, as a signal arriving then would.</summary>
    private sealed class InterruptingWriter(TextWriter inner, CliInterrupt interrupt, int afterLines) : TextWriter
    {
        private int _lines;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            inner.Write(value);
            if (value == '\n' && ++_lines == afterLines)
            {
                interrupt.Request("SIGINT");
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? string.Empty)
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }

        public override void WriteLine() => Write('\n');

        public override void Flush() => inner.Flush();
    }

    /// <summary>Zero bytes without end, like <c>/dev/zero</c>, that calls <paramref name="after"/> once it has given <paramref name="afterBytes"/>.</summary>
    private sealed class EndlessZeros(long afterBytes, Action after) : Stream
    {
        private long _given;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _given;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            var before = _given;
            _given += count;
            if (before < afterBytes && _given >= afterBytes)
            {
                after();
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
