using System.Collections.Immutable;
using OfferRules.Domain;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>A compiled rule of a policy.</summary>
internal sealed record RulePlan(RuleModel Model, PlanNode When);

/// <summary>A compiled named condition.</summary>
internal sealed record NamedConditionPlan(NamedConditionModel Model, int Index);

/// <summary>A compiled action step, caveat or fallback.</summary>
internal sealed record ItemPlan<TModel>(TModel Model, PlanNode When);

/// <summary>A compiled message draft: its condition and the condition of each part.</summary>
internal sealed record DraftPlan(DraftModel Model, PlanNode When, ImmutableArray<(PlanNode? When, LocalizedText Text)> Parts);

/// <summary>The compiled form of one policy: immutable, shared by every evaluation.</summary>
internal sealed class PolicyPlan
{
    public required CaseKind Kind { get; init; }

    /// <summary>Gets the roots of the named conditions, indexed like the memo.</summary>
    public required PlanNode?[] Named { get; init; }

    public required ImmutableArray<NamedConditionPlan> Conditions { get; init; }

    /// <summary>Gets every rule in the order it runs: terminal and override first, then base, adjust, cap, info.</summary>
    public required ImmutableArray<RulePlan> Rules { get; init; }

    /// <summary>Gets the index of the first override (floor) rule; the rules before it are terminal.</summary>
    public required int FirstOverride { get; init; }

    public required int FirstBase { get; init; }

    public required int FirstAdjust { get; init; }

    public required int FirstCap { get; init; }

    public required int FirstInfo { get; init; }

    public required ImmutableArray<(Confidence Level, PlanNode When)> Confidence { get; init; }

    public required Confidence ConfidenceOtherwise { get; init; }

    public required ImmutableArray<ItemPlan<ActionModel>> Actions { get; init; }

    public required ImmutableArray<ItemPlan<AdviceModel>> Caveats { get; init; }

    public required ImmutableArray<ItemPlan<AdviceModel>> Fallbacks { get; init; }

    public required ImmutableArray<DraftPlan> Drafts { get; init; }

    /// <summary>Gets the input facts this policy reads, directly or through derived facts, in catalog order.</summary>
    public required ImmutableArray<int> InputFacts { get; init; }

    /// <summary>
    /// Gets the day counts, ascending, past which the outlook of this kind of case can change: the timing bands'
    /// one-week and late lines for a decline, the thresholds the rules compare the days since a missed call with.
    /// </summary>
    public required ImmutableArray<int> DayBoundaries { get; init; }

    /// <summary>Gets, per int fact, the values worth probing when a date behind it is unknown.</summary>
    public required ImmutableDictionary<int, ImmutableArray<int>> IntProbes { get; init; }
}

/// <summary>The compiled form of a whole rule set.</summary>
internal sealed class RuleSetPlan
{
    public required RuleSetModel Model { get; init; }

    public required ImmutableArray<(Facts.ConductQuality Value, PlanNode When)> Conduct { get; init; }

    public required ImmutableArray<PolicyPlan> Policies { get; init; }

    public PolicyPlan? Find(CaseKind kind)
    {
        foreach (var policy in Policies)
        {
            if (policy.Kind == kind)
            {
                return policy;
            }
        }

        return null;
    }
}
