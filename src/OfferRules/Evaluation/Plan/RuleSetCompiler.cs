using System.Collections.Immutable;
using OfferRules.Facts;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Evaluation.Plan;

/// <summary>
/// Checks what a single node cannot (duplicate ids, unknown and cyclic references) and compiles the model into an
/// immutable plan. Every problem is reported, not just the first.
/// </summary>
internal static class RuleSetCompiler
{
    /// <summary>The longest chain of references between named conditions; it bounds recursion when loading and evaluating.</summary>
    public const int MaxReferenceDepth = 32;

    public static RuleSetPlan? Compile(RuleSetModel model, JsonWalker walker, RuleSetLimits limits)
    {
        var conduct = model.Conduct.Select(c => (c.Value, Compile(c.When, null, null, walker))).ToImmutableArray();
        var policies = ImmutableArray.CreateBuilder<PolicyPlan>();
        foreach (var policy in model.Policies)
        {
            if (CompilePolicy(model, policy, walker) is { } plan)
            {
                CheckBudget(model, policy, plan, walker, limits);
                policies.Add(plan);
            }
        }

        if (walker.HasErrors)
        {
            return null;
        }

        var conductProgram = ConductProgram(model, out var conductRoots, out var conductCodes);
        return new RuleSetPlan
        {
            Model = model,
            Conduct = conduct,
            Policies = policies.ToImmutable(),
            ConductProgram = conductProgram,
            ConductRoots = conductRoots,
            ConductCodes = conductCodes,
        };
    }

    /// <summary>Lays the conduct cases out as one program; conduct reads no named condition.</summary>
    internal static PlanProgram ConductProgram(RuleSetModel model, out int[] roots, out int[] codes)
    {
        var builder = new ProgramBuilder([]);
        roots = [.. model.Conduct.Select(c => builder.Add(c.When))];
        codes = [.. model.Conduct.Select(c => ConductCode(c.Value)), ConductCode(model.ConductOtherwise)];
        return builder.Build(out _);

        static int ConductCode(ConductQuality value) => value == ConductQuality.Unknown ? FactCatalog.Unknown : (int)value;
    }

    private static PolicyPlan? CompilePolicy(RuleSetModel ruleSet, PolicyModel policy, JsonWalker walker)
    {
        // Duplicate ids are reported by the reader; the first condition with an id wins here.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Conditions.Length; i++)
        {
            index.TryAdd(policy.Conditions[i].Id, i);
        }

        CheckCycles(policy, index, walker);
        var named = new PlanNode?[policy.Conditions.Length];
        for (var i = 0; i < named.Length; i++)
        {
            named[i] = Compile(policy.Conditions[i].When, index, policy.BrokenConditionIds, walker);
        }

        var ordered = policy.Rules
            .Select((rule, position) => (rule, position))
            .OrderBy(r => r.rule.Stage)
            .ThenBy(r => r.position)
            .Select(r => new RulePlan(r.rule, Compile(r.rule.When, index, policy.BrokenConditionIds, walker)))
            .ToImmutableArray();

        var confidence = policy.Confidence.Select(c => (c.Level, Compile(c.When, index, policy.BrokenConditionIds, walker))).ToImmutableArray();
        var recommendations = policy.Recommendations;
        PlanNode When(ConditionNode node) => Compile(node, index, policy.BrokenConditionIds, walker);
        var actions = recommendations.Actions.Select(a => new ItemPlan<ActionModel>(a, When(a.When))).ToImmutableArray();
        var caveats = recommendations.Caveats.Select(a => new ItemPlan<AdviceModel>(a, When(a.When))).ToImmutableArray();
        var fallbacks = recommendations.Fallbacks.Select(a => new ItemPlan<AdviceModel>(a, When(a.When))).ToImmutableArray();
        var drafts = recommendations.Drafts
            .Select(d => new DraftPlan(d, When(d.When), [.. d.Parts.Select(p => (p.When is null ? null : When(p.When), p.Text))]))
            .ToImmutableArray();

        if (walker.HasErrors)
        {
            return null;
        }

        var facts = new SortedSet<int>();
        var ints = new Dictionary<int, SortedSet<int>>();
        foreach (var node in policy.Conditions.Select(c => c.When)
            .Concat(policy.Rules.Select(r => r.When))
            .Concat(policy.Confidence.Select(c => c.When)))
        {
            CollectFacts(node, facts, ints);
        }

        var bands = ruleSet.TimingBands;
        AddProbes(ints, FactId.DaysSinceDecline, 0, bands.ImmediateMaxDays, bands.WithinWeekMaxDays, bands.LateMaxDays);
        var readsConduct = facts.Contains((int)FactId.Conduct);
        ExpandDerived(ruleSet, facts, ints);

        var builder = new ProgramBuilder(policy.Conditions);
        int[] ruleRoots = [.. ordered.Select(r => builder.Add(r.Model.When))];
        int[] confidenceRoots = [.. policy.Confidence.Select(c => builder.Add(c.When))];
        var program = builder.Build(out _);
        var masks = new FactMasks(policy, index, FactMasks.Conduct(ruleSet));
        ulong[] ruleMasks = [.. ordered.Select(r => masks.Of(r.Model.When))];
        ulong[] namedMasks = [.. Enumerable.Range(0, policy.Conditions.Length).Select(masks.OfNamed)];
        var firstInfo = FirstOf(ordered, RuleStageModel.Info);
        var decisionMask = 0UL;
        for (var i = 0; i < firstInfo; i++)
        {
            decisionMask |= ruleMasks[i];
        }

        var inputFacts = facts.Where(f => !FactCatalog.All[f].IsDerived).ToImmutableArray();
        var intProbes = ints.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray());
        var sections = FactSections.None;
        foreach (var f in inputFacts)
        {
            sections |= FactCatalog.SectionOf((FactId)f);
        }

        var conductProgram = ConductProgram(ruleSet, out _, out _);
        var probes = new FactProbe?[FactCatalog.Count];
        var deciding = new ProbePlans.Deciding(ruleSet, ruleMasks.AsSpan(0, firstInfo).ToArray(), [.. ordered.Take(firstInfo).Select(r => r.Model.When)]);
        foreach (var f in inputFacts)
        {
            probes[f] = ProbePlans.Create(ruleSet, policy, FactCatalog.All[f], decisionMask, deciding, namedMasks, program, conductProgram, intProbes);
        }

        return new PolicyPlan
        {
            Program = program,
            RuleRoots = ruleRoots,
            RuleValues = [.. ordered.Select(r => r.Model.Stage == RuleStageModel.Adjust ? r.Model.Score : (int)r.Model.Outlook)],
            ConfidenceRoots = confidenceRoots,
            ConfidenceLevels = [.. confidence.Select(c => c.Level)],
            RuleMasks = ruleMasks,
            NamedMasks = namedMasks,
            DecisionMask = decisionMask,
            Sections = sections,
            ReadsConduct = readsConduct,
            Probes = probes,
            Kind = policy.Kind,
            Named = named,
            Conditions = [.. policy.Conditions.Select((c, i) => new NamedConditionPlan(c, i))],
            Rules = ordered,
            FirstOverride = FirstOf(ordered, RuleStageModel.Override),
            FirstBase = FirstOf(ordered, RuleStageModel.Base),
            FirstAdjust = FirstOf(ordered, RuleStageModel.Adjust),
            FirstCap = FirstOf(ordered, RuleStageModel.Cap),
            FirstInfo = FirstOf(ordered, RuleStageModel.Info),
            Confidence = confidence,
            ConfidenceOtherwise = policy.ConfidenceOtherwise,
            Actions = actions,
            Caveats = caveats,
            Fallbacks = fallbacks,
            Drafts = drafts,
            InputFacts = inputFacts,
            IntProbes = intProbes,
            DayBoundaries = policy.Kind == Domain.CaseKind.MissedEmployerContact
                ? [.. MissedContactBoundaries(policy)]
                : [bands.WithinWeekMaxDays, bands.LateMaxDays],
        };
    }

    /// <summary>
    /// The evaluation cost of a policy: a bound on the condition nodes one full evaluation visits. The whole decision runs
    /// three times (for the case with its explanation, as the base of the probes, and at the planned contact's date), and
    /// the recommendations' conditions once. Each probe ("what would help", the missing facts) tries one value of each
    /// class of equivalent values of a fact (<see cref="FactProbe.MaxProbes"/>) and re-evaluates only the deciding rules
    /// and named conditions that read that fact, and the conduct derivation when it reads it
    /// (<see cref="FactProbe.NodesPerProbe"/>). A node counts 1, and an <c>in</c> list 1 more per value.
    /// </summary>
    /// <returns>The probe values (the classes of values tried) and the cost.</returns>
    internal static (int ProbeValues, long Cost) Budget(RuleSetModel ruleSet, PolicyModel policy, PolicyPlan plan)
    {
        long decision = policy.Conditions.Sum(c => Weight(c.When)) + policy.Rules.Sum(r => Weight(r.When))
            + policy.Confidence.Sum(c => Weight(c.When));
        if (plan.InputFacts.Length > 0)
        {
            decision += ruleSet.Conduct.Sum(c => Weight(c.When));
        }

        var recommendations = policy.Recommendations;
        long advice = recommendations.Actions.Sum(a => Weight(a.When)) + recommendations.Caveats.Sum(c => Weight(c.When))
            + recommendations.Fallbacks.Sum(f => Weight(f.When))
            + recommendations.Drafts.Sum(d => Weight(d.When) + d.Parts.Sum(p => p.When is null ? 0 : Weight(p.When)));

        var probes = 0;
        long probing = 0;
        foreach (var index in plan.InputFacts)
        {
            if (plan.Probes[index] is { } probe)
            {
                probes += probe.MaxProbes;
                probing += probe.MaxProbes * probe.NodesPerProbe;
            }
        }

        return (probes, (3 * decision) + probing + advice);
    }

    private static void CheckBudget(RuleSetModel ruleSet, PolicyModel policy, PolicyPlan plan, JsonWalker walker, RuleSetLimits limits)
    {
        var (probes, cost) = Budget(ruleSet, policy, plan);
        if (probes > limits.MaxProbeValues)
        {
            walker.Error("ruleSet.limit", policy.Pointer, $"The policy has {probes} probe values (classes of other values of its facts to try, about one for each day number its rules compare with); the limit (MaxProbeValues) is {limits.MaxProbeValues}.");
        }
        else if (cost > limits.MaxEvaluationCost)
        {
            walker.Error("ruleSet.limit", policy.Pointer, $"One evaluation of the policy may visit {cost} condition nodes ({probes} probe values, each re-evaluating the rules that read its fact); the limit (MaxEvaluationCost) is {limits.MaxEvaluationCost}. Use fewer or smaller conditions, or fewer distinct day numbers.");
        }
    }

    /// <summary>The nodes of a condition tree, counting each value of an <c>in</c> list; references count 1 (they are memoized).</summary>
    internal static long Weight(ConditionNode node) => node switch
    {
        AllNode all => 1 + Weight(all.Children),
        AnyNode any => 1 + Weight(any.Children),
        AtLeastNode atLeast => 1 + Weight(atLeast.Children),
        NotNode not => 1 + Weight(not.Child),
        CompareNode compare => 1 + (compare.Op is CompareOp.In or CompareOp.NotIn ? compare.Values.Length : 0),
        _ => 1,
    };

    /// <summary>The summed <see cref="Weight(ConditionNode)"/> of children, without an enumerator or a delegate.</summary>
    private static long Weight(ImmutableArray<ConditionNode> children)
    {
        long weight = 0;
        foreach (var child in children)
        {
            weight += Weight(child);
        }

        return weight;
    }

    /// <summary>The last day count on each side of a comparison of the days since a missed call, in the decision rules.</summary>
    private static SortedSet<int> MissedContactBoundaries(PolicyModel policy)
    {
        var boundaries = new Boundaries(new SortedSet<int>());
        foreach (var node in policy.Rules.Select(r => r.When).Concat(policy.Conditions.Select(c => c.When)))
        {
            ForEachComparison(node, ref boundaries);
        }

        return boundaries.Days;
    }

    private static void ExpandDerived(RuleSetModel ruleSet, SortedSet<int> facts, Dictionary<int, SortedSet<int>> ints)
    {
        if (facts.Contains((int)FactId.Conduct))
        {
            foreach (var c in ruleSet.Conduct)
            {
                CollectFacts(c.When, facts, ints);
            }
        }

        if (facts.Contains((int)FactId.TimingBand))
        {
            facts.Add((int)FactId.DaysSinceDecline);
        }

        if (facts.Contains((int)FactId.DaysSinceDecline))
        {
            facts.Add((int)FactId.DeclineDeclinedOn);
        }

        if (facts.Contains((int)FactId.DaysUntilStart))
        {
            facts.Add((int)FactId.OfferStartsOn);
        }

        if (facts.Contains((int)FactId.DaysSinceMissedContact))
        {
            facts.Add((int)FactId.MissedContactFirstMissedCallOn);
            facts.Add((int)FactId.MissedContactInterviewedOn);
        }
    }

    private static void AddProbes(Dictionary<int, SortedSet<int>> ints, FactId fact, params ReadOnlySpan<int> boundaries)
    {
        if (!ints.TryGetValue((int)fact, out var set))
        {
            set = [];
            ints[(int)fact] = set;
        }

        foreach (var b in boundaries)
        {
            set.Add(b);
            set.Add(b + 1);
        }
    }

    private static void CollectFacts(ConditionNode node, SortedSet<int> facts, Dictionary<int, SortedSet<int>> ints)
    {
        var collector = new FactCollector(facts, ints);
        ForEachComparison(node, ref collector);
    }

    /// <summary>Calls <paramref name="visitor"/> for every comparison in a condition tree (references are not followed), with no delegate.</summary>
    private static void ForEachComparison<TVisitor>(ConditionNode node, ref TVisitor visitor)
        where TVisitor : struct, IComparisonVisitor
    {
        switch (node)
        {
            case AllNode all:
                foreach (var c in all.Children)
                {
                    ForEachComparison(c, ref visitor);
                }

                break;
            case AnyNode any:
                foreach (var c in any.Children)
                {
                    ForEachComparison(c, ref visitor);
                }

                break;
            case AtLeastNode atLeast:
                foreach (var c in atLeast.Children)
                {
                    ForEachComparison(c, ref visitor);
                }

                break;
            case NotNode not:
                ForEachComparison(not.Child, ref visitor);
                break;
            case CompareNode compare:
                visitor.Visit(compare);
                break;
        }
    }

    /// <summary>What <see cref="ForEachComparison"/> calls for each comparison.</summary>
    private interface IComparisonVisitor
    {
        void Visit(CompareNode compare);
    }

    /// <summary>Collects the facts compared and, for day counts, the values either side of each compared number.</summary>
    private readonly struct FactCollector(SortedSet<int> facts, Dictionary<int, SortedSet<int>> ints) : IComparisonVisitor
    {
        public void Visit(CompareNode compare)
        {
            facts.Add((int)compare.Fact.Id);
            if (compare.Fact.Type == FactType.Int)
            {
                foreach (var v in compare.Values)
                {
                    AddProbes(ints, compare.Fact.Id, v - 1, v);
                }
            }
        }
    }

    /// <summary>Collects the last day count on each side of a comparison of the days since a missed call.</summary>
    private readonly struct Boundaries(SortedSet<int> days) : IComparisonVisitor
    {
        public SortedSet<int> Days { get; } = days;

        public void Visit(CompareNode compare)
        {
            if (compare.Fact.Id != FactId.DaysSinceMissedContact)
            {
                return;
            }

            foreach (var v in compare.Values)
            {
                var boundary = compare.Op is CompareOp.Le or CompareOp.Gt ? v : v - 1;
                if (boundary >= 0)
                {
                    Days.Add(boundary);
                }
            }
        }
    }

    private static int FirstOf(ImmutableArray<RulePlan> rules, RuleStageModel stage)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Model.Stage >= stage)
            {
                return i;
            }
        }

        return rules.Length;
    }

    private static void CheckCycles(PolicyModel policy, Dictionary<string, int> index, JsonWalker walker)
    {
        // 0 = not visited, 1 = on the current path, 2 = done.
        var state = new byte[policy.Conditions.Length];
        for (var i = 0; i < state.Length; i++)
        {
            Visit(i, []);
        }

        void Visit(int i, List<string> path)
        {
            if (state[i] == 2)
            {
                return;
            }

            state[i] = 1;
            path.Add(policy.Conditions[i].Id);
            if (path.Count > MaxReferenceDepth)
            {
                walker.Error("ruleSet.limit", policy.Conditions[i].Pointer, $"Named conditions refer to each other more than {MaxReferenceDepth} deep.");
                path.RemoveAt(path.Count - 1);
                state[i] = 2;
                return;
            }

            foreach (var reference in Refs(policy.Conditions[i].When))
            {
                if (!index.TryGetValue(reference.Id, out var target))
                {
                    continue;
                }

                if (state[target] == 1)
                {
                    var cycle = string.Join(" -> ", path.Append(reference.Id));
                    walker.Error("condition.cycle", reference.Pointer, $"The reference to '{reference.Id}' makes a cycle: {cycle}.");
                }
                else
                {
                    Visit(target, path);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[i] = 2;
        }
    }

    private static IEnumerable<RefNode> Refs(ConditionNode node) => node switch
    {
        RefNode r => [r],
        AllNode a => a.Children.SelectMany(Refs),
        AnyNode a => a.Children.SelectMany(Refs),
        AtLeastNode a => a.Children.SelectMany(Refs),
        NotNode n => Refs(n.Child),
        _ => [],
    };

    /// <summary>Compiles children in order, into an array of their own (no closure or iterator per node).</summary>
    private static PlanNode[] CompileAll(ImmutableArray<ConditionNode> children, Dictionary<string, int>? index, ImmutableHashSet<string>? broken, JsonWalker walker)
    {
        var plans = new PlanNode[children.Length];
        for (var i = 0; i < plans.Length; i++)
        {
            plans[i] = Compile(children[i], index, broken, walker);
        }

        return plans;
    }

    private static PlanNode Compile(ConditionNode node, Dictionary<string, int>? index, ImmutableHashSet<string>? broken, JsonWalker walker)
    {
        switch (node)
        {
            case AllNode all:
                return all.Children.Length == 1 ? Compile(all.Children[0], index, broken, walker) : new AllPlanNode(CompileAll(all.Children, index, broken, walker));
            case AnyNode any:
                return any.Children.Length == 1 ? Compile(any.Children[0], index, broken, walker) : new AnyPlanNode(CompileAll(any.Children, index, broken, walker));
            case NotNode not:
                return Compile(not.Child, index, broken, walker).Negate();
            case AtLeastNode atLeast:
                return new AtLeastPlanNode(atLeast.Count, CompileAll(atLeast.Children, index, broken, walker));
            case RefNode reference:
                if (index is null || !index.TryGetValue(reference.Id, out var target))
                {
                    if (broken is not null && broken.Contains(reference.Id))
                    {
                        // The condition exists but has problems of its own, already reported.
                        return new AllPlanNode([]);
                    }

                    var known = index is null || index.Count == 0 ? "none" : string.Join(", ", index.Keys.Order(StringComparer.Ordinal).Take(20));
                    walker.Error("condition.unknownReference", reference.Pointer, $"No named condition has the id '{JsonWalker.Shorten(reference.Id)}'. Known: {known}.");
                    return new AllPlanNode([]);
                }

                return new RefPlanNode(target);
            case CompareNode compare:
                return ComparePlanNodes.Create((int)compare.Fact.Id, compare.Op, compare.Values.AsSpan());
            default:
                throw new InvalidOperationException($"Unexpected condition node {node.GetType().Name}.");
        }
    }
}
