using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>
/// The outcome of checking a rule file with <see cref="RuleSetAnalysis.Check(ReadOnlySpan{byte}, RuleSetLimits)"/>:
/// the load errors (exactly those <see cref="RuleSetJson"/> reports) and, when it loaded, the lint warnings.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleSetCheckResult
{
    internal RuleSetCheckResult(RuleSet? ruleSet, ImmutableArray<RuleSetDiagnostic> errors, ImmutableArray<AnalysisIssue> warnings)
    {
        RuleSet = ruleSet;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>Gets a value indicating whether the file loaded (it may still have warnings).</summary>
    [MemberNotNullWhen(true, nameof(RuleSet))]
    public bool Success => RuleSet is not null;

    /// <summary>Gets the loaded rule set, or <see langword="null"/> when the file has errors.</summary>
    public RuleSet? RuleSet { get; }

    /// <summary>Gets every load error, each with a JSON Pointer, line and column, and a "did you mean" where one helps; empty when the file loaded.</summary>
    public ImmutableArray<RuleSetDiagnostic> Errors { get; }

    /// <summary>Gets the lint warnings, in file order; empty when the file has errors (lint needs a loaded rule set).</summary>
    public ImmutableArray<AnalysisIssue> Warnings { get; }
}
