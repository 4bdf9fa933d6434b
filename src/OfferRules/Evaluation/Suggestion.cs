namespace OfferRules.Evaluation;

/// <summary>A fact whose value would raise the outlook, with the outlook it would give.</summary>
/// <param name="Fact">The catalog name of the fact, for example <c>company.seatStatus</c>.</param>
/// <param name="Value">The value that would help, as written in the case JSON.</param>
/// <param name="Outlook">The outlook the case would have with that value.</param>
/// <param name="Kind">Whether this is something to find out or something to do.</param>
/// <param name="Message">The suggestion in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Suggestion(string Fact, string Value, Outlook Outlook, SuggestionKind Kind, string Message);
