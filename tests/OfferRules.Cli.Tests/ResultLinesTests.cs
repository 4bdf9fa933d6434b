using System.Text;
using OfferRules.Cli.Tests.TestSupport;

namespace OfferRules.Cli.Tests;

/// <summary>
/// The batch's UTF-8 output (<c>ResultLines</c>, <c>Utf8LineWriter</c>): over the tool's own <see cref="StreamWriter"/>
/// the result lines go to the stream as bytes, and those bytes are exactly what the text path writes to any other
/// writer, for good lines, bad lines, blank lines, a line over the limit and an unusual path; chunks end on a line
/// break; a stop still ends on a whole line.
/// </summary>
public sealed class ResultLinesTests
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Theory]
    [InlineData("--outlook-only")]
    [InlineData("--format=json")]
    [InlineData("--format=json", "--lang", "ja")]
    public void Run_JsonlToAStreamWriter_WritesTheBytesTheTextPathWrites(params string[] options)
    {
        var input = Tool.JsonLines(30) + "\n   \n{\"kind\":1}\nnot json\n" + "{\"x\":\"" + new string('a', 1024 * 1024 + 10) + "\"}\n" + Tool.JsonLines(3);
        var directory = Path.Combine(Path.GetTempPath(), $"offerrules-{Guid.NewGuid()}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "cases \"quoted\" é\\.jsonl");
        File.WriteAllText(path, input);
        try
        {
            string[] args = ["evaluate", "--jsonl", path, .. options];
            var (textExit, text) = RunToText(args);
            var (bytesExit, bytes) = RunToStream(args);

            Assert.Equal(CliApp.SomeInvalid, textExit);
            Assert.Equal(textExit, bytesExit);
            Assert.Equal(36, text.Count(c => c == '\n'));
            Assert.Equal(s_utf8.GetBytes(text), bytes);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Run_JsonlToAStreamWriterInterrupted_EndsOnAWholeLineWithTheSkipThatResumes()
    {
        var lines = Tool.JsonLines(20).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var interrupt = new CliInterrupt();
        using var output = new MemoryStream();
        using var stdout = new StreamWriter(output, s_utf8, 1 << 16);
        using var stderr = new StringWriter();
        var console = new CliConsole
        {
            Out = stdout,
            Error = stderr,
            OpenStdin = () => new LinePerRead(lines, afterLines: 7, () => interrupt.Request("SIGTERM")),
            Interrupt = interrupt,
        };

        var exit = CliApp.Run(["evaluate", "--jsonl", "-", "--outlook-only"], console);

        var written = s_utf8.GetString(output.ToArray());
        var (_, whole) = RunToText(["evaluate", "--jsonl", "-", "--outlook-only"], string.Join('\n', lines));
        Assert.Equal(CliApp.Interrupted, exit);
        Assert.Equal(string.Concat(whole.Split('\n').Take(7).Select(l => l + "\n")), written);
        Assert.Contains("--skip 7", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_BufferFullOfShortLines_WritesChunksThatEndOnALineBreak()
    {
        var stream = new ChunkRecorder();
        var writer = new Utf8LineWriter(stream, "\n");
        var line = Encoding.ASCII.GetBytes(new string('x', 999) + "\n");
        for (var i = 0; i < 500; i++)
        {
            writer.WriteUtf8(line);
        }

        writer.Write("tail");
        writer.Flush();

        Assert.True(stream.Chunks.Count > 2);
        Assert.All(stream.Chunks.SkipLast(1), c => Assert.Equal((byte)'\n', c[^1]));
        Assert.Equal(500 * 1000 + 4, stream.Chunks.Sum(c => c.Length));
    }

    [Fact]
    public void Write_TextAndBytesAndASplitSurrogatePair_KeepsOrderAndEncodesAsUtf8()
    {
        var stream = new ChunkRecorder();
        var writer = new Utf8LineWriter(stream, "\n");

        writer.Write("a");
        writer.WriteUtf8("é"u8);
        writer.Write('\ud83d');
        writer.Write('\ude00');
        writer.WriteLine("日本");
        writer.Flush();

        Assert.Equal("aé😀日本\n", s_utf8.GetString([.. stream.Chunks.SelectMany(c => c)]));
    }

    [Fact]
    public void Reserve_OneLineLongerThanTheBuffer_GrowsAndKeepsItWhole()
    {
        var stream = new ChunkRecorder();
        var writer = new Utf8LineWriter(stream, "\n");
        writer.WriteUtf8("short\n"u8);
        var longLine = Encoding.ASCII.GetBytes(new string('y', 200_000) + "\n");

        writer.WriteUtf8(longLine);
        writer.Flush();

        Assert.Equal("short\n"u8.ToArray(), stream.Chunks[0]);
        Assert.Equal(longLine, stream.Chunks[1]);
    }

    private static (int Exit, string Out) RunToText(string[] args, string? stdin = null)
    {
        using var stdout = new StringWriter();
        var exit = CliApp.Run(args, Console(stdout, stdin));
        return (exit, stdout.ToString());
    }

    private static (int Exit, byte[] Out) RunToStream(string[] args)
    {
        using var output = new MemoryStream();
        int exit;
        using (var stdout = new StreamWriter(output, s_utf8, 1 << 16, leaveOpen: true))
        {
            exit = CliApp.Run(args, Console(stdout, null));
        }

        return (exit, output.ToArray());
    }

    private static CliConsole Console(TextWriter stdout, string? stdin) => new()
    {
        Out = stdout,
        Error = TextWriter.Null,
        OpenStdin = () => new MemoryStream(s_utf8.GetBytes(stdin ?? string.Empty)),
        Time = new FixedTime(),
    };

    /// <summary>A clock fixed at 2025-07-10 09:00 in Japan, so that two runs give the same results.</summary>
    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 7, 10, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Records every write as one chunk.</summary>
    private sealed class ChunkRecorder : MemoryStream
    {
        public List<byte[]> Chunks { get; } = [];

        public override void Write(byte[] buffer, int offset, int count) => Chunks.Add(buffer.AsSpan(offset, count).ToArray());

        public override void Write(ReadOnlySpan<byte> buffer) => Chunks.Add(buffer.ToArray());
    }

    /// <summary>Gives one line per read, and calls <paramref name="after"/> once it has given <paramref name="afterLines"/>.</summary>
    private sealed class LinePerRead(string[] lines, int afterLines, Action after) : Stream
    {
        private int _given;

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
            if (_given == lines.Length)
            {
                return 0;
            }

            var bytes = s_utf8.GetBytes(lines[_given] + "\n");
            bytes.CopyTo(buffer, offset);
            if (++_given == afterLines)
            {
                after();
            }

            return bytes.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
