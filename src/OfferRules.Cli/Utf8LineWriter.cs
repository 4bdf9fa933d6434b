using System.Buffers;
using System.Globalization;
using System.Text;

namespace OfferRules.Cli;

/// <summary>
/// Standard output for a JSON Lines batch: UTF-8 bytes gathered in one buffer and written to the stream in chunks that
/// end on a line break, so that a reader (or a stop) never sees half a line from one write. Result lines are written
/// into it as bytes (<see cref="IBufferWriter{T}"/>), with no string and no transcoding; the few text messages go
/// through the <see cref="TextWriter"/> side into the same buffer, in order.
/// </summary>
internal sealed class Utf8LineWriter : TextWriter, IBufferWriter<byte>
{
    /// <summary>The buffer's size, as the <see cref="StreamWriter"/> of <see cref="ProcessConsole"/> has.</summary>
    private const int Capacity = 1 << 16;

    /// <summary>A single line longer than this is written out unfinished rather than held whole.</summary>
    private const int MaxHeldLine = 1 << 20;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Stream _stream;
    private readonly Encoder _encoder = s_utf8.GetEncoder();
    private byte[] _buffer = new byte[Capacity];
    private int _count;

    /// <summary>Initializes a writer over <paramref name="stream"/>, with the line break of <paramref name="newLine"/>.</summary>
    public Utf8LineWriter(Stream stream, string newLine)
        : base(CultureInfo.InvariantCulture)
    {
        _stream = stream;
        NewLine = newLine;
        NewLineUtf8 = s_utf8.GetBytes(newLine);
    }

    /// <inheritdoc/>
    public override Encoding Encoding => s_utf8;

    /// <summary>Gets the line break as UTF-8.</summary>
    public byte[] NewLineUtf8 { get; }

    /// <inheritdoc/>
    public void Advance(int count) => _count += count;

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_count);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_count);
    }

    /// <summary>Appends bytes.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _count += bytes.Length;
    }

    /// <inheritdoc/>
    public override void Write(char value) => Write([value]);

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        var span = GetSpan(s_utf8.GetMaxByteCount(buffer.Length));
        _count += _encoder.GetBytes(buffer, span, flush: false);
    }

    /// <summary>Writes the buffer to the stream and flushes the stream.</summary>
    public override void Flush()
    {
        if (_count > 0)
        {
            var count = _count;
            _count = 0;
            _stream.Write(_buffer, 0, count);
        }

        _stream.Flush();
    }

    /// <summary>Makes room for <paramref name="sizeHint"/> bytes: writes out the whole lines held, or grows the buffer.</summary>
    private void Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _count >= sizeHint)
        {
            return;
        }

        var lineEnd = _buffer.AsSpan(0, _count).LastIndexOf((byte)'\n') + 1;
        if (lineEnd == 0 && _count >= MaxHeldLine)
        {
            lineEnd = _count;
        }

        if (lineEnd > 0)
        {
            // Nothing is held while the write runs, so that a failed write (a closed pipe, a full disk) repeats nothing.
            var rest = _count - lineEnd;
            _count = 0;
            _stream.Write(_buffer, 0, lineEnd);
            Buffer.BlockCopy(_buffer, lineEnd, _buffer, 0, rest);
            _count = rest;
        }

        if (_buffer.Length - _count < sizeHint)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + sizeHint));
        }
    }
}
