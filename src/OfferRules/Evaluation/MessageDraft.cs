namespace OfferRules.Evaluation;

/// <summary>A message the candidate can adapt and use: a phone script, an email or a letter, personalised from the case.</summary>
/// <param name="Id">The stable id of the draft, for example <c>D-EMAIL</c>.</param>
/// <param name="Kind">The kind of draft.</param>
/// <param name="Title">What the draft is for.</param>
/// <param name="Subject">The subject line of an email; otherwise <see langword="null"/>.</param>
/// <param name="Body">The text. Names that the case does not give are left as bracketed placeholders.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record MessageDraft(string Id, DraftKind Kind, string Title, string? Subject, string Body);
