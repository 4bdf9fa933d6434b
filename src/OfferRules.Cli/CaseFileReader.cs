using System.Buffers;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>
/// Reads a case argument with a bound: a regular file, but also a pipe, a FIFO, <c>/dev/stdin</c> or a device such
/// as <c>/dev/zero</c>, whose size nobody can know before reading. At most <see cref="CaseJson.MaxBytes"/> and one
/// byte more are read; a longer input is a <c>case.tooLarge</c> issue, never a read without end.
/// </summary>
internal static class CaseFileReader
{
    private const int Chunk = 64 * 1024;

    /// <summary>Reads <paramref name="path"/>, or says why it could not be evaluated.</summary>
    /// <param name="path">The case argument.</param>
    /// <param name="limit">The most bytes a case may have.</param>
    /// <param name="ja">Whether issues are in Japanese.</param>
    /// <param name="issue">Why the file cannot be evaluated, when the method returns <see langword="null"/>.</param>
    /// <returns>The bytes, or <see langword="null"/> with <paramref name="issue"/> set.</returns>
    public static byte[]? Read(string path, int limit, bool ja, out ValidationIssue? issue)
    {
        issue = null;
        try
        {
            // A regular file says its size: one over the limit is turned down without reading it.
            var info = new FileInfo(path);
            if (info.Exists && info.Length > limit)
            {
                issue = new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", Say(
                    ja,
                    $"The file is {info.Length} bytes; the limit is {limit}.",
                    $"ファイルが{info.Length}バイトあり、上限の{limit}バイトを超えています。"));
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            return ReadBounded(stream, limit, ja, out issue);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var message = ex is FileNotFoundException or DirectoryNotFoundException
                ? Say(ja, $"The file '{path}' does not exist.", $"ファイル '{path}' が見つかりません。")
                : Say(ja, $"The file '{path}' could not be read: {ex.Message}", $"ファイル '{path}' を読み込めません:{ex.Message}");
            issue = new ValidationIssue(IssueSeverity.Error, "file.unreadable", "$", message);
            return null;
        }
    }

    /// <summary>Reads a stream to its end or to one byte past <paramref name="limit"/>, whichever comes first.</summary>
    public static byte[]? ReadBounded(Stream stream, int limit, bool ja, out ValidationIssue? issue)
    {
        var bytes = ReadAtMost(stream, limit + 1);
        issue = bytes.Length <= limit ? null : new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", Say(
            ja,
            $"The input is longer than the limit of {limit} bytes; reading stopped there.",
            $"入力が上限の{limit}バイトを超えたため、そこで読み込みを止めました。"));
        return issue is null ? bytes : null;
    }

    /// <summary>
    /// Reads a file, a FIFO or a device such as <c>/dev/stdin</c> to its end or to <paramref name="maxBytes"/>,
    /// whichever comes first (a rule file is read to one byte over its limit, and the loader reports it too large).
    /// </summary>
    /// <exception cref="IOException">The file could not be opened or read (and the other exceptions of <see cref="FileStream"/>).</exception>
    public static byte[] ReadFileAtMost(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return ReadAtMost(stream, maxBytes);
    }

    /// <summary>Reads a stream to its end or to <paramref name="maxBytes"/>, whichever comes first.</summary>
    public static byte[] ReadAtMost(Stream stream, int maxBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(Chunk, maxBytes));
        try
        {
            var length = 0;
            while (length < maxBytes)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, length, Math.Min(buffer.Length, maxBytes) - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
