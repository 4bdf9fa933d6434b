namespace OfferRules.Analysis;

/// <summary>Rewrites a rule file in the canonical layout.</summary>
internal static class RuleSetFormatter
{
    public static RuleSetFormatResult Format(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException("Format is not implemented yet.");
}
