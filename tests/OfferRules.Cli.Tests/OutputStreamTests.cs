using System.Text;
using OfferRules.Cli.Tests.TestSupport;

namespace OfferRules.Cli.Tests;

/// <summary>A failed write to standard output is an exit code, never a crash: 141 for a closed pipe, 74 for anything else.</summary>
public sealed class OutputStreamTests
{
    [Fact]
    public void Run_ReaderOfTheOutputGoesAway_StopsQuietlyWithExitCode141()
    {
        var input = new CountingStream(Encoding.UTF8.GetBytes(Tool.JsonLines(20_000)));
        var failing = new FailingStream(failAfterBytes: 4096, errno: 32);

        var exit = Run(failing, input, "evaluate", "--jsonl", "-", "--outlook-only");

        Assert.Equal(CliApp.BrokenPipe, exit.Code);
        Assert.Empty(exit.Error);

        // It stopped at the first failed flush: far from the end of the input.
        Assert.InRange(input.Position, 1, input.Length / 4);
    }

    [Theory]
    [InlineData("en", "offerrules: the results could not be written: No space left on device The output is incomplete.")]
    [InlineData("ja", "offerrules：結果を書き出せませんでした（No space left on device）。出力は途中までです。")]
    public void Run_DiskFull_SaysSoOnStandardErrorAndExits74(string language, string message)
    {
        var failing = new FailingStream(failAfterBytes: 0, errno: 28);

        var exit = Run(failing, new MemoryStream(), "evaluate", Tool.S01, "--lang", language);

        Assert.Equal(CliApp.WriteFailed, exit.Code);
        Assert.Equal(message, exit.Error.TrimEnd());
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(unchecked((int)0x8007006D), true)]
    [InlineData(unchecked((int)0x800700E8), true)]
    [InlineData(28, false)]
    [InlineData(5, false)]
    public void IsBrokenPipe_ErrorCode_TellsAClosedPipeFromOtherFailures(int hresult, bool expected) =>
        Assert.Equal(expected, OutputStream.IsBrokenPipe(new IOException("x", hresult)));

    private static (int Code, string Error) Run(Stream stdout, Stream stdin, params string[] args)
    {
        using var writer = new StreamWriter(new OutputStream(stdout), new UTF8Encoding(false), 1024);
        using var stderr = new StringWriter();
        var console = new CliConsole { Out = writer, Error = stderr, OpenStdin = () => stdin };
        var code = CliApp.Run(args, console);
        return (code, stderr.ToString());
    }

    /// <summary>A stream that takes some bytes, then fails every write with an I/O error carrying <c>errno</c> as its HResult, as .NET reports one on Unix.</summary>
    private sealed class FailingStream(int failAfterBytes, int errno) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > failAfterBytes)
            {
                throw new IOException(errno == 28 ? "No space left on device" : "Broken pipe", errno);
            }

            base.Write(buffer, offset, count);
        }
    }

    /// <summary>Standard input that says how far it was read, and is not seekable (like a pipe).</summary>
    private sealed class CountingStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
