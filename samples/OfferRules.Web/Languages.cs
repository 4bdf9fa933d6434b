namespace OfferRules.Web;

/// <summary>The two languages the site speaks.</summary>
internal static class Languages
{
    /// <summary>The language codes, Japanese first.</summary>
    public static readonly IReadOnlyList<string> All = ["ja", "en"];

    /// <summary>Normalises a language given by a client.</summary>
    /// <param name="tag">The tag, such as <c>ja</c>, <c>JA</c>, <c>ja-JP</c> or <c>en-GB</c>.</param>
    /// <returns><c>ja</c>, <c>en</c>, or <see langword="null"/> for any other language.</returns>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Split('-', 2)[0].Trim();
        return primary.Equals("ja", StringComparison.OrdinalIgnoreCase) ? "ja"
            : primary.Equals("en", StringComparison.OrdinalIgnoreCase) ? "en"
            : null;
    }

    /// <summary>Picks the Japanese or the English text.</summary>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <param name="en">The English text.</param>
    /// <param name="ja">The Japanese text.</param>
    /// <returns>The text in the language.</returns>
    public static string Say(string language, string en, string ja) => language == "ja" ? ja : en;
}
