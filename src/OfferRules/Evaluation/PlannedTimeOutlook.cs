namespace OfferRules.Evaluation;

/// <summary>
/// The outlook at the moment the candidate plans to make contact, beside the outlook now: a plan to call days later is
/// judged as the moment the request is made.
/// </summary>
/// <param name="At">The planned moment (Japan time).</param>
/// <param name="Date">The date in Japan of the planned moment, the date the case is decided at here.</param>
/// <param name="Outlook">The outlook if the contact is made then.</param>
/// <param name="Confidence">How firmly that outlook rests on known facts.</param>
/// <param name="PastBoundary">
/// Whether the planned moment falls past a line the rules draw (for a decline, more than 7 or 30 days after it; for missed
/// calls, more than 1 or 7 days after the first one) that the contact would still be on the right side of now.
/// </param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PlannedTimeOutlook(DateTimeOffset At, DateOnly Date, Outlook Outlook, Confidence Confidence, bool PastBoundary);
