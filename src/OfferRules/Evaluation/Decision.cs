namespace OfferRules.Evaluation;

/// <summary>The outlook and confidence for a case, without explanations. Computing one allocates nothing.</summary>
/// <param name="Status">Whether the case could be evaluated.</param>
/// <param name="Outlook">The outlook; <see langword="null"/> when the case is invalid.</param>
/// <param name="Confidence">The confidence; <see langword="null"/> when the case is invalid.</param>
public readonly record struct Decision(EvaluationStatus Status, Outlook? Outlook, Confidence? Confidence);
