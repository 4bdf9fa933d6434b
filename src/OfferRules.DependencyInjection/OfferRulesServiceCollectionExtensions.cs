using Microsoft.Extensions.DependencyInjection.Extensions;
using OfferRules.DependencyInjection;
using OfferRules.Evaluation;
using OfferRules.Rules;

#pragma warning disable IDE0130 // The namespace follows the runtime's convention for service registration.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers OfferRules with a service collection.</summary>
public static class OfferRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the OfferRules <see cref="RuleSet"/>, <see cref="OfferEvaluator"/> and default
    /// <see cref="EvaluationOptions"/> as singletons. The rule set is loaded and checked here, so a bad rule file
    /// fails at start-up with all its diagnostics, not at the first request. Calling this twice registers nothing more.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the rule set, the default language, the clock and the holiday calendar; the built-in policy in English when <see langword="null"/>.</param>
    /// <returns>The <see cref="IServiceCollection"/> so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="OfferRules.Serialization.RuleSetLoadException">The rule set did not load; the exception lists every diagnostic.</exception>
    public static IServiceCollection AddOfferRules(this IServiceCollection services, Action<OfferRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(OfferRulesMarker)))
        {
            return services;
        }

        var options = new OfferRulesOptions();
        configure?.Invoke(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The OfferRules options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)), nameof(configure));
        }

        var ruleSet = options.LoadRuleSet();
        var evaluator = new OfferEvaluator(ruleSet, options.TimeProvider, options.HolidayCalendar, options.CompanyCalendar);
        services.TryAddSingleton(ruleSet);
        services.TryAddSingleton(evaluator);
        services.TryAddSingleton(new EvaluationOptions { Language = options.DefaultLanguage });
        services.AddSingleton<OfferRulesMarker>();
        return services;
    }

    /// <summary>Marks a collection that already has OfferRules registered.</summary>
    private sealed class OfferRulesMarker;
}
