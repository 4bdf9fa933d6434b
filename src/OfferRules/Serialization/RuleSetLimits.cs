namespace OfferRules.Serialization;

/// <summary>
/// Bounds that keep a hostile or broken rule file cheap to reject. A file that exceeds one fails to load with a
/// <c>ruleSet.limit</c> diagnostic that names where.
/// </summary>
internal sealed record RuleSetLimits
{
    public static RuleSetLimits Default { get; } = new();

    /// <summary>Gets the largest rule file accepted, in bytes (16 MiB).</summary>
    public int MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Gets the deepest JSON nesting accepted by the parser.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Gets the deepest condition nesting accepted.</summary>
    public int MaxConditionDepth { get; init; } = 32;

    /// <summary>Gets the most rules (and named conditions) in one policy.</summary>
    public int MaxRules { get; init; } = 20_000;

    /// <summary>Gets the most condition nodes in the whole file.</summary>
    public int MaxConditionNodes { get; init; } = 200_000;

    /// <summary>Gets the longest id or name.</summary>
    public int MaxIdLength { get; init; } = 100;

    /// <summary>Gets the longest message.</summary>
    public int MaxTextLength { get; init; } = 2_000;

    /// <summary>Gets the most placeholders in one message.</summary>
    public int MaxPlaceholders { get; init; } = 16;

    /// <summary>Gets the most diagnostics reported for one file.</summary>
    public int MaxDiagnostics { get; init; } = 200;
}
