using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Serialization;

/// <summary>The outcome of reading a case from JSON: the case, or every problem found. Reading never throws for bad input.</summary>
/// <remarks>
/// <para>
/// This type has the same shape as <see cref="RuleSetLoadResult"/>: <see cref="TryGetValue"/> and
/// <see cref="GetValueOrThrow"/> to take the case, <see cref="Diagnostics"/> for the problems, and <see cref="Success"/>
/// and <see cref="Value"/> for code that prefers to test first. <see cref="Issues"/>, the earlier name of
/// <see cref="Diagnostics"/>, is obsolete and goes before 1.0.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class CaseReadResult
{
    internal CaseReadResult(OfferCase? value, ImmutableArray<ValidationIssue> issues)
    {
        Value = value;
        Diagnostics = issues;
    }

    /// <summary>Gets a value indicating whether the case was read.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success => Value is not null;

    /// <summary>Gets the case, or <see langword="null"/> when the JSON has errors.</summary>
    public OfferCase? Value { get; }

    /// <summary>Gets every problem found, each with a JSON path such as <c>$.decline.channel</c>; empty when the case was read.</summary>
    public ImmutableArray<ValidationIssue> Diagnostics { get; }

    /// <summary>Gets the problems found; the same list as <see cref="Diagnostics"/>.</summary>
    [Obsolete("Use Diagnostics, the name RuleSetLoadResult uses too. Issues will be removed before 1.0.")]
    public ImmutableArray<ValidationIssue> Issues => Diagnostics;

    /// <summary>Gets the case when it was read.</summary>
    /// <param name="offerCase">The case, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the case was read.</returns>
    public bool TryGetValue([NotNullWhen(true)] out OfferCase? offerCase)
    {
        offerCase = Value;
        return offerCase is not null;
    }

    /// <summary>Gets the case, or throws with every problem found.</summary>
    /// <returns>The case.</returns>
    /// <exception cref="CaseReadException">The JSON has errors; <see cref="CaseReadException.Diagnostics"/> lists them.</exception>
    public OfferCase GetValueOrThrow() => Value ?? throw new CaseReadException(Diagnostics);
}
