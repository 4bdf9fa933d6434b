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

    /// <summary>
    /// Gets the parts of the explanation to compute when <see cref="Explain"/> is <see langword="true"/>. A part not
    /// asked for is not computed: its collection in the result is empty and its value <see langword="null"/> (the
    /// JSON keeps the key, with <c>[]</c> or <c>null</c>). The default, <see cref="EvaluationParts.All"/>, gives the
    /// full result; <see cref="EvaluationParts.None"/> gives the same result as <see cref="Explain"/> set to
    /// <see langword="false"/>. <see cref="EvaluationResult.Parts"/> says which parts a result holds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value has a bit that names no part.</exception>
    /// <example>
    /// Findings and conditions only, the fair counterpart of the per-rule results of other rule engines:
    /// <code>
    /// var options = new EvaluationOptions { Parts = EvaluationParts.Findings | EvaluationParts.Conditions };
    /// var result = OfferEvaluator.Default.Evaluate(offerCase, options);
    /// </code>
    /// </example>
    public EvaluationParts Parts
    {
        get;
        init => field = (value & ~EvaluationParts.All) != 0
            ? throw new ArgumentOutOfRangeException(nameof(Parts), value, "The parts must be a combination of the EvaluationParts flags.")
            : value;
    } = EvaluationParts.All;

    /// <summary>The parts actually computed: none when the result is not explained.</summary>
    internal EvaluationParts EffectiveParts => Explain ? Parts : EvaluationParts.None;

    internal Language ResolvedLanguage => ResolveLanguage(Language);

    internal static Language ResolveLanguage(string tag) =>
        tag.Equals("ja", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("ja-", StringComparison.OrdinalIgnoreCase)
            ? Facts.Language.Japanese
            : Facts.Language.English;
}
