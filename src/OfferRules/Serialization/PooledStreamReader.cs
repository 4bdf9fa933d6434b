using System.Buffers;

namespace OfferRules.Serialization;

/// <summary>
/// Reads a stream asynchronously into a growing buffer rented from <see cref="ArrayPool{T}.Shared"/>, and stops as soon
/// as the size limit is passed, so that an oversized body costs at most the limit and one chunk.
/// </summary>
/// <remarks>
/// Each read asks for exactly <c>chunk</c> bytes, as the synchronous stream overloads do with their fixed chunk, so that
/// both stop at the same point and report the same size. The buffer is cleared when it is returned, because it can hold
/// a candidate's case.
/// </remarks>
internal sealed class PooledStreamReader : IDisposable
{
    private byte[] _buffer;

    private PooledStreamReader(byte[] buffer)
    {
        _buffer = buffer;
    }

    /// <summary>Gets the number of bytes read, when the stream kept within the limit.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the size seen when the stream passed the limit (the bytes kept and the chunk that passed it); -1 when it did not.</summary>
    public long TooLargeAt { get; private set; } = -1;

    /// <summary>Gets the bytes read.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Reads the whole stream, or up to the chunk that passes <paramref name="limit"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<PooledStreamReader> ReadAsync(Stream stream, int limit, int chunk, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reader = new PooledStreamReader(ArrayPool<byte>.Shared.Rent(chunk));
        try
        {
            while (true)
            {
                if (reader._buffer.Length - reader.Length < chunk)
                {
                    reader.Grow(reader.Length + chunk);
                }

                var read = await stream.ReadAsync(reader._buffer.AsMemory(reader.Length, chunk), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return reader;
                }

                if ((long)reader.Length + read > limit)
                {
                    reader.TooLargeAt = (long)reader.Length + read;
                    reader.Length = 0;
                    return reader;
                }

                reader.Length += read;
            }
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        var buffer = _buffer;
        if (buffer.Length == 0)
        {
            return;
        }

        _buffer = [];
        buffer.AsSpan().Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)needed, 2L * _buffer.Length)));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        _buffer.AsSpan(0, Length).Clear();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
