using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OfferRules.Rules;

namespace OfferRules.Serialization;

/// <summary>The outcome of loading a rule set: the rule set, or every problem found. Loading never throws for bad input.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleSetLoadResult
{
    internal RuleSetLoadResult(RuleSet? value, ImmutableArray<RuleSetDiagnostic> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets a value indicating whether the rule set loaded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success => Value is not null;

    /// <summary>Gets the rule set, or <see langword="null"/> when it did not load.</summary>
    public RuleSet? Value { get; }

    /// <summary>Gets every problem found, each with a JSON Pointer; empty on success.</summary>
    public ImmutableArray<RuleSetDiagnostic> Diagnostics { get; }

    /// <summary>Gets the rule set when it loaded.</summary>
    /// <param name="ruleSet">The rule set, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the rule set loaded.</returns>
    public bool TryGetValue([NotNullWhen(true)] out RuleSet? ruleSet)
    {
        ruleSet = Value;
        return ruleSet is not null;
    }

    /// <summary>Gets the rule set, or throws with every diagnostic.</summary>
    /// <returns>The rule set.</returns>
    /// <exception cref="RuleSetLoadException">The rule set did not load.</exception>
    public RuleSet GetValueOrThrow() => Value ?? throw new RuleSetLoadException(Diagnostics);
}
