using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;
using System.Collections.Immutable;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>
/// Counts, case by case, how often every rule, named condition, action, caveat, fallback, draft and draft part of a rule
/// set is true, false and unknown. Feed it cases (or JSON lines) one at a time, in any number, in bounded memory: it
/// keeps four counters per item and nothing per case. <see cref="ToReport"/> gives the report at any point.
/// </summary>
/// <remarks>
/// Use it to drive a coverage run yourself, with your own reading loop, progress or cancellation; for a JSON Lines
/// stream, <see cref="RuleSetAnalysis.Coverage(RuleSet, Stream, TimeProvider?, CancellationToken)"/> does the loop.
/// This type is not thread-safe: use one instance from one thread at a time.
/// </remarks>
public sealed class CoverageCollector
{
    private readonly RuleSet _ruleSet;
    private readonly OfferEvaluator _evaluator;
    private readonly PolicyCounters[] _policies;

    /// <summary>Initializes a new collector for a rule set.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="timeProvider">
    /// The clock for cases without an <c>asOf</c>; the system clock when <see langword="null"/>. It is read once, now,
    /// so that every case of the run is evaluated on the same day.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public CoverageCollector(RuleSet ruleSet, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _ruleSet = ruleSet;
        _evaluator = new OfferEvaluator(ruleSet, FrozenTimeProvider.Freeze(timeProvider));
        _policies = [.. ruleSet.Plan.Policies.Select(p => new PolicyCounters(p))];
    }

    /// <summary>Gets how many cases have been evaluated.</summary>
    public long Cases { get; private set; }

    /// <summary>Gets how many cases were read but are invalid.</summary>
    public long InvalidCases { get; private set; }

    /// <summary>Gets how many lines could not be read as a case.</summary>
    public long UnreadableLines { get; private set; }

    /// <summary>Evaluates a case and counts the truth of every item.</summary>
    /// <param name="offerCase">The case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="offerCase"/> is <see langword="null"/>.</exception>
    public void Add(OfferCase offerCase)
    {
        ArgumentNullException.ThrowIfNull(offerCase);
        var asOf = _evaluator.GetAsOfDate(offerCase);
        var index = -1;
        for (var i = 0; i < _policies.Length && index < 0; i++)
        {
            index = _policies[i].Plan.Kind == offerCase.Kind ? i : -1;
        }

        if (index < 0 || CaseValidator.Validate(offerCase, asOf, null, Language.English))
        {
            InvalidCases++;
            return;
        }

        Cases++;
        var counters = _policies[index];
        var policy = counters.Plan;
        Span<int> facts = stackalloc int[FactCatalog.Count];
        FactCatalog.Fill(offerCase, asOf, facts);
        PlanRunner.Derive(_ruleSet.Plan, facts);
        Span<byte> memo = policy.Named.Length <= PlanRunner.StackMemoLimit ? stackalloc byte[policy.Named.Length] : new byte[policy.Named.Length];
        Span<Truth> truths = policy.Rules.Length <= 1024 ? stackalloc Truth[policy.Rules.Length] : new Truth[policy.Rules.Length];
        var context = new PlanContext(facts, memo, policy.Named);
        var (outlook, terminal) = PlanRunner.Decide(policy, ref context, truths);

        // Recommendations read the decided outlook, as the evaluator sets it before recommending; the context sees the
        // same memory.
        facts[(int)FactId.Outlook] = FactCatalog.Code(outlook);
        counters.Count(ref context, truths, terminal);
    }

    /// <summary>Reads one case from UTF-8 JSON (one line of a JSON Lines file) and counts it.</summary>
    /// <param name="utf8Json">The case's bytes.</param>
    /// <returns><see langword="true"/> when the bytes held a case (valid or not); <see langword="false"/> when they did not, counted in <see cref="UnreadableLines"/>.</returns>
    public bool AddJson(ReadOnlySpan<byte> utf8Json)
    {
        var read = CaseJson.Read(utf8Json);
        if (!read.TryGetValue(out var offerCase))
        {
            UnreadableLines++;
            return false;
        }

        Add(offerCase);
        return true;
    }

    /// <summary>Counts a line that could not be read at all, such as one too long to hold.</summary>
    public void AddUnreadableLine() => UnreadableLines++;

    /// <summary>Makes the report of the cases counted so far.</summary>
    /// <returns>The report; the collector can go on counting.</returns>
    public CoverageReport ToReport()
    {
        var items = new List<CoverageItem>();
        foreach (var policy in _policies)
        {
            policy.AddItems(items);
        }

        // A stable order: never-true items first, then file order within each group.
        var ordered = items.Where(i => i.True == 0).Concat(items.Where(i => i.True > 0)).ToImmutableArray();
        return new CoverageReport(RuleSetIdentity.Of(_ruleSet), Cases, InvalidCases, UnreadableLines, ordered);
    }

    /// <summary>The counters of one policy: four per item (true, false, unknown, not reached).</summary>
    private sealed class PolicyCounters
    {
        private readonly long[] _rules;
        private readonly long[] _conditions;
        private readonly long[] _actions;
        private readonly long[] _caveats;
        private readonly long[] _fallbacks;
        private readonly long[] _drafts;
        private readonly long[][] _parts;
        private readonly RefPlanNode[] _named;

        public PolicyCounters(PolicyPlan plan)
        {
            Plan = plan;
            _rules = new long[plan.Rules.Length * 4];
            _conditions = new long[plan.Conditions.Length * 4];
            _actions = new long[plan.Actions.Length * 4];
            _caveats = new long[plan.Caveats.Length * 4];
            _fallbacks = new long[plan.Fallbacks.Length * 4];
            _drafts = new long[plan.Drafts.Length * 4];
            _parts = [.. plan.Drafts.Select(d => new long[d.Parts.Length * 4])];
            _named = [.. plan.Conditions.Select(c => new RefPlanNode(c.Index))];
        }

        public PolicyPlan Plan { get; }

        public void Count(ref PlanContext context, ReadOnlySpan<Truth> truths, int terminal)
        {
            for (var i = 0; i < truths.Length; i++)
            {
                Add(_rules, i, terminal >= 0 && i > terminal ? NotReached : (int)truths[i]);
            }

            for (var i = 0; i < _named.Length; i++)
            {
                Add(_conditions, i, (int)_named[i].Evaluate(ref context));
            }

            for (var i = 0; i < Plan.Actions.Length; i++)
            {
                Add(_actions, i, (int)Plan.Actions[i].When.Evaluate(ref context));
            }

            for (var i = 0; i < Plan.Caveats.Length; i++)
            {
                Add(_caveats, i, (int)Plan.Caveats[i].When.Evaluate(ref context));
            }

            for (var i = 0; i < Plan.Fallbacks.Length; i++)
            {
                Add(_fallbacks, i, (int)Plan.Fallbacks[i].When.Evaluate(ref context));
            }

            for (var i = 0; i < Plan.Drafts.Length; i++)
            {
                var draft = Plan.Drafts[i];
                var shown = draft.When.Evaluate(ref context);
                Add(_drafts, i, (int)shown);
                var parts = draft.Parts;
                for (var j = 0; j < parts.Length; j++)
                {
                    var state = shown != Truth.True ? NotReached : parts[j].When is { } when ? (int)when.Evaluate(ref context) : (int)Truth.True;
                    Add(_parts[i], j, state);
                }
            }
        }

        public void AddItems(List<CoverageItem> items)
        {
            var kind = Plan.Kind;

            // Rules in file order, as the report lists them, not in run order.
            foreach (var (rule, index) in Plan.Rules.Select((r, i) => (r, i)).OrderBy(r => AnalysisText.LastIndex(r.r.Model.Pointer)))
            {
                items.Add(Item(CoverageItemKind.Rule, kind, rule.Model.Id, null, rule.Model.Pointer, _rules, index));
            }

            foreach (var condition in Plan.Conditions)
            {
                items.Add(Item(CoverageItemKind.Condition, kind, condition.Model.Id, null, condition.Model.Pointer, _conditions, condition.Index));
            }

            for (var i = 0; i < Plan.Actions.Length; i++)
            {
                items.Add(Item(CoverageItemKind.Action, kind, Plan.Actions[i].Model.Id, null, Plan.Actions[i].Model.Pointer, _actions, i));
            }

            for (var i = 0; i < Plan.Caveats.Length; i++)
            {
                items.Add(Item(CoverageItemKind.Caveat, kind, Plan.Caveats[i].Model.Id, null, Plan.Caveats[i].Model.Pointer, _caveats, i));
            }

            for (var i = 0; i < Plan.Fallbacks.Length; i++)
            {
                items.Add(Item(CoverageItemKind.Fallback, kind, Plan.Fallbacks[i].Model.Id, null, Plan.Fallbacks[i].Model.Pointer, _fallbacks, i));
            }

            for (var i = 0; i < Plan.Drafts.Length; i++)
            {
                var draft = Plan.Drafts[i].Model;
                items.Add(Item(CoverageItemKind.Draft, kind, draft.Id, null, draft.Pointer, _drafts, i));
                for (var j = 0; j < Plan.Drafts[i].Parts.Length; j++)
                {
                    items.Add(Item(CoverageItemKind.DraftPart, kind, draft.Id, j, JsonWalker.Child(JsonWalker.Child(draft.Pointer, "parts"), j), _parts[i], j));
                }
            }
        }

        private const int NotReached = 3;

        private static void Add(long[] counters, int item, int state) => counters[(item * 4) + state]++;

        private static CoverageItem Item(CoverageItemKind kind, CaseKind caseKind, string id, int? part, string path, long[] counters, int index)
        {
            var at = index * 4;
            return new CoverageItem(kind, caseKind, id, part, path,
                True: counters[at + (int)Truth.True], False: counters[at + (int)Truth.False], Unknown: counters[at + (int)Truth.Unknown], NotReached: counters[at + NotReached]);
        }
    }
}
