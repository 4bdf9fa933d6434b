namespace OfferRules.Cli;

/// <summary>
/// Standard output as a stream whose failed writes say what failed: a closed pipe (the reader, such as <c>head -1</c>,
/// has gone) or any other failure (such as a full disk). Both surface as <see cref="OutputFailedException"/>, which
/// <see cref="CliApp"/> turns into an exit code, so a failed write never crashes the tool.
/// </summary>
/// <remarks>
/// The console stream of .NET ignores a closed pipe on Unix and goes on as if the writes succeeded, so a batch piped
/// into <c>head -1</c> would evaluate every case for nothing; <see cref="Program"/> writes to this stream over the
/// file descriptor instead.
/// </remarks>
internal sealed class OutputStream : Stream
{
    private const int Epipe = 32;
    private const int ErrorBrokenPipe = unchecked((int)0x8007006D);
    private const int ErrorNoData = unchecked((int)0x800700E8);
    private readonly Stream _inner;

    /// <summary>Initializes a stream over <paramref name="inner"/>.</summary>
    public OutputStream(Stream inner) => _inner = inner;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Tells whether a write failed because the reading end of a pipe was closed.</summary>
    public static bool IsBrokenPipe(IOException exception) =>
        exception.HResult is Epipe or ErrorBrokenPipe or ErrorNoData;

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _inner.Write(buffer);
        }
        catch (IOException ex)
        {
            throw new OutputFailedException(ex);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        try
        {
            _inner.Flush();
        }
        catch (IOException ex)
        {
            throw new OutputFailedException(ex);
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A write to standard output failed; <see cref="IsBrokenPipe"/> tells a closed pipe from other failures.</summary>
/// <remarks>Not an <see cref="IOException"/>, so that the handlers of failed reads never take it for one.</remarks>
internal sealed class OutputFailedException : Exception
{
    /// <summary>Initializes the exception from the write's own.</summary>
    public OutputFailedException(IOException inner)
        : base(inner.Message, inner) => IsBrokenPipe = OutputStream.IsBrokenPipe(inner);

    /// <summary>Gets a value indicating whether the reading end of the pipe was closed.</summary>
    public bool IsBrokenPipe { get; }
}
