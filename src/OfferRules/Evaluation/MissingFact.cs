namespace OfferRules.Evaluation;

/// <summary>A fact that is not known and whose value could change the outlook.</summary>
/// <param name="Fact">The catalog name of the fact, for example <c>company.seatStatus</c>.</param>
/// <param name="Label">The fact in words.</param>
/// <param name="CouldRaiseTo">The best outlook one value of the fact would give, when it is better than the current one.</param>
/// <param name="CouldLowerTo">The worst outlook one value of the fact would give, when it is worse than the current one.</param>
/// <param name="Message">What finding it out could change.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record MissingFact(string Fact, string Label, Outlook? CouldRaiseTo, Outlook? CouldLowerTo, string Message);
