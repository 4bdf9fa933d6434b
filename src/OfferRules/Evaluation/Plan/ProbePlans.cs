using System.Collections.Immutable;
using OfferRules.Domain;
using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>
/// The input facts a condition depends on, as bits by <see cref="FactId"/>: through references to named conditions,
/// and through derived facts to the inputs they are computed from.
/// </summary>
internal sealed class FactMasks
{
    private readonly PolicyModel _policy;
    private readonly Dictionary<string, int> _index;
    private readonly ulong _conduct;
    private readonly ulong?[] _named;

    public FactMasks(PolicyModel policy, Dictionary<string, int> index, ulong conduct)
    {
        _policy = policy;
        _index = index;
        _conduct = conduct;
        _named = new ulong?[policy.Conditions.Length];
    }

    /// <summary>Gets the bit of one fact.</summary>
    public static ulong Bit(FactId fact) => 1UL << (int)fact;

    /// <summary>Gets the facts one fact depends on: itself, and for a derived fact the inputs it is computed from.</summary>
    public static ulong Expand(FactId fact, ulong conduct) => Bit(fact) | fact switch
    {
        FactId.TimingBand or FactId.DaysSinceDecline => Bit(FactId.DaysSinceDecline) | Bit(FactId.DeclineDeclinedOn) | Bit(FactId.AsOf),
        FactId.DaysUntilStart => Bit(FactId.OfferStartsOn) | Bit(FactId.AsOf),
        FactId.DaysSinceMissedContact => Bit(FactId.MissedContactFirstMissedCallOn) | Bit(FactId.MissedContactInterviewedOn) | Bit(FactId.AsOf),
        FactId.Conduct => conduct,
        _ => 0,
    };

    /// <summary>Gets the facts the conduct derivation reads.</summary>
    public static ulong Conduct(RuleSetModel model)
    {
        var mask = 0UL;
        foreach (var c in model.Conduct)
        {
            mask |= new FactMasks(s_emptyPolicy, new Dictionary<string, int>(), 0).Of(c.When);
        }

        return mask;
    }

    public ulong Of(ConditionNode node) => node switch
    {
        AllNode all => Union(all.Children),
        AnyNode any => Union(any.Children),
        AtLeastNode atLeast => Union(atLeast.Children),
        NotNode not => Of(not.Child),
        CompareNode compare => Expand(compare.Fact.Id, _conduct),
        RefNode reference when _index.TryGetValue(reference.Id, out var target) => OfNamed(target),
        _ => 0,
    };

    public ulong OfNamed(int index) => _named[index] ??= Of(_policy.Conditions[index].When);

    private ulong Union(ImmutableArray<ConditionNode> children)
    {
        var mask = 0UL;
        foreach (var child in children)
        {
            mask |= Of(child);
        }

        return mask;
    }

    private static readonly PolicyModel s_emptyPolicy = new(CaseKind.DeclineWithdrawal, string.Empty, [], [], [], Evaluation.Confidence.Low, [], RecommendationsModel.Empty);
}

/// <summary>Builds the <see cref="FactProbe"/> of each fact at load.</summary>
internal static class ProbePlans
{
    /// <summary>
    /// Gets whether a value may be offered as "what would help". A company's pressure or an earlier answer can change the
    /// outlook, and so appear among the missing facts, but they are not something to hope for or to bring about.
    /// </summary>
    public static bool Suggestible(FactId fact, int value) => fact switch
    {
        FactId.CompanyUnfairPressureOrRescission or FactId.RequestPriorRequestOutcome => false,
        FactId.DeclineOriginalReason => value != (int)DeclineReason.PressuredByCompany,
        _ => true,
    };

    /// <summary>Gets the day count and its direction behind a date fact that probes move, or <see langword="null"/>.</summary>
    public static (FactId DayFact, int Direction)? DayFactOf(FactId fact) => fact switch
    {
        FactId.DeclineDeclinedOn => (FactId.DaysSinceDecline, -1),
        FactId.OfferStartsOn => (FactId.DaysUntilStart, +1),
        FactId.MissedContactFirstMissedCallOn or FactId.MissedContactInterviewedOn => (FactId.DaysSinceMissedContact, -1),
        _ => null,
    };

    /// <summary>
    /// What the probe plans of one policy share, worked out once rather than for each fact: the masks and weights of the
    /// deciding rules (the rules before the info stage), and the facts and weight of the conduct derivation.
    /// </summary>
    internal sealed class Deciding
    {
        public Deciding(RuleSetModel ruleSet, ulong[] masks, ImmutableArray<ConditionNode> rules)
        {
            Masks = masks;
            Weights = new long[rules.Length];
            for (var i = 0; i < rules.Length; i++)
            {
                Weights[i] = RuleSetCompiler.Weight(rules[i]);
            }

            ConductMask = FactMasks.Conduct(ruleSet);
            foreach (var c in ruleSet.Conduct)
            {
                ConductWeight += RuleSetCompiler.Weight(c.When);
            }
        }

        /// <summary>Gets the input facts each deciding rule depends on.</summary>
        public ulong[] Masks { get; }

        /// <summary>Gets each deciding rule's <see cref="RuleSetCompiler.Weight(ConditionNode)"/>.</summary>
        public long[] Weights { get; }

        /// <summary>Gets the input facts the conduct derivation reads.</summary>
        public ulong ConductMask { get; }

        /// <summary>Gets the summed weight of the conduct cases.</summary>
        public long ConductWeight { get; }
    }

    /// <summary>Builds the probe plan of one input fact, or <see langword="null"/> when no probe of it can move the outlook.</summary>
    public static FactProbe? Create(
        RuleSetModel ruleSet,
        PolicyModel policy,
        FactDefinition fact,
        ulong decisionMask,
        Deciding deciding,
        ulong[] namedMasks,
        PlanProgram program,
        PlanProgram conduct,
        ImmutableDictionary<int, ImmutableArray<int>> intProbes)
    {
        var bit = FactMasks.Bit(fact.Id);
        if ((decisionMask & bit) == 0)
        {
            return null;
        }

        // What one probe re-evaluates at most: the deciding rules and the named conditions that read the fact.
        long nodes = 0;
        for (var i = 0; i < deciding.Masks.Length; i++)
        {
            nodes += (deciding.Masks[i] & bit) != 0 ? deciding.Weights[i] : 0;
        }

        var dependents = new List<int>();
        for (var i = 0; i < namedMasks.Length; i++)
        {
            if ((namedMasks[i] & bit) != 0)
            {
                dependents.Add(i);
                nodes += RuleSetCompiler.Weight(policy.Conditions[i].When);
            }
        }

        if ((deciding.ConductMask & bit) != 0)
        {
            nodes += deciding.ConductWeight;
        }

        var comparisons = Comparisons(program, conduct, fact.Id);
        switch (fact.Type)
        {
            case FactType.Bool or FactType.Enum:
                var codes = fact.Type == FactType.Bool ? 2 : fact.EnumNames.Length;
                var first = fact.Type == FactType.Bool ? 0 : 1;
                var classes = ValueClasses(fact.Id, codes, comparisons, program.Lists, conduct.Lists);
                return new FactProbe
                {
                    Bit = bit,
                    Dependents = [.. dependents],
                    ValueClasses = classes,
                    MaxProbes = classes.Skip(first).Distinct().Count(),
                    NodesPerProbe = nodes,
                };
            case FactType.Date when DayFactOf(fact.Id) is var (dayFact, direction):
                var cuts = DayCuts(dayFact, ruleSet.TimingBands, Comparisons(program, conduct, dayFact), program.Lists, conduct.Lists);
                var probe = new FactProbe
                {
                    Bit = bit,
                    Dependents = [.. dependents],
                    DayCuts = cuts,
                    DateComparisons = [.. comparisons.Select(c => (c.Instruction, c.Conduct ? conduct.Lists : program.Lists))],
                    MaxProbes = 0,
                    NodesPerProbe = nodes,
                };
                var days = intProbes.TryGetValue((int)dayFact, out var d) ? d.Where(v => v >= 0 || direction > 0).ToArray() : [];
                var dayClasses = days.Select(v => probe.DayClass(v)).Distinct().Count();
                return new FactProbe
                {
                    Bit = bit,
                    Dependents = probe.Dependents,
                    DayCuts = cuts,
                    DateComparisons = probe.DateComparisons,
                    MaxProbes = Math.Min(days.Length, dayClasses + probe.DateComparisons.Sum(c => DateSplits(c.Instruction, c.Lists))),
                    NodesPerProbe = nodes,
                };
            default:
                return null;
        }
    }

    /// <summary>How many times a comparison of a date with literals can change its truth along ascending dates.</summary>
    private static int DateSplits(Instruction ins, int[][] lists) => ins.Op switch
    {
        OpCode.InMask or OpCode.NotInMask => 2 * System.Numerics.BitOperations.PopCount(ins.Mask),
        OpCode.InList or OpCode.NotInList => 2 * lists[ins.Value].Length,
        OpCode.IsKnown or OpCode.IsUnknown => 0,
        _ => 2,
    };

    /// <summary>Gets every comparison on a fact in a program or the conduct program, with the lists it reads.</summary>
    private static List<(Instruction Instruction, bool Conduct)> Comparisons(PlanProgram program, PlanProgram conduct, FactId fact)
    {
        var found = new List<(Instruction, bool)>();
        var seen = new HashSet<(OpCode, int, ulong, bool)>();
        foreach (var (code, isConduct) in new[] { (program.Code, false), (conduct.Code, true) })
        {
            foreach (var ins in code)
            {
                if (PlanProgram.IsComparison(ins.Op) && ins.Fact == (int)fact && seen.Add((ins.Op, ins.Value, ins.Mask, isConduct)))
                {
                    found.Add((ins, isConduct));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Splits the codes of a yes/no or enum fact into classes: two codes share a class when every comparison gives them
    /// the same truth and both or neither may be suggested.
    /// </summary>
    internal static int[] ValueClasses(FactId fact, int codes, List<(Instruction Instruction, bool Conduct)> comparisons, int[][] lists, int[][] conductLists)
    {
        var classes = new int[codes];
        for (var v = 0; v < codes; v++)
        {
            classes[v] = Suggestible(fact, v) ? 0 : 1;
        }

        var refined = new Dictionary<(int, Truth), int>();
        foreach (var (ins, isConduct) in comparisons)
        {
            refined.Clear();
            for (var v = 0; v < codes; v++)
            {
                var key = (classes[v], PlanProgram.Compare(in ins, v, isConduct ? conductLists : lists));
                if (!refined.TryGetValue(key, out var id))
                {
                    id = refined.Count;
                    refined[key] = id;
                }

                classes[v] = id;
            }
        }

        return classes;
    }

    /// <summary>Gets the cuts on a day count: between <c>c</c> and <c>c + 1</c> days some comparison or timing band line may change.</summary>
    internal static long[] DayCuts(FactId dayFact, TimingBandsModel bands, List<(Instruction Instruction, bool Conduct)> comparisons, int[][] lists, int[][] conductLists)
    {
        var cuts = new SortedSet<long>();
        if (dayFact == FactId.DaysSinceDecline)
        {
            cuts.Add(bands.ImmediateMaxDays);
            cuts.Add(bands.WithinWeekMaxDays);
            cuts.Add(bands.LateMaxDays);
        }

        foreach (var (ins, isConduct) in comparisons)
        {
            Classes.AddCuts(cuts, in ins, isConduct ? conductLists : lists);
        }

        return [.. cuts];
    }
}
