using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;

namespace OfferRules.DependencyInjection;

/// <summary>What one <c>AddOfferRules</c> call registered: the tenant's name and the configure callback, compared by a second call.</summary>
internal sealed class OfferRulesRegistration(string name, Action<OfferRulesOptions>? configure)
{
    public string Name { get; } = name;

    public Action<OfferRulesOptions>? Configure { get; } = configure;
}

/// <summary>The tenants of a container, each with its current evaluator.</summary>
internal sealed class OfferEvaluatorProvider : IOfferEvaluatorProvider, IDisposable
{
    private readonly Dictionary<string, (OfferRulesTenant Tenant, ForwardingOfferEvaluator Evaluator)> _tenants = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public OfferEvaluatorProvider(IServiceProvider services, IEnumerable<OfferRulesRegistration> registrations, OfferRulesMetrics metrics, ILoggerFactory? loggerFactory = null)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(OfferRulesLog.Category);
        foreach (var registration in registrations)
        {
            if (!_tenants.ContainsKey(registration.Name))
            {
                var tenant = new OfferRulesTenant(registration.Name, services, logger, metrics);
                var name = registration.Name;
                var defaults = new Lazy<EvaluationOptions>(() => new EvaluationOptions { Language = services.GetRequiredService<IOptionsMonitor<OfferRulesOptions>>().Get(name).DefaultLanguage });
                _tenants.Add(name, (tenant, new ForwardingOfferEvaluator(tenant, defaults)));
                _names.Add(registration.Name);
            }
        }
    }

    public IReadOnlyCollection<string> Tenants => _names.AsReadOnly();

    public IOfferEvaluator GetEvaluator(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!TryGetEvaluator(tenant, out var evaluator))
        {
            throw new KeyNotFoundException($"No OfferRules tenant named '{OfferRulesLog.Printable(tenant)}' is registered. Register it with services.AddOfferRules(\"{OfferRulesLog.Printable(tenant)}\", ...).");
        }

        return evaluator!;
    }

    public bool TryGetEvaluator(string tenant, out IOfferEvaluator? evaluator)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (_tenants.TryGetValue(tenant, out var entry))
        {
            _ = entry.Tenant.Current; // load now, so a bad rule set fails here and not inside the first evaluation
            evaluator = entry.Evaluator;
            return true;
        }

        evaluator = null;
        return false;
    }

    /// <summary>Gets a registered tenant.</summary>
    /// <exception cref="KeyNotFoundException">No tenant of that name is registered.</exception>
    public OfferRulesTenant GetTenant(string tenant) =>
        _tenants.TryGetValue(tenant, out var entry) ? entry.Tenant : throw new KeyNotFoundException($"No OfferRules tenant named '{OfferRulesLog.Printable(tenant)}' is registered.");

    /// <summary>Gets a registered tenant, or <see langword="null"/>.</summary>
    public OfferRulesTenant? FindTenant(string tenant) => _tenants.TryGetValue(tenant, out var entry) ? entry.Tenant : null;

    /// <summary>Gets every tenant, in registration order.</summary>
    public IEnumerable<OfferRulesTenant> AllTenants => _names.Select(n => _tenants[n].Tenant);

    public void Dispose()
    {
        foreach (var (tenant, _) in _tenants.Values)
        {
            tenant.Dispose();
        }
    }
}

/// <summary>
/// An <see cref="IOfferEvaluator"/> that forwards every call to the tenant's current evaluator, so that a singleton
/// consumer sees reloads. Each call reads the current evaluator once: a call in flight finishes on the version it started on.
/// </summary>
internal sealed class ForwardingOfferEvaluator(OfferRulesTenant tenant, Lazy<EvaluationOptions> defaults) : IOfferEvaluator
{
    public RuleSet RuleSet => tenant.Current.RuleSet;

    public Decision Decide(OfferCase offerCase) => tenant.Current.Decide(offerCase);

    // Without options, the tenant's configured DefaultLanguage applies, as "default language" promises.
    public EvaluationResult Evaluate(OfferCase offerCase, EvaluationOptions? options = null) => tenant.Current.Evaluate(offerCase, options ?? defaults.Value);

    public EvaluationResult EvaluateJson(ReadOnlySpan<byte> utf8Json, EvaluationOptions? options = null) => tenant.Current.EvaluateJson(utf8Json, options ?? defaults.Value);

    // The evaluator current when the call starts serves the whole call, even if a reload swaps it while the body is read.
    public ValueTask<EvaluationResult> EvaluateJsonAsync(Stream utf8Json, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        tenant.Current.EvaluateJsonAsync(utf8Json, options ?? defaults.Value, cancellationToken);
}
