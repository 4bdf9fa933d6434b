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

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Path.Length == 0 ? "(document)" : Path;
        var position = Line is { } line ? $" (line {line}, column {Column ?? 1})" : string.Empty;
        return $"{where}{position}: {Message} [{Code}]";
    }
}
