using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Serialization;

/// <summary>The outcome of reading a case from JSON: the case, or every problem found. Reading never throws for bad input.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class CaseReadResult
{
    internal CaseReadResult(OfferCase? value, ImmutableArray<ValidationIssue> issues)
    {
        Value = value;
        Issues = issues;
    }

    /// <summary>Gets a value indicating whether the case was read.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success => Value is not null;

    /// <summary>Gets the case, or <see langword="null"/> when the JSON has errors.</summary>
    public OfferCase? Value { get; }

    /// <summary>Gets the problems found, each with a JSON path such as <c>$.decline.channel</c>.</summary>
    public ImmutableArray<ValidationIssue> Issues { get; }
}
