using System.Collections.Immutable;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Analysis;

/// <summary>Settings of an impact analysis (<see cref="ImpactAnalyzer"/>, <see cref="RuleSetAnalysis.Diff(Rules.RuleSet, Rules.RuleSet, Stream, ImpactOptions?, CancellationToken)"/>).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ImpactOptions
{
    /// <summary>Gets the default options: 5 examples per transition, the system clock.</summary>
    public static ImpactOptions Default { get; } = new();

    /// <summary>Gets how many example cases to keep per outlook transition, the first ones met. The default is 5; 0 keeps none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or more than 1000.</exception>
    public int MaxExamples
    {
        get;
        init => field = value is >= 0 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(MaxExamples), value, "Keep from 0 to 1000 examples per transition.");
    } = 5;

    /// <summary>
    /// Gets the clock for cases without an <c>asOf</c>; the system clock when <see langword="null"/> (the default).
    /// It is read once, when the analysis starts, so that both rule sets and every case see the same day.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }
}

/// <summary>
/// The result of an impact analysis: how the outlooks and confidences of a stream of cases move from an old rule set to
/// a new one, which rules are responsible, and example cases for each move.
/// </summary>
/// <remarks>
/// A case is <em>changed</em> when its status, outlook or confidence differs between the two rule sets. Every case
/// counts in exactly one <see cref="Transitions"/> entry (its outlook before and after, <see langword="null"/> for an
/// invalid case); a case whose outlook stays but whose confidence moves is changed, in a diagonal entry.
/// This type is immutable and thread-safe.
/// </remarks>
public sealed class ImpactReport
{
    internal ImpactReport(
        RuleSetIdentity oldRuleSet,
        RuleSetIdentity newRuleSet,
        long cases,
        long changed,
        long unreadableLines,
        ImmutableArray<OutlookTransition> transitions,
        ImmutableArray<ConfidenceTransition> confidence,
        ImmutableArray<RuleChangeCount> rules)
    {
        OldRuleSet = oldRuleSet;
        NewRuleSet = newRuleSet;
        Cases = cases;
        Changed = changed;
        UnreadableLines = unreadableLines;
        Transitions = transitions;
        ConfidenceTransitions = confidence;
        Rules = rules;
    }

    /// <summary>Gets the rule set the cases were compared from.</summary>
    public RuleSetIdentity OldRuleSet { get; }

    /// <summary>Gets the rule set the cases were compared to.</summary>
    public RuleSetIdentity NewRuleSet { get; }

    /// <summary>Gets how many cases were read (valid or not).</summary>
    public long Cases { get; }

    /// <summary>Gets how many cases changed status, outlook or confidence.</summary>
    public long Changed { get; }

    /// <summary>Gets how many cases kept status, outlook and confidence.</summary>
    public long Unchanged => Cases - Changed;

    /// <summary>Gets how many lines were not a readable case (malformed JSON, an unknown property, a line too long).</summary>
    public long UnreadableLines { get; }

    /// <summary>
    /// Gets the outlook transition table: one entry per case kind and outlook before and after that some case took,
    /// the diagonal included; the entries with changed cases first, then by case kind, old outlook and new outlook.
    /// </summary>
    public ImmutableArray<OutlookTransition> Transitions { get; }

    /// <summary>Gets the confidence transition table: one entry per case kind and confidence before and after that some case took, the diagonal included.</summary>
    public ImmutableArray<ConfidenceTransition> ConfidenceTransitions { get; }

    /// <summary>Gets, for every rule responsible for at least one change, in how many changed cases it was; the most first.</summary>
    public ImmutableArray<RuleChangeCount> Rules { get; }

    /// <summary>
    /// Writes the report as one JSON object: <c>oldRuleSet</c>, <c>newRuleSet</c>, <c>cases</c>, <c>changed</c>,
    /// <c>unchanged</c>, <c>unreadableLines</c>, <c>transitions</c> (<c>caseKind</c>, <c>from</c>, <c>to</c>,
    /// <c>count</c>, <c>changed</c>, <c>rules</c>, <c>examples</c> with <c>line</c>, <c>text</c>, <c>old</c>, <c>new</c>
    /// and <c>rules</c>), <c>confidence</c> (<c>caseKind</c>, <c>from</c>, <c>to</c>, <c>count</c>) and <c>rules</c>
    /// (<c>id</c>, <c>count</c>). An invalid case's outlook and confidence are <see langword="null"/>.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteJson(Utf8JsonWriter writer) => AnalysisJson.Write(writer, this);

    /// <summary>Gets the report as JSON text (see <see cref="WriteJson"/>), Japanese unescaped.</summary>
    /// <param name="indented">Whether to indent the text.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false) => AnalysisJson.ToJson(w => WriteJson(w), indented);
}

/// <summary>One cell of the outlook transition table of an <see cref="ImpactReport"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class OutlookTransition
{
    internal OutlookTransition(CaseKind kind, Outlook? from, Outlook? to, long count, long changed, ImmutableArray<RuleChangeCount> rules, ImmutableArray<ImpactExample> examples)
    {
        CaseKind = kind;
        From = from;
        To = to;
        Count = count;
        Changed = changed;
        Rules = rules;
        Examples = examples;
    }

    /// <summary>Gets the case kind.</summary>
    public CaseKind CaseKind { get; }

    /// <summary>Gets the outlook with the old rule set; <see langword="null"/> when the case was invalid there.</summary>
    public Outlook? From { get; }

    /// <summary>Gets the outlook with the new rule set; <see langword="null"/> when the case is invalid there.</summary>
    public Outlook? To { get; }

    /// <summary>Gets how many cases made this transition.</summary>
    public long Count { get; }

    /// <summary>Gets how many of them changed: all of them when the outlook moved, those whose confidence or status moved otherwise.</summary>
    public long Changed { get; }

    /// <summary>Gets the rules responsible for the changed cases of this transition, with in how many each was; the most first.</summary>
    /// <remarks>
    /// A rule is responsible for a change when it fired with one rule set and not the other, or fired with both but
    /// changed the result with only one (as <see cref="Finding.Changed"/> says). A change made only by confidence
    /// levels, timing bands or validation names no rule.
    /// </remarks>
    public ImmutableArray<RuleChangeCount> Rules { get; }

    /// <summary>Gets up to <see cref="ImpactOptions.MaxExamples"/> changed cases of this transition, the first met.</summary>
    public ImmutableArray<ImpactExample> Examples { get; }
}

/// <summary>One cell of the confidence transition table of an <see cref="ImpactReport"/>.</summary>
/// <param name="CaseKind">The case kind.</param>
/// <param name="From">The confidence with the old rule set; <see langword="null"/> when the case was invalid there.</param>
/// <param name="To">The confidence with the new rule set; <see langword="null"/> when the case is invalid there.</param>
/// <param name="Count">How many cases made this transition.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ConfidenceTransition(CaseKind CaseKind, Confidence? From, Confidence? To, long Count);

/// <summary>A rule id with a count of cases.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Count">How many changed cases the rule was responsible for.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RuleChangeCount(string RuleId, long Count);

/// <summary>A changed case kept as an example in an <see cref="ImpactReport"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ImpactExample
{
    internal ImpactExample(long lineNumber, string text, Decision old, Decision @new, ImmutableArray<string> rules)
    {
        LineNumber = lineNumber;
        Text = text;
        Old = old;
        New = @new;
        Rules = rules;
    }

    /// <summary>Gets the 1-based line number of the case in its input (for a sequence of cases, its 1-based position).</summary>
    public long LineNumber { get; }

    /// <summary>Gets the case's line as read (for a sequence of cases, the case in the case JSON contract).</summary>
    public string Text { get; }

    /// <summary>Gets the decision with the old rule set.</summary>
    public Decision Old { get; }

    /// <summary>Gets the decision with the new rule set.</summary>
    public Decision New { get; }

    /// <summary>Gets the ids of the rules responsible for this case's change, in rule order (old rule set first).</summary>
    public ImmutableArray<string> Rules { get; }
}
