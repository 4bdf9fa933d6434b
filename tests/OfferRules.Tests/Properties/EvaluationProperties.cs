using System.Text;
using FsCheck.Xunit;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Properties;

/// <summary>Totality and determinism of reading and evaluating, over generated input.</summary>
public sealed class EvaluationProperties
{
    [Property(MaxTest = 10_000)]
    public bool ReadCase_AnyText_IsReadOrInvalidNeverThrows(string? text)
    {
        var result = CaseJson.Read(text ?? string.Empty);
        return result.Success || (!result.Diagnostics.IsEmpty && result.Diagnostics.All(i => i.Path.StartsWith('$')));
    }

    [Property(MaxTest = 10_000)]
    public bool ReadCase_AnyBytes_IsReadOrInvalidNeverThrows(byte[] bytes)
    {
        var result = CaseJson.Read(bytes ?? []);
        return result.Success || !result.Diagnostics.IsEmpty;
    }

    [Property(MaxTest = 10_000)]
    public bool LoadRuleSet_AnyText_LoadsOrDiagnosesNeverThrows(string? text)
    {
        var result = RuleSetJson.Load(text ?? string.Empty);
        return result.Success != !result.Diagnostics.IsEmpty;
    }

    [Property(MaxTest = 10_000)]
    public bool Evaluate_GeneratedCase_IsTotalAndDeterministic(int seed)
    {
        var @case = RandomCase(new Random(seed));
        var first = OfferEvaluator.Default.Evaluate(@case);
        var second = OfferEvaluator.Default.Evaluate(@case);
        var decision = OfferEvaluator.Default.Decide(@case);
        return EvaluationJson.ToJson(first) == EvaluationJson.ToJson(second)
            && decision == new Decision(first.Status, first.Outlook, first.Confidence)
            && (first.Status == EvaluationStatus.Evaluated) == (first.Outlook is not null);
    }

    [Property(MaxTest = 10_000)]
    public bool Evaluate_EveryFindingAndMessage_IsComplete(int seed, bool japanese)
    {
        var @case = RandomCase(new Random(seed));
        var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = japanese ? "ja" : "en" });
        var rules = OfferEvaluator.Default.RuleSet.GetRuleIds(@case.Kind).ToHashSet();
        var texts = result.Findings.Select(f => f.Message)
            .Concat(result.Conditions.Select(c => c.Message))
            .Concat(result.FailureReasons.Select(c => c.Message))
            .Concat(result.MissingFacts.Select(m => m.Message));
        return result.Findings.All(f => rules.Contains(f.RuleId))
            && texts.All(t => t.Length > 0 && !t.Contains('{', StringComparison.Ordinal) && !t.Contains('}', StringComparison.Ordinal));
    }

    /// <summary>A random case over every fact; the generator is shared with the benchmarks, so both use one distribution.</summary>
    internal static OfferCase RandomCase(Random r) => OfferRules.Benchmarks.Data.CaseGenerator.Next(r);
}
