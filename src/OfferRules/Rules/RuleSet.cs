using System.Collections.Immutable;
using OfferRules.Domain;
using OfferRules.Evaluation.Plan;
using OfferRules.Serialization;

namespace OfferRules.Rules;

/// <summary>
/// A loaded, validated and compiled rule set. Load one with <see cref="RuleSetJson"/>, or take the built-in
/// <see cref="Default"/> policy.
/// </summary>
/// <remarks>This type is immutable and thread-safe: one instance can serve any number of concurrent evaluations.</remarks>
public sealed class RuleSet
{
    private static readonly Lazy<RuleSet> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    internal RuleSet(RuleSetPlan plan, string contentHash)
    {
        Plan = plan;
        ContentHash = contentHash;
    }

    /// <summary>Gets the built-in default policy, loaded through the same public loader users call.</summary>
    public static RuleSet Default => s_default.Value;

    /// <summary>Gets the rule set's id, for example <c>offerrules.default</c>.</summary>
    public string Id => Plan.Model.Id;

    /// <summary>Gets the rule set's version, as written in the file.</summary>
    public string Version => Plan.Model.Version;

    /// <summary>Gets the SHA-256 of the rule file's bytes, as <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public string ContentHash { get; }

    /// <summary>Gets the case kinds this rule set has a policy for.</summary>
    public ImmutableArray<CaseKind> Kinds => [.. Plan.Policies.Select(p => p.Kind)];

    /// <summary>Gets the ids of the rules of the policy for a case kind, in the order they run.</summary>
    /// <param name="kind">The case kind.</param>
    /// <returns>The rule ids; empty when the rule set has no policy for <paramref name="kind"/>.</returns>
    public ImmutableArray<string> GetRuleIds(CaseKind kind) =>
        Plan.Find(kind) is { } policy ? [.. policy.Rules.Select(r => r.Model.Id)] : [];

    /// <summary>Gets the ids of the named conditions of the policy for a case kind.</summary>
    /// <param name="kind">The case kind.</param>
    /// <returns>The condition ids; empty when the rule set has no policy for <paramref name="kind"/>.</returns>
    public ImmutableArray<string> GetConditionIds(CaseKind kind) =>
        Plan.Find(kind) is { } policy ? [.. policy.Conditions.Select(c => c.Model.Id)] : [];

    /// <summary>
    /// Gets the evaluation cost of the rule set: for its most expensive policy, a bound on the condition nodes one full
    /// evaluation visits. That is the whole decision three times (for the case, as the base of the probes, and at the
    /// planned contact's date); for "what would help" and the missing facts, for each fact the decision reads, one probe
    /// per class of equivalent values of the fact, each re-evaluating only the rules and named conditions that read it;
    /// and the recommendations' conditions once. The loader rejects a file whose cost exceeds
    /// <see cref="RuleSetLimits.MaxEvaluationCost"/>.
    /// </summary>
    public long EvaluationCost => Plan.Policies.Length == 0
        ? 0
        : Plan.Policies.Max(p => RuleSetCompiler.Budget(Plan.Model, Plan.Model.Policies.First(m => m.Kind == p.Kind), p).Cost);

    internal RuleSetPlan Plan { get; }

    private static RuleSet LoadDefault()
    {
        using var stream = RuleSetJson.OpenDefaultPolicy();
        return RuleSetJson.Load(stream).GetValueOrThrow();
    }
}
