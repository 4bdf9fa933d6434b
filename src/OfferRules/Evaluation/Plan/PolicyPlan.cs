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

    /// <summary>Gets the flat program of the named conditions, the rules and the confidence levels.</summary>
    public required PlanProgram Program { get; init; }

    /// <summary>Gets the root in <see cref="Program"/> of each rule, in <see cref="Rules"/> order.</summary>
    public required int[] RuleRoots { get; init; }

    /// <summary>Gets each rule's effect as a number: its outlook, or its score step for an adjustment.</summary>
    public required int[] RuleValues { get; init; }

    /// <summary>Gets the root in <see cref="Program"/> of each confidence level, in order.</summary>
    public required int[] ConfidenceRoots { get; init; }

    /// <summary>Gets the confidence levels, in order.</summary>
    public required Confidence[] ConfidenceLevels { get; init; }

    /// <summary>Gets, per rule, the input facts (bits by <see cref="Facts.FactId"/>) its truth depends on, through references and derived facts.</summary>
    public required ulong[] RuleMasks { get; init; }

    /// <summary>Gets, per named condition, the input facts its truth depends on.</summary>
    public required ulong[] NamedMasks { get; init; }

    /// <summary>Gets the input facts the outlook depends on: the union of the masks of every rule but the info rules.</summary>
    public required ulong DecisionMask { get; init; }

    /// <summary>Gets the sections of a case this policy's decision reads.</summary>
    public required Facts.FactSections Sections { get; init; }

    /// <summary>Gets whether the decision reads the conduct derivation.</summary>
    public required bool ReadsConduct { get; init; }

    /// <summary>Gets, per fact, how to probe it for "what would help" and the missing facts; <see langword="null"/> for a fact no probe can move.</summary>
    public required FactProbe?[] Probes { get; init; }

    private RecommendationProgram? _recommendations;

    /// <summary>Gets the flat program of the recommendations' conditions, built on first use.</summary>
    public RecommendationProgram Recommendations =>
        _recommendations ?? Interlocked.CompareExchange(ref _recommendations, RecommendationProgram.Build(this), null) ?? _recommendations!;

    private Finding?[]? _findings;
    private NamedCondition?[]? _conditions;

    /// <summary>
    /// Gets the findings whose texts have no placeholder, made once and shared by every result (they are immutable): four
    /// per rule, by whether it changed the outlook and by language; see <see cref="FindingSlot"/>.
    /// </summary>
    public Finding?[] SharedFindings => _findings ?? Interlocked.CompareExchange(ref _findings, new Finding?[Rules.Length * 4], null) ?? _findings;

    /// <summary>Gets the named conditions whose texts have no placeholder, made once and shared: six per condition, by state and language.</summary>
    public NamedCondition?[] SharedConditions => _conditions ?? Interlocked.CompareExchange(ref _conditions, new NamedCondition?[Conditions.Length * 6], null) ?? _conditions;

    /// <summary>Gets the slot in <see cref="SharedFindings"/> of a rule's finding.</summary>
    public static int FindingSlot(int rule, bool changed, Facts.Language language) => (rule * 4) + (changed ? 2 : 0) + (int)language;

    /// <summary>Gets the slot in <see cref="SharedConditions"/> of a named condition in a state.</summary>
    public static int ConditionSlot(int condition, ConditionState state, Facts.Language language) => (condition * 6) + ((int)state * 2) + (int)language;

    // The decision diagram, built on first use: s_noDiagram when it would pass the budget.
    private object? _diagram;
    private static readonly object s_noDiagram = new();

    /// <summary>
    /// Gets the decision as a diagram, built the first time it is asked for (so that loading a rule set does not pay for
    /// it), or <see langword="null"/> when the policy is too large for one and is decided by its program. Thread-safe:
    /// two threads that build it at once build equal diagrams and one is kept.
    /// </summary>
    public DecisionDiagram? Diagram(RuleSetPlan plan)
    {
        var diagram = Volatile.Read(ref _diagram);
        if (diagram is null)
        {
            diagram = DecisionDiagramBuilder.TryBuild(plan, this) ?? s_noDiagram;
            diagram = Interlocked.CompareExchange(ref _diagram, diagram, null) ?? diagram;
        }

        return diagram as DecisionDiagram;
    }
}

/// <summary>
/// How one input fact is probed: the facts it can move and the classes of its values that give the same truths to every
/// comparison the decision makes, so that one value per class is enough.
/// </summary>
internal sealed class FactProbe
{
    /// <summary>Gets the fact's bit in the rule masks.</summary>
    public required ulong Bit { get; init; }

    /// <summary>Gets the named conditions whose truth depends on the fact: their memo entries are cleared for a probe.</summary>
    public required int[] Dependents { get; init; }

    /// <summary>
    /// Gets, for a yes/no or enum fact, the class of each code (indexed by code). Codes of one class give every
    /// comparison on the fact the same truth and are all suggestible or all not.
    /// </summary>
    public int[]? ValueClasses { get; init; }

    /// <summary>
    /// Gets, for a date fact behind a day count, the cuts on that day count, ascending: a cut <c>c</c> means some
    /// comparison (or timing band line) may differ between <c>c</c> and <c>c + 1</c> days.
    /// </summary>
    public long[]? DayCuts { get; init; }

    /// <summary>Gets the comparisons that read the date fact itself (with date literals).</summary>
    public (Instruction Instruction, int[][] Lists)[] DateComparisons { get; init; } = [];

    /// <summary>Gets an upper bound of the probes one evaluation runs for this fact: its classes of values.</summary>
    public required int MaxProbes { get; init; }

    /// <summary>Gets the condition nodes one probe of this fact re-evaluates at most: the rules and named conditions in its mask, and the conduct derivation when it reads the fact.</summary>
    public required long NodesPerProbe { get; init; }

    /// <summary>Gets the number of cuts below <paramref name="days"/>: two day counts with the same number are in the same class as far as the day count goes.</summary>
    public int DayClass(long days)
    {
        var at = System.Array.BinarySearch(DayCuts!, days);
        return at >= 0 ? at : ~at;
    }
}

/// <summary>The compiled form of a whole rule set.</summary>
internal sealed class RuleSetPlan
{
    public required RuleSetModel Model { get; init; }

    public required ImmutableArray<(Facts.ConductQuality Value, PlanNode When)> Conduct { get; init; }

    public required ImmutableArray<PolicyPlan> Policies { get; init; }

    /// <summary>Gets the flat program of the conduct cases.</summary>
    public required PlanProgram ConductProgram { get; init; }

    /// <summary>Gets the root in <see cref="ConductProgram"/> of each conduct case, in order.</summary>
    public required int[] ConductRoots { get; init; }

    /// <summary>Gets the fact code each conduct case gives (<see cref="Facts.FactCatalog.Unknown"/> for <c>unknown</c>), and last the code of <c>otherwise</c>.</summary>
    public required int[] ConductCodes { get; init; }

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
