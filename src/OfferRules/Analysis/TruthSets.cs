using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Analysis;

/// <summary>
/// Decides which truth values a condition can take over every case: each fact known with any value or unknown, the
/// facts independent of each other (an over-approximation, so "never true" and "always true" are sound). A condition
/// over few enough fact values is decided exactly by evaluating its compiled plan on every combination; a larger one by
/// combining its children's sets, which can only add values, never miss one.
/// </summary>
internal sealed class TruthSets
{
    public const int True = 1 << (int)Truth.True;
    public const int False = 1 << (int)Truth.False;
    public const int Unknown = 1 << (int)Truth.Unknown;
    public const int All = True | False | Unknown;

    /// <summary>The most fact-value combinations enumerated for one condition.</summary>
    private const int Budget = 1 << 14;

    private readonly Dictionary<string, NamedConditionModel> _named = new(StringComparer.Ordinal);
    private readonly PlanNode?[] _namedPlans;
    private readonly Dictionary<string, int> _approxMemo = new(StringComparer.Ordinal);
    private readonly int[] _outlookCodes;

    /// <param name="policy">The policy whose named conditions references resolve to; <see langword="null"/> for conduct cases.</param>
    /// <param name="outlooks">The outlooks the policy can decide, which is all the <c>outlook</c> fact can be.</param>
    public TruthSets(PolicyPlan? policy, IEnumerable<Evaluation.Outlook> outlooks)
    {
        _namedPlans = policy?.Named ?? [];
        if (policy is not null)
        {
            foreach (var c in policy.Conditions)
            {
                _named.TryAdd(c.Model.Id, c.Model);
            }
        }

        _outlookCodes = [.. outlooks.Select(FactCatalog.Code)];
    }

    public bool CanBeTrue(ConditionNode model, PlanNode plan) => Possible(model, plan, stopWhen: True) is var set && (set & True) != 0;

    public bool AlwaysTrue(ConditionNode model, PlanNode plan) => Possible(model, plan, stopWhen: False | Unknown) == True;

    /// <summary>Gets the set of truth values the condition can take, as bits; stops early once a value in <paramref name="stopWhen"/> is seen.</summary>
    public int Possible(ConditionNode model, PlanNode plan, int stopWhen)
    {
        var approx = Approximate(model);
        if ((approx & stopWhen) == 0 || approx is True or False or Unknown)
        {
            // Nothing to look for (the approximation is sound), or only one value is possible at all.
            return approx;
        }

        var facts = new Dictionary<int, SortedSet<int>>();
        Collect(model, facts, []);
        var domains = facts.Select(f => (Fact: f.Key, Values: Domain(f.Key, f.Value))).ToArray();
        long combinations = 1;
        foreach (var (_, values) in domains)
        {
            combinations *= values.Length;
            if (combinations > Budget)
            {
                return approx;
            }
        }

        var vector = new int[FactCatalog.Count];
        Array.Fill(vector, FactCatalog.Unknown);
        var memo = new byte[_namedPlans.Length];
        var digits = new int[domains.Length];
        var seen = 0;
        for (long n = 0; n < combinations; n++)
        {
            for (var i = 0; i < domains.Length; i++)
            {
                vector[domains[i].Fact] = domains[i].Values[digits[i]];
            }

            Array.Clear(memo);
            var context = new PlanContext(vector, memo, _namedPlans);
            seen |= 1 << (int)plan.Evaluate(ref context);
            if ((seen & stopWhen) != 0 || seen == All)
            {
                return seen;
            }

            for (var i = 0; i < digits.Length && ++digits[i] == domains[i].Values.Length; i++)
            {
                digits[i] = 0;
            }
        }

        return seen;
    }

    /// <summary>The values worth trying for a fact: every code, or each compared constant and its neighbours, and unknown unless it never is.</summary>
    private int[] Domain(int fact, SortedSet<int> constants)
    {
        var definition = FactCatalog.All[fact];
        var values = new List<int>();
        switch (definition.Type)
        {
            case FactType.Bool:
                values.AddRange([0, 1]);
                break;
            case FactType.Enum when definition.Id == FactId.Outlook:
                values.AddRange(_outlookCodes);
                break;
            case FactType.Enum:
                values.AddRange(Enumerable.Range(1, definition.EnumNames.Length - 1));
                break;
            default:
                var points = new SortedSet<int>();
                foreach (var c in constants)
                {
                    points.Add(c - 1);
                    points.Add(c);
                    points.Add(c + 1);
                }

                values.AddRange(points.Count == 0 ? [0] : points);
                break;
        }

        if (!NeverUnknown(definition.Id))
        {
            values.Add(FactCatalog.Unknown);
        }

        return [.. values];
    }

    /// <summary>Facts every evaluated case knows: the evaluation date, the earlier request's outcome (absent means not yet asked) and the decided outlook.</summary>
    private static bool NeverUnknown(FactId fact) => fact is FactId.AsOf or FactId.RequestPriorRequestOutcome or FactId.Outlook;

    private void Collect(ConditionNode node, Dictionary<int, SortedSet<int>> facts, HashSet<string> visiting)
    {
        switch (node)
        {
            case AllNode a:
                a.Children.ToList().ForEach(c => Collect(c, facts, visiting));
                break;
            case AnyNode a:
                a.Children.ToList().ForEach(c => Collect(c, facts, visiting));
                break;
            case AtLeastNode a:
                a.Children.ToList().ForEach(c => Collect(c, facts, visiting));
                break;
            case NotNode n:
                Collect(n.Child, facts, visiting);
                break;
            case RefNode r when _named.TryGetValue(r.Id, out var target) && visiting.Add(r.Id):
                Collect(target.When, facts, visiting);
                break;
            case CompareNode c:
                if (!facts.TryGetValue((int)c.Fact.Id, out var set))
                {
                    set = [];
                    facts[(int)c.Fact.Id] = set;
                }

                foreach (var v in c.Values)
                {
                    set.Add(v);
                }

                break;
        }
    }

    /// <summary>The set of truth values, combining the children's sets as if they shared no fact.</summary>
    private int Approximate(ConditionNode node)
    {
        switch (node)
        {
            case AllNode a:
                return Combine(a.Children.Select(Approximate).ToArray(), all: true);
            case AnyNode a:
                return Combine(a.Children.Select(Approximate).ToArray(), all: false);
            case NotNode n:
                var inner = Approximate(n.Child);
                return ((inner & True) != 0 ? False : 0) | ((inner & False) != 0 ? True : 0) | (inner & Unknown);
            case AtLeastNode a:
                var sets = a.Children.Select(Approximate).ToArray();
                var canTrue = sets.Count(s => (s & True) != 0) >= a.Count ? True : 0;
                var canFalse = sets.Count(s => (s & False) != 0) >= sets.Length - a.Count + 1 ? False : 0;
                var canUnknown = sets.Any(s => (s & Unknown) != 0) ? Unknown : 0;
                return canTrue | canFalse | canUnknown;
            case RefNode r:
                if (_approxMemo.TryGetValue(r.Id, out var memo))
                {
                    return memo;
                }

                _approxMemo[r.Id] = All; // a cycle cannot load; this only guards the recursion
                var value = _named.TryGetValue(r.Id, out var target) ? Approximate(target.When) : True;
                _approxMemo[r.Id] = value;
                return value;
            case CompareNode c:
                return Compare(c);
            default:
                return All;
        }
    }

    private static int Combine(int[] children, bool all)
    {
        // For 'all' (minimum): true needs every child able to be true; false needs one child able to be false; unknown
        // needs every child able to be unknown or true, and one able to be unknown. 'any' is the mirror image.
        var (identity, absorbing) = all ? (True, False) : (False, True);
        if (children.Length == 0)
        {
            return identity;
        }

        var result = 0;
        if (children.All(s => (s & identity) != 0))
        {
            result |= identity;
        }

        if (children.Any(s => (s & absorbing) != 0))
        {
            result |= absorbing;
        }

        if (children.All(s => (s & (Unknown | identity)) != 0) && children.Any(s => (s & Unknown) != 0))
        {
            result |= Unknown;
        }

        return result;
    }

    private int Compare(CompareNode c)
    {
        var domain = Domain((int)c.Fact.Id, [.. c.Values]);
        var plan = ComparePlanNodes.Create((int)c.Fact.Id, c.Op, c.Values.AsSpan());
        var vector = new int[FactCatalog.Count];
        var seen = 0;
        foreach (var v in domain)
        {
            vector[(int)c.Fact.Id] = v;
            var context = new PlanContext(vector, [], []);
            seen |= 1 << (int)plan.Evaluate(ref context);
        }

        return seen;
    }
}
