using OfferRules.Internal;

namespace OfferRules.Evaluation;

/// <summary>A problem found in a case.</summary>
/// <param name="Severity">Whether the problem stops the evaluation.</param>
/// <param name="Code">A stable code, for example <c>V-01</c> or <c>case.unknownProperty</c>.</param>
/// <param name="Path">Where the problem is, as a JSON path such as <c>$.decline.channel</c>; <c>$</c> for the whole case.</param>
/// <param name="Message">The problem in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ValidationIssue(IssueSeverity Severity, string Code, string Path, string Message)
{
    /// <summary>
    /// Gets the issue as one line: <c>{severity} {code} at {path}: {message}</c>, such as
    /// <c>error case.invalidValue at $.decline.channel: the string "fax" is not a valid channel. …</c>.
    /// The severity is written as in the evaluation JSON (<c>error</c> or <c>warning</c>). Control characters and
    /// bidirectional overrides in the code, path and message are written as <c>\uXXXX</c>, so that a line cannot be
    /// split or reordered by text that came from a file.
    /// </summary>
    /// <returns>The issue on one line.</returns>
    public override string ToString() =>
        $"{JsonNames<IssueSeverity>.Of(Severity)} {Serialization.JsonWalker.Printable(Code)} at {Serialization.JsonWalker.Printable(Path)}: {Serialization.JsonWalker.Printable(Message)}";
}
