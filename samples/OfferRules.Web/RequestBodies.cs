using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;

namespace OfferRules.Web;

/// <summary>Reads request bodies within a size limit, whole or as JSON Lines.</summary>
internal static class RequestBodies
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Why a batch line was not read as a case.</summary>
    internal enum LineProblem
    {
        /// <summary>The line was read.</summary>
        None,

        /// <summary>The line is longer than the case limit; the rest of it was skipped.</summary>
        LineTooLarge,

        /// <summary>The batch is larger than its limit; reading stopped here.</summary>
        BatchTooLarge,

        /// <summary>The batch holds more cases than its limit; reading stopped here.</summary>
        TooManyCases,
    }

    /// <summary>One line of a batch.</summary>
    /// <param name="Number">The 1-based line number in the body.</param>
    /// <param name="Bytes">The line's bytes without its line break; empty when <paramref name="Problem"/> is set.</param>
    /// <param name="Problem">Why the line was not read, if it was not.</param>
    internal readonly record struct BatchLine(int Number, byte[] Bytes, LineProblem Problem);

    /// <summary>Lowers the server's own limit for this request's body, where the server allows it.</summary>
    /// <param name="context">The request.</param>
    /// <param name="limit">The limit in bytes.</param>
    public static void LimitBody(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    /// <summary>Reads the whole body, or gives up as soon as it is over the limit.</summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads a body as JSON Lines, one line at a time as it arrives. Blank lines are skipped (their numbers still
    /// count). A line over <paramref name="maxLineBytes"/> comes back with <see cref="LineProblem.LineTooLarge"/> and
    /// reading goes on; a body over <paramref name="maxTotalBytes"/> or with more than <paramref name="maxCases"/>
    /// cases ends with one line that says so.
    /// </summary>
    /// <param name="body">The request body.</param>
    /// <param name="maxLineBytes">The largest line.</param>
    /// <param name="maxTotalBytes">The largest body.</param>
    /// <param name="maxCases">The most non-blank lines.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lines.</returns>
    public static async IAsyncEnumerable<BatchLine> ReadLinesAsync(
        Stream body, int maxLineBytes, long maxTotalBytes, int maxCases, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkSize];
        using var line = new MemoryStream();
        var lineTooLarge = false;
        long total = 0;
        var number = 0;
        var cases = 0;
        while (true)
        {
            var read = 0;
            var overLimit = false;
            try
            {
                read = await body.ReadAsync(chunk, cancellationToken);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                overLimit = true;
            }

            total += read;
            if (overLimit || total > maxTotalBytes)
            {
                yield return new BatchLine(number + 1, [], LineProblem.BatchTooLarge);
                yield break;
            }

            if (read == 0)
            {
                break;
            }

            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                if (!lineTooLarge)
                {
                    if (line.Length + (end - start) > maxLineBytes)
                    {
                        lineTooLarge = true;
                    }
                    else
                    {
                        line.Write(chunk, start, end - start);
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                start = newline + 1;
                number++;
                if (Take(line, ref lineTooLarge, number) is { } taken)
                {
                    if (++cases > maxCases)
                    {
                        yield return new BatchLine(number, [], LineProblem.TooManyCases);
                        yield break;
                    }

                    yield return taken;
                }
            }
        }

        if (line.Length > 0 || lineTooLarge)
        {
            number++;
            if (Take(line, ref lineTooLarge, number) is { } last)
            {
                if (++cases > maxCases)
                {
                    yield return new BatchLine(number, [], LineProblem.TooManyCases);
                    yield break;
                }

                yield return last;
            }
        }
    }

    private static BatchLine? Take(MemoryStream line, ref bool lineTooLarge, int number)
    {
        BatchLine? taken;
        if (lineTooLarge)
        {
            taken = new BatchLine(number, [], LineProblem.LineTooLarge);
        }
        else
        {
            var bytes = line.ToArray();
            var length = bytes.Length;
            if (length > 0 && bytes[length - 1] == (byte)'\r')
            {
                length--;
            }

            var text = bytes.AsSpan(0, length);
            taken = text.Trim(" \t\r"u8).IsEmpty ? null : new BatchLine(number, text.ToArray(), LineProblem.None);
        }

        line.SetLength(0);
        lineTooLarge = false;
        return taken;
    }
}
