using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    /// Registers the default (unnamed) OfferRules tenant: <see cref="IOfferEvaluator"/> (a singleton that always applies
    /// the current rule set), <see cref="OfferEvaluator"/> and <see cref="RuleSet"/> (the current ones, when resolved),
    /// the default <see cref="EvaluationOptions"/>, <see cref="IOfferEvaluatorProvider"/> and
    /// <see cref="OfferRulesHealthCheck"/>. Nothing is loaded here: the rule set is loaded when the evaluator is first
    /// resolved, or when the host starts, since the options are validated at start and a bad rule set fails the start
    /// with an <see cref="OptionsValidationException"/> that lists every diagnostic.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the rule set, the default language, the clock and the calendars; the built-in policy in English when <see langword="null"/>.</param>
    /// <returns>A builder that adds configuration (<see cref="OfferRulesBuilder.BindConfiguration"/>, <see cref="OfferRulesBuilder.Configure(Action{OfferRulesOptions, IServiceProvider})"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The default tenant is already registered with a different <paramref name="configure"/> callback.</exception>
    /// <remarks>
    /// A second call is idempotent when it is identical: the same tenant and the same callback (both <see langword="null"/>,
    /// or equal delegates: the same method on the same target, such as one method group or one lambda passed twice).
    /// It then registers nothing and returns a builder for the same tenant. Any other second call for the tenant throws,
    /// rather than being silently dropped. Configuration added through builders is not compared: it accumulates.
    /// </remarks>
    public static OfferRulesBuilder AddOfferRules(this IServiceCollection services, Action<OfferRulesOptions>? configure) =>
        AddOfferRules(services, Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers the default (unnamed) OfferRules tenant with the built-in policy in English, to be configured through
    /// the returned builder; the same as <see cref="AddOfferRules(IServiceCollection, Action{OfferRulesOptions}?)"/> with
    /// a <see langword="null"/> callback.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder that adds configuration (<see cref="OfferRulesBuilder.BindConfiguration"/>, <see cref="OfferRulesBuilder.Configure(Action{OfferRulesOptions, IServiceProvider})"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The default tenant is already registered with a configure callback.</exception>
    public static OfferRulesBuilder AddOfferRules(this IServiceCollection services) =>
        AddOfferRules(services, Options.Options.DefaultName, null);

    /// <summary>
    /// Registers an OfferRules tenant. For a named tenant, the services are keyed by its name
    /// (<c>[FromKeyedServices("tenant-a")] IOfferEvaluator</c>): <see cref="IOfferEvaluator"/>, <see cref="OfferEvaluator"/>,
    /// <see cref="RuleSet"/> and <see cref="EvaluationOptions"/>; every tenant is also reachable through
    /// <see cref="IOfferEvaluatorProvider"/>, registered once. <see cref="string.Empty"/> is the default tenant, registered
    /// without a key as <see cref="AddOfferRules(IServiceCollection, Action{OfferRulesOptions}?)"/> does.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="tenant">The tenant's name, used as the service key.</param>
    /// <param name="configure">Chooses the tenant's rule set and options; the built-in policy in English when <see langword="null"/>.</param>
    /// <returns>A builder that adds configuration to the tenant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="tenant"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is white space.</exception>
    /// <exception cref="InvalidOperationException">The tenant is already registered with a different <paramref name="configure"/> callback.</exception>
    /// <remarks>The idempotence rule of <see cref="AddOfferRules(IServiceCollection, Action{OfferRulesOptions}?)"/> applies per tenant.</remarks>
    public static OfferRulesBuilder AddOfferRules(this IServiceCollection services, string tenant, Action<OfferRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tenant);
        if (tenant.Length > 0 && string.IsNullOrWhiteSpace(tenant))
        {
            throw new ArgumentException("A tenant's name must not be white space; use string.Empty for the default tenant.", nameof(tenant));
        }

        var existing = services
            .Where(d => d.ServiceType == typeof(OfferRulesRegistration) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance)
            .OfType<OfferRulesRegistration>()
            .FirstOrDefault(r => r.Name == tenant);
        if (existing is not null)
        {
            if (Equals(existing.Configure, configure))
            {
                return new OfferRulesBuilder(services, tenant);
            }

            var which = tenant.Length == 0 ? "The default OfferRules tenant" : $"The OfferRules tenant '{tenant}'";
            throw new InvalidOperationException(
                $"{which} is already registered with a different configuration. Call AddOfferRules once per tenant and add to its configuration " +
                "through the returned builder (Configure, BindConfiguration), or register another tenant with AddOfferRules(\"name\", ...).");
        }

        services.AddSingleton(new OfferRulesRegistration(tenant, configure));
        var options = services.AddOptions<OfferRulesOptions>(tenant);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        AddShared(services);

        if (tenant.Length == 0)
        {
            services.AddSingleton(sp => sp.GetRequiredService<OfferEvaluatorProvider>().GetEvaluator(tenant));
            services.AddTransient(sp => sp.GetRequiredService<OfferEvaluatorProvider>().GetTenant(tenant).Current);
            services.AddTransient(sp => sp.GetRequiredService<OfferEvaluatorProvider>().GetTenant(tenant).Current.RuleSet);
            services.AddSingleton(sp => DefaultsFor(sp, tenant));
        }
        else
        {
            services.AddKeyedSingleton<IOfferEvaluator>(tenant, (sp, _) => sp.GetRequiredService<OfferEvaluatorProvider>().GetEvaluator(tenant));
            services.AddKeyedTransient(tenant, (sp, _) => sp.GetRequiredService<OfferEvaluatorProvider>().GetTenant(tenant).Current);
            services.AddKeyedTransient(tenant, (sp, _) => sp.GetRequiredService<OfferEvaluatorProvider>().GetTenant(tenant).Current.RuleSet);
            services.AddKeyedSingleton(tenant, (sp, _) => DefaultsFor(sp, tenant));
        }

        return new OfferRulesBuilder(services, tenant);
    }

    private static EvaluationOptions DefaultsFor(IServiceProvider services, string tenant) =>
        new() { Language = services.GetRequiredService<IOptionsMonitor<OfferRulesOptions>>().Get(tenant).DefaultLanguage };

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OfferRulesOptions>, OfferRulesOptionsValidator>());
        services.TryAddSingleton(sp => new OfferRulesMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new OfferEvaluatorProvider(
            sp,
            sp.GetServices<OfferRulesRegistration>(),
            sp.GetRequiredService<OfferRulesMetrics>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<IOfferEvaluatorProvider>(sp => sp.GetRequiredService<OfferEvaluatorProvider>());
        services.TryAddSingleton(sp => new OfferRulesHealthCheck(sp.GetRequiredService<OfferEvaluatorProvider>()));
    }
}
