using OfferRules.Rules;

namespace OfferRules.Analysis;

/// <summary>Which rule set a report was made with: its id, version and content hash, as every evaluation result stamps them.</summary>
/// <param name="Id">The rule set's id.</param>
/// <param name="Version">The rule set's version.</param>
/// <param name="Hash">The SHA-256 of the rule file, as <c>sha256:</c> and 64 hex digits.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RuleSetIdentity(string Id, string Version, string Hash)
{
    internal static RuleSetIdentity Of(RuleSet ruleSet) => new(ruleSet.Id, ruleSet.Version, ruleSet.ContentHash);
}
