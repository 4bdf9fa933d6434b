using System.Collections.Immutable;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Facts;

namespace OfferRules.Rules;

/// <summary>A text in every language the product speaks.</summary>
internal sealed record LocalizedText(Template En, Template Ja)
{
    public Template Get(Language language) => language == Language.Japanese ? Ja : En;
}

/// <summary>The comparison operators of the rule language.</summary>
internal enum CompareOp
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    IsKnown,
}

/// <summary>
/// A node of a condition tree. The set of node kinds is closed. Only a reference keeps where it is in the file: it is the
/// one node the compiler reports at (an unknown id, a cycle); every other node's problems are found while reading it, so
/// loading makes no pointer string for it.
/// </summary>
internal abstract record ConditionNode;

internal sealed record AllNode(ImmutableArray<ConditionNode> Children) : ConditionNode;

internal sealed record AnyNode(ImmutableArray<ConditionNode> Children) : ConditionNode;

internal sealed record NotNode(ConditionNode Child) : ConditionNode;

internal sealed record AtLeastNode(int Count, ImmutableArray<ConditionNode> Children) : ConditionNode;

/// <summary>A comparison of one fact with literal values (already encoded as fact codes).</summary>
internal sealed record CompareNode(FactDefinition Fact, CompareOp Op, ImmutableArray<int> Values) : ConditionNode;

/// <summary>A reference to a named condition of the same policy.</summary>
/// <param name="Pointer">Where the reference's <c>ref</c> is in the file, such as <c>/policies/0/rules/3/when/ref</c>.</param>
/// <param name="Id">The named condition's id.</param>
internal sealed record RefNode(string Pointer, string Id) : ConditionNode;

/// <summary>The role a named condition plays in a result.</summary>
internal enum ConditionRole
{
    Helper,
    WithdrawalCondition,
    FailureReason,
}

internal sealed record NamedConditionModel(
    string Id,
    string Pointer,
    ConditionRole Role,
    LocalizedText Title,
    ConditionNode When,
    LocalizedText Met,
    LocalizedText NotMet,
    LocalizedText Unknown);

/// <summary>The stages rules run in, in this order.</summary>
internal enum RuleStageModel
{
    Terminal,
    Override,
    Base,
    Adjust,
    Cap,
    Info,
}

internal enum EffectKind
{
    Outlook,
    Score,
    Cap,
    Info,
}

internal sealed record RuleModel(
    string Id,
    string Pointer,
    RuleStageModel Stage,
    ConditionNode When,
    EffectKind Effect,
    Outlook Outlook,
    int Score,
    LocalizedText Fired,
    LocalizedText Unknown,
    LocalizedText? NotFired,
    LocalizedText Basis);

internal sealed record ConfidenceLevelModel(Confidence Level, ConditionNode When);

internal sealed record ActionModel(string Id, string Pointer, ConditionNode When, ActionChannel Channel, ActionTiming Timing, LocalizedText Text);

internal sealed record AdviceModel(string Id, string Pointer, ConditionNode When, LocalizedText Text);

internal sealed record DraftPartModel(ConditionNode? When, LocalizedText Text);

internal sealed record DraftModel(string Id, string Pointer, DraftKind Kind, ConditionNode When, LocalizedText Title, LocalizedText? Subject, ImmutableArray<DraftPartModel> Parts);

internal sealed record RecommendationsModel(
    ImmutableArray<ActionModel> Actions,
    ImmutableArray<AdviceModel> Caveats,
    ImmutableArray<AdviceModel> Fallbacks,
    ImmutableArray<DraftModel> Drafts)
{
    public static RecommendationsModel Empty { get; } = new([], [], [], []);
}

internal sealed record PolicyModel(
    CaseKind Kind,
    string Pointer,
    ImmutableArray<NamedConditionModel> Conditions,
    ImmutableArray<RuleModel> Rules,
    ImmutableArray<ConfidenceLevelModel> Confidence,
    Confidence ConfidenceOtherwise,
    ImmutableHashSet<string> BrokenConditionIds,
    RecommendationsModel Recommendations);

internal sealed record ConductCaseModel(ConductQuality Value, ConditionNode When);

internal sealed record TimingBandsModel(int ImmediateMaxDays, int WithinWeekMaxDays, int LateMaxDays)
{
    public static TimingBandsModel Default { get; } = new(2, 7, 30);
}

/// <summary>Settings of the action plan.</summary>
/// <param name="FollowUpBusinessDays">How many business days without a reply before the plan says to follow up once.</param>
internal sealed record PlanningModel(int FollowUpBusinessDays)
{
    public static PlanningModel Default { get; } = new(3);
}

internal sealed record RuleSetModel(
    string Id,
    string Version,
    LocalizedText Title,
    TimingBandsModel TimingBands,
    PlanningModel Planning,
    ImmutableArray<ConductCaseModel> Conduct,
    ConductQuality ConductOtherwise,
    ImmutableArray<PolicyModel> Policies);
