namespace OfferRules.Evaluation;

/// <summary>A problem found in a case.</summary>
/// <param name="Severity">Whether the problem stops the evaluation.</param>
/// <param name="Code">A stable code, for example <c>V-01</c> or <c>case.unknownProperty</c>.</param>
/// <param name="Path">Where the problem is, as a JSON path such as <c>$.decline.channel</c>; <c>$</c> for the whole case.</param>
/// <param name="Message">The problem in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ValidationIssue(IssueSeverity Severity, string Code, string Path, string Message);
