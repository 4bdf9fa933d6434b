namespace OfferRules.Evaluation;

/// <summary>A caveat or a fallback: advice with a stable id.</summary>
/// <param name="Id">The stable id, for example <c>C-01</c> or <c>B-02</c>.</param>
/// <param name="Message">The advice, in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Advice(string Id, string Message);
