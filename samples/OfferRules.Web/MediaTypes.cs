using Microsoft.Net.Http.Headers;

namespace OfferRules.Web;

/// <summary>
/// Which request bodies the API reads. A case is <c>application/json</c>; a batch is JSON Lines,
/// <c>application/x-ndjson</c> or <c>application/jsonl</c>. A <c>charset</c>, if given, must be <c>utf-8</c> (the only
/// encoding the readers decode); other parameters are ignored. Structured-syntax suffixes such as
/// <c>application/merge-patch+json</c> are refused: the suffix says the body is some other JSON format, with rules of
/// its own, and a case is plain JSON. A body with no Content-Type is refused too.
/// </summary>
internal static class MediaTypes
{
    /// <summary>The media type of one case.</summary>
    public const string Json = "application/json";

    /// <summary>The media type of JSON Lines that the site writes and reads.</summary>
    public const string JsonLines = "application/x-ndjson";

    /// <summary>The other name of JSON Lines, which the site also reads.</summary>
    public const string JsonLinesAlternative = "application/jsonl";

    /// <summary>What the single-case endpoints read.</summary>
    public static readonly IReadOnlyList<string> CaseBody = [Json];

    /// <summary>What the batch endpoint reads.</summary>
    public static readonly IReadOnlyList<string> BatchBody = [JsonLines, JsonLinesAlternative];

    /// <summary>Tells whether a Content-Type header names one of the accepted media types, in UTF-8.</summary>
    /// <param name="contentType">The header's value, or <see langword="null"/> when there is none.</param>
    /// <param name="accepted">The accepted media types, in lower case.</param>
    /// <returns><see langword="true"/> when the body may be read.</returns>
    public static bool IsAccepted(string? contentType, IReadOnlyList<string> accepted)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var mediaType = parsed.MediaType.Value;
        if (mediaType is null || !accepted.Any(a => a.Equals(mediaType, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var charset = parsed.Charset;
        return !charset.HasValue || charset.Value.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Content-Type as a client sent it, shortened and made safe to repeat in a message.</summary>
    /// <param name="contentType">The header's value, or <see langword="null"/>.</param>
    /// <returns>The value, at most 100 characters, with control characters replaced; <see langword="null"/> when there is none.</returns>
    public static string? Describe(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var text = contentType.Trim();
        if (text.Length > 100)
        {
            text = text[..100] + "…";
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) || char.GetUnicodeCategory(source[i]) == System.Globalization.UnicodeCategory.Format ? '?' : source[i];
            }
        });
    }
}
