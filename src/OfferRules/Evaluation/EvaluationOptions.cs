using OfferRules.Facts;

namespace OfferRules.Evaluation;

/// <summary>How an evaluation is carried out and in which language it speaks.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EvaluationOptions
{
    /// <summary>Gets the default options: English, full explanation.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>
    /// Gets the language of the messages as a language tag, for example <c>en</c>, <c>ja</c> or <c>ja-JP</c>.
    /// Languages without their own texts fall back to English. The default is <c>en</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or white space.</exception>
    public string Language
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("The language must be a language tag such as 'en' or 'ja'.", nameof(Language))
            : value;
    } = "en";

    /// <summary>
    /// Gets a value indicating whether to explain: findings, conditions, failure reasons and missing facts with their
    /// messages. When <see langword="false"/> only the status, outlook, confidence and issues are filled. The default is <see langword="true"/>.
    /// </summary>
    public bool Explain { get; init; } = true;

    internal Language ResolvedLanguage => ResolveLanguage(Language);

    internal static Language ResolveLanguage(string tag) =>
        tag.Equals("ja", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("ja-", StringComparison.OrdinalIgnoreCase)
            ? Facts.Language.Japanese
            : Facts.Language.English;
}
