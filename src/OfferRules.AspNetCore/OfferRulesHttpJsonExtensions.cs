using OfferRules.Serialization;

#pragma warning disable IDE0130 // The namespace follows the runtime's convention for service registration.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the OfferRules JSON contracts with ASP.NET Core's HTTP JSON options.</summary>
public static class OfferRulesHttpJsonExtensions
{
    /// <summary>
    /// Puts <see cref="OfferRulesJsonContext"/> first in the resolver chain of the HTTP JSON options, so that minimal APIs
    /// bind <see cref="OfferRules.Domain.OfferCase"/> from the case JSON and write
    /// <see cref="OfferRules.Evaluation.EvaluationResult"/> as the evaluation JSON, also in trimmed and Native AOT apps.
    /// Calling it more than once adds the context once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection ConfigureOfferRulesHttpJson(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.ConfigureHttpJsonOptions(options =>
        {
            var chain = options.SerializerOptions.TypeInfoResolverChain;
            if (!chain.Contains(OfferRulesJsonContext.Default))
            {
                chain.Insert(0, OfferRulesJsonContext.Default);
            }
        });
    }
}
