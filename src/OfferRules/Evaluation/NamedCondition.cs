namespace OfferRules.Evaluation;

/// <summary>The state of one named condition of the rule set for a case, such as "seats still open".</summary>
/// <param name="Id">The stable id of the condition, for example <c>seatsStillOpen</c>.</param>
/// <param name="Title">A short title for a person.</param>
/// <param name="State">Met, not met, or unknown.</param>
/// <param name="Message">What the state means for this case.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record NamedCondition(string Id, string Title, ConditionState State, string Message);
