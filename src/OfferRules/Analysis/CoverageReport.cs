using System.Collections.Immutable;
using System.Text.Json;
using OfferRules.Domain;

namespace OfferRules.Analysis;

/// <summary>What kind of rule-file item a <see cref="CoverageItem"/> counts.</summary>
public enum CoverageItemKind
{
    /// <summary>A rule.</summary>
    Rule = 0,

    /// <summary>A named condition (a withdrawal condition, a failure reason or a helper).</summary>
    Condition = 1,

    /// <summary>An action step.</summary>
    Action = 2,

    /// <summary>A caveat.</summary>
    Caveat = 3,

    /// <summary>A fallback.</summary>
    Fallback = 4,

    /// <summary>A message draft.</summary>
    Draft = 5,

    /// <summary>A part of a message draft; <see cref="CoverageItem.Part"/> says which.</summary>
    DraftPart = 6,
}

/// <summary>How often one item of a rule file was true, false and unknown over the cases of a coverage run.</summary>
/// <param name="Kind">What kind of item it is.</param>
/// <param name="CaseKind">The case kind of the policy the item belongs to.</param>
/// <param name="Id">The item's id; for a draft part, the draft's id.</param>
/// <param name="Part">For a draft part, its 0-based index in the draft's parts; otherwise <see langword="null"/>.</param>
/// <param name="Path">Where the item is in the rule file, as a JSON Pointer such as <c>/policies/0/rules/3</c>.</param>
/// <param name="True">How many evaluated cases made its condition true (for a rule: it fired; for an item: it was shown).</param>
/// <param name="False">How many made it false.</param>
/// <param name="Unknown">How many left it unknown.</param>
/// <param name="NotReached">
/// How many evaluated cases of its kind never looked at it: rules after a terminal rule that decided, and parts of a
/// draft that was not shown. Always 0 for the other kinds.
/// </param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CoverageItem(CoverageItemKind Kind, CaseKind CaseKind, string Id, int? Part, string Path, long True, long False, long Unknown, long NotReached);

/// <summary>
/// The result of a coverage run (<see cref="RuleSetAnalysis.Coverage(Rules.RuleSet, Stream, TimeProvider?, CancellationToken)"/>
/// or <see cref="CoverageCollector"/>): for every rule, named condition, action, caveat, fallback, draft and draft
/// part, how many cases made it true, false and unknown.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class CoverageReport
{
    internal CoverageReport(RuleSetIdentity ruleSet, long cases, long invalidCases, long unreadableLines, ImmutableArray<CoverageItem> items)
    {
        RuleSet = ruleSet;
        Cases = cases;
        InvalidCases = invalidCases;
        UnreadableLines = unreadableLines;
        Items = items;
    }

    /// <summary>Gets the rule set the cases were evaluated with.</summary>
    public RuleSetIdentity RuleSet { get; }

    /// <summary>Gets how many cases were evaluated (the counts are over these).</summary>
    public long Cases { get; }

    /// <summary>Gets how many cases were read but are invalid (validation errors, or a kind the rule set has no policy for); they count nowhere else.</summary>
    public long InvalidCases { get; }

    /// <summary>Gets how many lines were not a readable case (malformed JSON, an unknown property, a line too long).</summary>
    public long UnreadableLines { get; }

    /// <summary>
    /// Gets every item, those never true first; within each group in file order (policy by policy: rules, conditions,
    /// actions, caveats, fallbacks, drafts each followed by its parts).
    /// </summary>
    public ImmutableArray<CoverageItem> Items { get; }

    /// <summary>Gets the items that no evaluated case made true, in the order of <see cref="Items"/>.</summary>
    public ImmutableArray<CoverageItem> NeverTrue => [.. Items.TakeWhile(i => i.True == 0)];

    /// <summary>
    /// Writes the report as one JSON object: <c>ruleSet</c> (<c>id</c>, <c>version</c>, <c>hash</c>), <c>cases</c>,
    /// <c>invalidCases</c>, <c>unreadableLines</c>, <c>neverTrue</c> (how many items) and <c>items</c>, each with
    /// <c>kind</c>, <c>caseKind</c>, <c>id</c>, <c>part</c> (draft parts only), <c>path</c>, <c>true</c>, <c>false</c>,
    /// <c>unknown</c> and <c>notReached</c>.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteJson(Utf8JsonWriter writer) => AnalysisJson.Write(writer, this);

    /// <summary>Gets the report as JSON text (see <see cref="WriteJson"/>).</summary>
    /// <param name="indented">Whether to indent the text.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false) => AnalysisJson.ToJson(w => WriteJson(w), indented);
}
