namespace OfferRules.Serialization;

/// <summary>
/// Reads a stream line by line as UTF-8 bytes with bounded memory: the buffer never grows past about twice the longest
/// line accepted, and a longer line is skipped (reported with its length) rather than held. Lines end with <c>\n</c>;
/// a trailing <c>\r</c> is dropped; the last line may lack its line break. A line without end (such as
/// <c>/dev/zero</c>) is skipped in constant memory for as long as it lasts, so the reader checks its cancellation token
/// before every read, not only between lines.
/// </summary>
internal sealed class JsonLines
{
    private const int ChunkSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly CancellationToken _cancellationToken;
    private byte[] _buffer = new byte[ChunkSize * 2];
    private int _start;
    private int _end;
    private bool _endOfStream;

    public JsonLines(Stream stream, int maxLineBytes, CancellationToken cancellationToken = default)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Gets the size of the read buffer, which bounds the memory a batch holds.</summary>
    public int BufferCapacity => _buffer.Length;

    /// <summary>
    /// Gets or sets a check made for every chunk of a line too long to keep, which may never end (such as
    /// <c>/dev/zero</c>): when it returns <see langword="true"/>, <see cref="TryReadLine"/> throws
    /// <see cref="OperationCanceledException"/> instead of reading on. Unlike the cancellation token, it never stops
    /// the read of a line that is kept, so a caller that stops between lines keeps its output line-atomic.
    /// </summary>
    public Func<bool>? ShouldStop { get; set; }

    /// <summary>Gets the 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Gets whether a line is empty or white space only (blank lines are skipped, not cases).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>
    /// Reads the next line. Returns <see langword="false"/> at the end of the stream. When the line is longer than the
    /// limit, <paramref name="line"/> is empty and <paramref name="tooLongBytes"/> is its length.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out long tooLongBytes)
    {
        tooLongBytes = 0;
        var searched = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searched, _end - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var at = searched + newline;
                line = Trim(_buffer.AsSpan(_start, at - _start));
                _start = at + 1;
                LineNumber++;
                return true;
            }

            searched = _end;
            if (_endOfStream)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = Trim(_buffer.AsSpan(_start, _end - _start));
                _start = _end;
                LineNumber++;
                return true;
            }

            if (_end - _start > _maxLineBytes)
            {
                tooLongBytes = SkipRestOfLine();
                line = default;
                LineNumber++;
                return true;
            }

            searched -= _start;
            Fill();
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    /// <summary>Moves the unread bytes to the front, grows the buffer if it is full, and reads one chunk.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < ChunkSize)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    /// <summary>Discards the current line up to and including its line break; returns its length.</summary>
    private long SkipRestOfLine()
    {
        long skipped = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                skipped += newline;
                _start += newline + 1;
                return skipped;
            }

            skipped += _end - _start;
            _start = 0;
            _end = 0;
            if (_endOfStream)
            {
                return skipped;
            }

            if (ShouldStop?.Invoke() == true)
            {
                throw new OperationCanceledException("The line was not read to its end: a stop was requested.");
            }

            Fill();
        }
    }
}
