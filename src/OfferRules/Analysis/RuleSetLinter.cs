using System.Collections.Immutable;
using OfferRules.Rules;

namespace OfferRules.Analysis;

/// <summary>Finds the lint warnings of a loaded rule set (see <see cref="RuleSetLintCodes"/>).</summary>
internal static class RuleSetLinter
{
    public static ImmutableArray<AnalysisIssue> Lint(RuleSet ruleSet) => throw new NotImplementedException("Lint is not implemented yet.");

    public static ImmutableArray<AnalysisIssue> Locate(ReadOnlySpan<byte> utf8Json, ImmutableArray<AnalysisIssue> issues) => throw new NotImplementedException();
}
