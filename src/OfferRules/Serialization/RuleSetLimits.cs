using System.Globalization;

namespace OfferRules.Serialization;

/// <summary>
/// Bounds that keep a hostile or broken rule file cheap to reject. A file that exceeds one fails to load with a
/// <c>ruleSet.limit</c> diagnostic (or <c>json.malformed</c> for nesting) that names where.
/// </summary>
/// <remarks>
/// <para>
/// The defaults (<see cref="Default"/>) fit the built-in policy many times over. A job board that loads one rule file
/// per tenant can tighten them with <c>with</c> and pass them to
/// <see cref="RuleSetJson.Load(string, RuleSetLimits)"/> and its overloads:
/// <c>RuleSetLimits.Default with { MaxBytes = 256 * 1024, MaxRules = 200 }</c>.
/// </para>
/// <para>
/// Every limit must be a positive number; <see cref="MaxJsonDepth"/> is at most 256, so that no setting lets a file
/// nest deeply enough to exhaust the stack. A value out of range throws when the object is created, naming the property.
/// This type is immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record RuleSetLimits
{
    private const int MaxJsonDepthLimit = 256;

    /// <summary>Gets the default limits, used by the overloads of <see cref="RuleSetJson"/> that take none.</summary>
    public static RuleSetLimits Default { get; } = new();

    /// <summary>Gets the largest rule file accepted, in bytes of UTF-8 (default 16 MiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxBytes { get; init => field = Positive(value, int.MaxValue, nameof(MaxBytes)); } = 16 * 1024 * 1024;

    /// <summary>Gets the deepest JSON nesting the parser accepts (default 64, at most 256).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and 256.</exception>
    public int MaxJsonDepth { get; init => field = Positive(value, MaxJsonDepthLimit, nameof(MaxJsonDepth)); } = 64;

    /// <summary>Gets the deepest nesting of conditions (<c>all</c>, <c>any</c>, <c>not</c>, <c>atLeast</c>) accepted (default 32).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxConditionDepth { get; init => field = Positive(value, int.MaxValue, nameof(MaxConditionDepth)); } = 32;

    /// <summary>
    /// Gets the most items in one list (default 20,000): the policies, and in a policy the named conditions, the rules,
    /// the actions, the caveats, the fallbacks or the drafts.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxRules { get; init => field = Positive(value, int.MaxValue, nameof(MaxRules)); } = 20_000;

    /// <summary>Gets the most condition nodes in the whole file (default 200,000).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxConditionNodes { get; init => field = Positive(value, int.MaxValue, nameof(MaxConditionNodes)); } = 200_000;

    /// <summary>
    /// Gets the longest id, version or reference, in characters (default 100). Catalogued names (facts, operators and
    /// enum values) are checked against the catalog, not against this limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxIdLength { get; init => field = Positive(value, int.MaxValue, nameof(MaxIdLength)); } = 100;

    /// <summary>Gets the longest message, title or description, in characters (default 2,000).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxTextLength { get; init => field = Positive(value, int.MaxValue, nameof(MaxTextLength)); } = 2_000;

    /// <summary>Gets the most placeholders in one message (default 16).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxPlaceholders { get; init => field = Positive(value, int.MaxValue, nameof(MaxPlaceholders)); } = 16;

    /// <summary>Gets the most values in one <c>in</c> or <c>notIn</c> list (default 1,000).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxValuesPerList { get; init => field = Positive(value, int.MaxValue, nameof(MaxValuesPerList)); } = 1_000;

    /// <summary>
    /// Gets the most probe values in one policy (default 2,000): the values of the unknown and changeable facts that
    /// "what would help" and the missing facts try, one per class of equivalent values (values that give every comparison
    /// on the fact the same truth). Each distinct day number a rule compares with adds up to two classes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxProbeValues { get; init => field = Positive(value, int.MaxValue, nameof(MaxProbeValues)); } = 2_000;

    /// <summary>
    /// Gets the largest evaluation cost of one policy (default 50,000): a bound on the condition nodes that one full
    /// evaluation visits, <see cref="Rules.RuleSet.EvaluationCost"/>. The default is set from a benchmark
    /// (<c>HostileRuleSetBenchmarks</c>): the costliest files that load within it evaluate a case in under a
    /// millisecond, while the default policy costs about 2,500, a twentieth of it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxEvaluationCost { get; init => field = Positive(value, int.MaxValue, nameof(MaxEvaluationCost)); } = 50_000;

    /// <summary>Gets the most diagnostics reported for one file (default 200); one more says that the rest are not listed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxDiagnostics { get; init => field = Positive(value, int.MaxValue, nameof(MaxDiagnostics)); } = 200;

    private static int Positive(int value, int max, string name)
    {
        if (value < 1 || value > max)
        {
            var range = max == int.MaxValue ? "a positive number" : $"between 1 and {max.ToString(CultureInfo.InvariantCulture)}";
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(RuleSetLimits)}.{name} must be {range}.");
        }

        return value;
    }
}
