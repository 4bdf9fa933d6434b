using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OfferRules.DependencyInjection;

/// <summary>
/// Validates a tenant's <see cref="OfferRulesOptions"/> by loading its rule set: the failures are the options' own
/// problems, or else every rule-set diagnostic, one failure each. With <c>ValidateOnStart</c> a host fails at start.
/// </summary>
internal sealed class OfferRulesOptionsValidator(IServiceProvider services) : IValidateOptions<OfferRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, OfferRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = services.GetRequiredService<OfferEvaluatorProvider>().FindTenant(name ?? Options.DefaultName);
        if (tenant is null)
        {
            return ValidateOptionsResult.Skip;
        }

        var label = OfferRulesLog.TenantLabel(tenant.Name);
        var problems = options.Validate().Select(p => $"OfferRules tenant {label}: {p}").ToList();
        if (problems.Count > 0)
        {
            return ValidateOptionsResult.Fail(problems);
        }

        var diagnostics = tenant.EnsureLoaded(options);
        return diagnostics.IsEmpty
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(diagnostics.Select(d => $"OfferRules tenant {label}: {d}"));
    }
}
