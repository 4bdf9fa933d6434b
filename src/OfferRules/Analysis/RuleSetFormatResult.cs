using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>The outcome of <see cref="RuleSetAnalysis.Format(string)"/>: the file in the canonical layout, or why it could not be formatted.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleSetFormatResult
{
    internal RuleSetFormatResult(string? text, bool changed, ImmutableArray<RuleSetDiagnostic> diagnostics)
    {
        Text = text;
        Changed = changed;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets a value indicating whether the file could be formatted.</summary>
    [MemberNotNullWhen(true, nameof(Text))]
    public bool Success => Text is not null;

    /// <summary>Gets the formatted text (UTF-8 when written, no byte order mark, <c>\n</c> line ends, a final line break), or <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>Gets a value indicating whether the formatted text differs from the input, byte for byte; <see langword="false"/> when formatting failed.</summary>
    public bool Changed { get; }

    /// <summary>
    /// Gets why the file could not be formatted: its load errors (only a file that loads is formatted, so that the
    /// meaning is known to be kept), or a <c>format.comments</c> problem for a file with comments, which the canonical
    /// layout has no place for. Empty on success.
    /// </summary>
    public ImmutableArray<RuleSetDiagnostic> Diagnostics { get; }
}
