namespace OfferRules.Serialization;

/// <summary>
/// Reads a file, a FIFO or a device such as <c>/dev/stdin</c> or <c>/dev/zero</c> to its end or until it passes a
/// limit, whichever comes first. A regular file's size is known before reading; a pipe's or a device's is not (it reports
/// 0), so the bound must hold while reading, not only before.
/// </summary>
internal static class BoundedFile
{
    private const int Chunk = 80 * 1024;

    /// <summary>Reads at most <paramref name="limit"/> bytes and one chunk more.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="limit">The largest size accepted.</param>
    /// <param name="tooLargeAt">When the input passed the limit: the bytes seen when reading stopped; otherwise -1.</param>
    /// <returns>The bytes, or <see langword="null"/> when the input is larger than <paramref name="limit"/>.</returns>
    /// <exception cref="IOException">The file could not be opened or read (and the other exceptions of <see cref="FileStream"/>).</exception>
    public static byte[]? Read(string path, int limit, out long tooLargeAt)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return Read(stream, limit, out tooLargeAt);
    }

    /// <summary>Reads a stream to its end, or stops as soon as it passes <paramref name="limit"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="limit">The largest size accepted.</param>
    /// <param name="tooLargeAt">When the stream passed the limit: the bytes seen when reading stopped; otherwise -1.</param>
    /// <returns>The bytes, or <see langword="null"/> when the stream is longer than <paramref name="limit"/>.</returns>
    public static byte[]? Read(Stream stream, int limit, out long tooLargeAt)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[Chunk];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                tooLargeAt = buffer.Length + read;
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        tooLargeAt = -1;
        return buffer.ToArray();
    }
}
