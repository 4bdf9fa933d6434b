using OfferRules.Domain;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Evaluation;

/// <summary>
/// Evaluates cases against one rule set. <see cref="OfferEvaluator"/> is the implementation; the interface is the seam
/// for hosts that resolve evaluators from a container and for tests that replace one.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface IOfferEvaluator
{
    /// <summary>Gets the rule set this evaluator applies.</summary>
    RuleSet RuleSet { get; }

    /// <summary>Decides the outlook and confidence of a case without explaining them.</summary>
    /// <param name="offerCase">The case.</param>
    /// <returns>The decision; <see cref="EvaluationStatus.Invalid"/> when the case has errors.</returns>
    Decision Decide(OfferCase offerCase);

    /// <summary>Evaluates a case and explains the result.</summary>
    /// <param name="offerCase">The case.</param>
    /// <param name="options">The language and level of detail; <see cref="EvaluationOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The result, never <see langword="null"/>.</returns>
    EvaluationResult Evaluate(OfferCase offerCase, EvaluationOptions? options = null);

    /// <summary>Reads a case from UTF-8 JSON and evaluates it; bad JSON gives an <see cref="EvaluationStatus.Invalid"/> result.</summary>
    /// <param name="utf8Json">The case, in the case JSON contract.</param>
    /// <param name="options">The language and level of detail; <see cref="EvaluationOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The result, never <see langword="null"/>.</returns>
    EvaluationResult EvaluateJson(ReadOnlySpan<byte> utf8Json, EvaluationOptions? options = null);

    /// <summary>
    /// Reads a case from a stream of UTF-8 JSON asynchronously and evaluates it; bad or oversized JSON gives an
    /// <see cref="EvaluationStatus.Invalid"/> result.
    /// </summary>
    /// <remarks>
    /// The default implementation reads the stream into a pooled buffer, at most <see cref="CaseJson.MaxBytes"/> and one
    /// chunk more, and passes it to <see cref="EvaluateJson"/>, so that an implementation written before this member
    /// existed keeps working.
    /// </remarks>
    /// <param name="utf8Json">The case, in the case JSON contract.</param>
    /// <param name="options">The language and level of detail; <see cref="EvaluationOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read; a cancelled read throws, it is not reported as an invalid case.</param>
    /// <returns>The result, never <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    async ValueTask<EvaluationResult> EvaluateJsonAsync(Stream utf8Json, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var bytes = await PooledStreamReader.ReadAsync(utf8Json, CaseJson.MaxBytes, CaseJson.StreamChunk, cancellationToken).ConfigureAwait(false);
        return bytes.TooLargeAt < 0
            ? EvaluateJson(bytes.Span, options)
            : EvaluationResult.CreateInvalid(RuleSet, [CaseJson.TooLargeIssue(bytes.TooLargeAt, options?.Language)]);
    }
}
