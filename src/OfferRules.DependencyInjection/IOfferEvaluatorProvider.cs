using OfferRules.Evaluation;

namespace OfferRules.DependencyInjection;

/// <summary>
/// Resolves the evaluator of a tenant registered with
/// <see cref="Microsoft.Extensions.DependencyInjection.OfferRulesServiceCollectionExtensions.AddOfferRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Action{OfferRulesOptions}?)"/>.
/// The unnamed registration is the tenant <see cref="string.Empty"/>. Registered once, as a singleton.
/// </summary>
/// <remarks>
/// The evaluators returned always apply the tenant's current rule set: when its file is reloaded, the next call uses
/// the new version, while a call in flight finishes on the old one. Each result names the rule set that produced it
/// (<see cref="EvaluationResult.RuleSetId"/>, <see cref="EvaluationResult.RuleSetVersion"/>). Thread-safe.
/// </remarks>
public interface IOfferEvaluatorProvider
{
    /// <summary>Gets the names of the registered tenants, in registration order; <see cref="string.Empty"/> stands for the unnamed registration.</summary>
    IReadOnlyCollection<string> Tenants { get; }

    /// <summary>Gets a tenant's evaluator, loading its rule set first if needed.</summary>
    /// <param name="tenant">The tenant's name.</param>
    /// <returns>The evaluator, never <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tenant"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No tenant of that name is registered.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The tenant's options are invalid or its rule set did not load; the failures list every diagnostic.</exception>
    IOfferEvaluator GetEvaluator(string tenant);

    /// <summary>Gets a tenant's evaluator when the tenant is registered, loading its rule set first if needed.</summary>
    /// <param name="tenant">The tenant's name.</param>
    /// <param name="evaluator">The evaluator, or <see langword="null"/> when no tenant of that name is registered.</param>
    /// <returns><see langword="true"/> when the tenant is registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tenant"/> is <see langword="null"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The tenant's options are invalid or its rule set did not load.</exception>
    bool TryGetEvaluator(string tenant, out IOfferEvaluator? evaluator);
}
