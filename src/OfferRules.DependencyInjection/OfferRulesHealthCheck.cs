using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection;

/// <summary>
/// Reports each OfferRules tenant's rule-set state. <see cref="HealthStatus.Healthy"/>: every tenant has its rule set
/// loaded. <see cref="HealthStatus.Degraded"/>: a tenant's last reload failed and its old version keeps serving.
/// The registration's failure status (<see cref="HealthStatus.Unhealthy"/> by default): a tenant's rule set did not load
/// at all. The data holds, per tenant (<c>(default)</c> for the unnamed one), <c>{tenant}:state</c> (<c>loaded</c>,
/// <c>reloadFailed</c> or <c>failed</c>), <c>{tenant}:id</c>, <c>{tenant}:version</c>, <c>{tenant}:hash</c> and, after a
/// failure, <c>{tenant}:diagnostics</c> (the number of diagnostics) and, after a failed reload, <c>{tenant}:failedAt</c>
/// (when it failed, ISO 8601, by the tenant's clock).
/// </summary>
/// <remarks>
/// Registered as a singleton by <c>AddOfferRules</c>; add it to the health checks with
/// <c>services.AddHealthChecks().AddCheck&lt;OfferRulesHealthCheck&gt;("offerrules")</c>. Thread-safe.
/// </remarks>
public sealed class OfferRulesHealthCheck : IHealthCheck
{
    private readonly OfferEvaluatorProvider _provider;

    internal OfferRulesHealthCheck(OfferEvaluatorProvider provider) => _provider = provider;

    /// <summary>Reports each tenant's state; loads a tenant's rule set when it is not loaded yet.</summary>
    /// <param name="context">The health check's registration.</param>
    /// <param name="cancellationToken">Not used: the check reads state in memory (and loads a rule set not loaded yet).</param>
    /// <returns>The result, with the data described on the type.</returns>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failed = new List<string>();
        var degraded = new List<string>();
        foreach (var tenant in _provider.AllTenants)
        {
            var label = OfferRulesLog.TenantLabel(tenant.Name);
            try
            {
                var ruleSet = tenant.Current.RuleSet;
                data[label + ":id"] = ruleSet.Id;
                data[label + ":version"] = ruleSet.Version;
                data[label + ":hash"] = ruleSet.ContentHash;
                if (tenant.LastFailure is { } failure)
                {
                    data[label + ":state"] = "reloadFailed";
                    data[label + ":diagnostics"] = failure.Diagnostics.Length;
                    data[label + ":failedAt"] = failure.At.ToString("O", CultureInfo.InvariantCulture);
                    degraded.Add(string.Create(CultureInfo.InvariantCulture, $"tenant {label}: the last reload failed with {failure.Diagnostics.Length} diagnostic(s); version {ruleSet.Version} keeps serving"));
                }
                else
                {
                    data[label + ":state"] = "loaded";
                }
            }
            catch (Exception ex) when (ex is OptionsValidationException or RuleSetLoadException)
            {
                var count = ex is OptionsValidationException o ? o.Failures.Count() : ((RuleSetLoadException)ex).Diagnostics.Count;
                data[label + ":state"] = "failed";
                data[label + ":diagnostics"] = count;
                failed.Add(string.Create(CultureInfo.InvariantCulture, $"tenant {label}: the rule set did not load ({count} problem(s))"));
            }
        }

        HealthCheckResult result;
        if (failed.Count > 0)
        {
            result = new HealthCheckResult(context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy, "OfferRules: " + string.Join("; ", failed.Concat(degraded)) + ".", data: data);
        }
        else if (degraded.Count > 0)
        {
            result = HealthCheckResult.Degraded("OfferRules: " + string.Join("; ", degraded) + ".", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"OfferRules: {_provider.Tenants.Count} tenant(s) loaded."), data);
        }

        return Task.FromResult(result);
    }
}
