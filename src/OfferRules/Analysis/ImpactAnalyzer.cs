using System.Collections.Immutable;
using System.Text;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>
/// Compares two rule sets case by case: how each case's outlook and confidence move from the old rule set to the new
/// one, which rules are responsible for each change, and a few example cases per move. Feed it cases (or JSON lines)
/// one at a time, in any number: memory stays bounded, since it keeps counters per transition and per rule and at most
/// <see cref="ImpactOptions.MaxExamples"/> examples per transition, and nothing else per case.
/// </summary>
/// <remarks>
/// Each case is decided with both rule sets on the allocation-free decision path
/// (<see cref="OfferEvaluator.Decide"/>); only a case whose decision differs is looked at rule by rule. Use this type
/// to drive an analysis yourself (your own reading loop, progress, resuming); for a JSON Lines stream,
/// <see cref="RuleSetAnalysis.Diff(RuleSet, RuleSet, Stream, ImpactOptions?, CancellationToken)"/> does the loop.
/// This type is not thread-safe: use one instance from one thread at a time.
/// </remarks>
public sealed class ImpactAnalyzer
{
    private readonly RuleSet _old;
    private readonly RuleSet _new;
    private readonly OfferEvaluator _oldEvaluator;
    private readonly OfferEvaluator _newEvaluator;
    private readonly int _maxExamples;
    private readonly Dictionary<(CaseKind Kind, int From, int To), Cell> _cells = [];
    private readonly Dictionary<(CaseKind Kind, int From, int To), long> _confidence = [];
    private readonly Dictionary<string, long> _rules = new(StringComparer.Ordinal);
    private readonly List<string> _responsible = [];

    /// <summary>Initializes a new analysis of the move from one rule set to another.</summary>
    /// <param name="oldRuleSet">The rule set in use.</param>
    /// <param name="newRuleSet">The rule set proposed.</param>
    /// <param name="options">How many examples to keep, and the clock; <see cref="ImpactOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="oldRuleSet"/> or <paramref name="newRuleSet"/> is <see langword="null"/>.</exception>
    public ImpactAnalyzer(RuleSet oldRuleSet, RuleSet newRuleSet, ImpactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(oldRuleSet);
        ArgumentNullException.ThrowIfNull(newRuleSet);
        options ??= ImpactOptions.Default;
        _old = oldRuleSet;
        _new = newRuleSet;
        var clock = FrozenTimeProvider.Freeze(options.TimeProvider);
        _oldEvaluator = new OfferEvaluator(oldRuleSet, clock);
        _newEvaluator = new OfferEvaluator(newRuleSet, clock);
        _maxExamples = options.MaxExamples;
    }

    /// <summary>Gets how many cases have been compared.</summary>
    public long Cases { get; private set; }

    /// <summary>Gets how many of them changed status, outlook or confidence.</summary>
    public long Changed { get; private set; }

    /// <summary>Gets how many lines could not be read as a case.</summary>
    public long UnreadableLines { get; private set; }

    /// <summary>Compares a case under both rule sets.</summary>
    /// <param name="offerCase">The case.</param>
    /// <param name="lineNumber">The case's 1-based line number or position, reported with an example.</param>
    /// <returns><see langword="true"/> when the case changed status, outlook or confidence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offerCase"/> is <see langword="null"/>.</exception>
    public bool Add(OfferCase offerCase, long lineNumber)
    {
        ArgumentNullException.ThrowIfNull(offerCase);
        return Compare(offerCase, lineNumber, default, useText: false);
    }

    /// <summary>Reads one case from UTF-8 JSON (one line of a JSON Lines file) and compares it under both rule sets.</summary>
    /// <param name="utf8Json">The case's bytes; kept as the example's text when the case is kept as an example.</param>
    /// <param name="lineNumber">The line's 1-based number, reported with an example.</param>
    /// <returns>
    /// <see langword="true"/> when the case changed status, outlook or confidence; <see langword="false"/> when it did
    /// not, or when the bytes held no readable case (counted in <see cref="UnreadableLines"/>).
    /// </returns>
    public bool AddJson(ReadOnlySpan<byte> utf8Json, long lineNumber)
    {
        var read = CaseJson.Read(utf8Json);
        if (!read.TryGetValue(out var offerCase))
        {
            UnreadableLines++;
            return false;
        }

        return Compare(offerCase, lineNumber, utf8Json, useText: true);
    }

    /// <summary>Counts a line that could not be read at all, such as one too long to hold.</summary>
    public void AddUnreadableLine() => UnreadableLines++;

    /// <summary>Makes the report of the cases compared so far.</summary>
    /// <returns>The report; the analysis can go on.</returns>
    public ImpactReport ToReport()
    {
        static Outlook? O(int code) => code < 0 ? null : (Outlook)code;
        static Confidence? C(int code) => code < 0 ? null : (Confidence)code;

        var transitions = _cells
            .OrderByDescending(c => c.Value.Changed > 0)
            .ThenBy(c => c.Key.Kind)
            .ThenBy(c => c.Key.From)
            .ThenBy(c => c.Key.To)
            .Select(c => new OutlookTransition(c.Key.Kind, O(c.Key.From), O(c.Key.To), c.Value.Count, c.Value.Changed, Counts(c.Value.Rules), [.. c.Value.Examples]))
            .ToImmutableArray();
        var confidence = _confidence
            .OrderBy(c => c.Key.Kind)
            .ThenBy(c => c.Key.From)
            .ThenBy(c => c.Key.To)
            .Select(c => new ConfidenceTransition(c.Key.Kind, C(c.Key.From), C(c.Key.To), c.Value))
            .ToImmutableArray();
        return new ImpactReport(RuleSetIdentity.Of(_old), RuleSetIdentity.Of(_new), Cases, Changed, UnreadableLines, transitions, confidence, Counts(_rules));
    }

    private static ImmutableArray<RuleChangeCount> Counts(Dictionary<string, long> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new RuleChangeCount(c.Key, c.Value))];

    private bool Compare(OfferCase offerCase, long lineNumber, ReadOnlySpan<byte> text, bool useText)
    {
        Cases++;
        var before = _oldEvaluator.Decide(offerCase);
        var after = _newEvaluator.Decide(offerCase);
        var key = (offerCase.Kind, Code(before.Outlook), Code(after.Outlook));
        if (!_cells.TryGetValue(key, out var cell))
        {
            cell = new Cell();
            _cells[key] = cell;
        }

        cell.Count++;
        var confidenceKey = (offerCase.Kind, before.Confidence is { } b ? (int)b : -1, after.Confidence is { } a ? (int)a : -1);
        _confidence[confidenceKey] = _confidence.GetValueOrDefault(confidenceKey) + 1;
        if (before == after)
        {
            return false;
        }

        Changed++;
        cell.Changed++;
        _responsible.Clear();
        Responsible(offerCase, _responsible);
        foreach (var id in _responsible)
        {
            cell.Rules[id] = cell.Rules.GetValueOrDefault(id) + 1;
            _rules[id] = _rules.GetValueOrDefault(id) + 1;
        }

        if (cell.Examples.Count < _maxExamples)
        {
            var line = useText ? Encoding.UTF8.GetString(text) : CaseJson.ToJson(offerCase);
            cell.Examples.Add(new ImpactExample(lineNumber, line, before, after, [.. _responsible]));
        }

        return true;

        static int Code(Outlook? outlook) => outlook is { } o ? (int)o : -1;
    }

    /// <summary>Lists the ids of the rules whose effect differs between the two rule sets for a case.</summary>
    private void Responsible(OfferCase offerCase, List<string> ids)
    {
        var before = Effects(_oldEvaluator, offerCase);
        var after = Effects(_newEvaluator, offerCase);
        var afterById = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (id, effect) in after)
        {
            afterById.TryAdd(id, effect);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, effect) in before)
        {
            if (seen.Add(id) && afterById.GetValueOrDefault(id) != effect)
            {
                ids.Add(id);
            }
        }

        foreach (var (id, effect) in after)
        {
            if (seen.Add(id) && effect != RuleEffects.NotFired)
            {
                ids.Add(id);
            }
        }
    }

    /// <summary>Decides a case rule by rule with one rule set; empty when the case is invalid there.</summary>
    private static List<(string Id, byte Effect)> Effects(OfferEvaluator evaluator, OfferCase offerCase)
    {
        var result = new List<(string, byte)>();
        var policy = evaluator.RuleSet.Plan.Find(offerCase.Kind);
        var asOf = evaluator.GetAsOfDate(offerCase);
        if (policy is null || CaseValidator.Validate(offerCase, asOf, null, Language.English))
        {
            return result;
        }

        var facts = new int[FactCatalog.Count];
        FactCatalog.Fill(offerCase, asOf, facts);
        PlanRunner.Derive(evaluator.RuleSet.Plan, facts);
        var truths = new Truth[policy.Rules.Length];
        var effects = new byte[policy.Rules.Length];
        var context = new PlanContext(facts, new byte[policy.Named.Length], policy.Named);
        var (_, terminal) = PlanRunner.Decide(policy, ref context, truths);
        RuleEffects.Compute(policy, truths, terminal, effects);
        for (var i = 0; i < effects.Length; i++)
        {
            result.Add((policy.Rules[i].Model.Id, effects[i]));
        }

        return result;
    }

    private sealed class Cell
    {
        public long Count;
        public long Changed;
        public readonly Dictionary<string, long> Rules = new(StringComparer.Ordinal);
        public readonly List<ImpactExample> Examples = [];
    }
}
