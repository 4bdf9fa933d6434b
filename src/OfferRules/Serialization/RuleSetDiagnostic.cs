namespace OfferRules.Serialization;

/// <summary>A problem found while loading a rule set.</summary>
/// <param name="Code">A stable code, for example <c>condition.unknownFact</c>.</param>
/// <param name="Path">Where the problem is, as a JSON Pointer (RFC 6901) such as <c>/policies/0/rules/3/when/fact</c>; empty for the whole document.</param>
/// <param name="Message">The problem in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RuleSetDiagnostic(string Code, string Path, string Message)
{
    /// <summary>Gets the 1-based line of the problem in the source text, when it is known.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the 1-based column of the problem in the source text, when it is known.</summary>
    public int? Column { get; init; }

    /// <summary>
    /// Gets the diagnostic as one line, such as <c>/policies/0/rules/3/when/fact (line 41, column 19): … [condition.unknownFact]</c>.
    /// Control characters and bidirectional overrides in the path are written as <c>\uXXXX</c> and a path longer than
    /// 200 characters is shortened, so that a hostile file cannot forge or flood a log line.
    /// </summary>
    /// <returns>The path, the position when known, the message and the code.</returns>
    public override string ToString()
    {
        var path = Path.Length <= 200 ? Path : string.Concat(Path.AsSpan(0, char.IsHighSurrogate(Path[196]) ? 196 : 197), "...");
        var where = Path.Length == 0 ? "(document)" : JsonWalker.Printable(path);
        var position = Line is { } line ? $" (line {line}, column {Column ?? 1})" : string.Empty;
        return $"{where}{position}: {Message} [{Code}]";
    }
}
