using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OfferRules.Evaluation;
using OfferRules.Rules;

namespace OfferRules.DependencyInjection.Tests;

public sealed class TenantTests
{
    [Fact]
    public void AddOfferRules_KeyedTenants_ResolveTheirOwnRuleSets()
    {
        var services = new ServiceCollection();
        services.AddOfferRules("tenant-a", o => o.UseRuleSetJson(Policies.WithVersion("a-1")));
        services.AddOfferRules("tenant-b", o => o.UseRuleSetJson(Policies.WithVersion("b-1"))).Configure(o => o.DefaultLanguage = "ja");
        services.AddSingleton<TenantAConsumer>();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("a-1", provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-a").RuleSet.Version);
        Assert.Equal("b-1", provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-b").RuleSet.Version);
        Assert.Equal("b-1", provider.GetRequiredKeyedService<OfferEvaluator>("tenant-b").RuleSet.Version);
        Assert.Equal("b-1", provider.GetRequiredKeyedService<RuleSet>("tenant-b").Version);
        Assert.Equal("ja", provider.GetRequiredKeyedService<EvaluationOptions>("tenant-b").Language);
        Assert.Equal("en", provider.GetRequiredKeyedService<EvaluationOptions>("tenant-a").Language);
        Assert.Equal("a-1", provider.GetRequiredService<TenantAConsumer>().Evaluator.RuleSet.Version);
        Assert.Null(provider.GetService<IOfferEvaluator>());
    }

    [Fact]
    public void Evaluate_WithoutOptions_SpeaksTheTenantsDefaultLanguage()
    {
        var services = new ServiceCollection();
        services.AddOfferRules(o => o.DefaultLanguage = "ja");
        services.AddOfferRules("tenant-en");
        using var provider = services.BuildServiceProvider();
        var json = """{ "asOf": "2025-07-02", "decline": { "channel": "fax" } }"""u8.ToArray();

        var ja = provider.GetRequiredService<IOfferEvaluator>().EvaluateJson(json);
        var en = provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-en").EvaluateJson(json);
        var asked = provider.GetRequiredService<IOfferEvaluator>().EvaluateJson(json, new EvaluationOptions { Language = "en" });

        Assert.Contains("channel", Assert.Single(ja.Issues).Message, StringComparison.Ordinal);
        Assert.Contains("「fax」", Assert.Single(ja.Issues).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("「", Assert.Single(en.Issues).Message, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(en.Issues).Message, Assert.Single(asked.Issues).Message);
    }

    [Fact]
    public void Provider_Tenants_ListsEveryRegistrationInOrder()
    {
        var services = new ServiceCollection();
        services.AddOfferRules("tenant-b");
        services.AddOfferRules();
        services.AddOfferRules("tenant-a");
        using var provider = services.BuildServiceProvider();

        var tenants = provider.GetRequiredService<IOfferEvaluatorProvider>();

        Assert.Equal(["tenant-b", string.Empty, "tenant-a"], tenants.Tenants);
        Assert.Same(provider.GetRequiredService<IOfferEvaluator>(), tenants.GetEvaluator(string.Empty));
        Assert.Same(provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-a"), tenants.GetEvaluator("tenant-a"));
    }

    [Fact]
    public void Provider_UnknownTenant_ThrowsOrReturnsFalse()
    {
        using var provider = new ServiceCollection().AddOfferRules("tenant-a").Services.BuildServiceProvider();
        var tenants = provider.GetRequiredService<IOfferEvaluatorProvider>();

        var ex = Assert.Throws<KeyNotFoundException>(() => tenants.GetEvaluator("tenant-z"));
        var found = tenants.TryGetEvaluator("tenant-z", out var evaluator);

        Assert.StartsWith("No OfferRules tenant named 'tenant-z' is registered.", ex.Message, StringComparison.Ordinal);
        Assert.False(found);
        Assert.Null(evaluator);
        Assert.True(tenants.TryGetEvaluator("tenant-a", out var known));
        Assert.Same(RuleSet.Default, known!.RuleSet);
    }

    [Fact]
    public void Provider_TenantWithBadRuleSet_FailsWithEveryDiagnosticOnlyForThatTenant()
    {
        var services = new ServiceCollection();
        services.AddOfferRules("good");
        services.AddOfferRules("bad", o => o.UseRuleSetJson(Policies.Broken()));
        using var provider = services.BuildServiceProvider();
        var tenants = provider.GetRequiredService<IOfferEvaluatorProvider>();

        var ex = Assert.Throws<OptionsValidationException>(() => tenants.GetEvaluator("bad"));

        Assert.Equal("bad", ex.OptionsName);
        Assert.True(ex.Failures.Count() >= 2);
        Assert.All(ex.Failures, f => Assert.StartsWith("OfferRules tenant bad: ", f, StringComparison.Ordinal));
        Assert.Same(RuleSet.Default, tenants.GetEvaluator("good").RuleSet);
    }

    [Fact]
    public void AddOfferRules_WhiteSpaceTenant_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOfferRules(" "));

        Assert.Equal("tenant", ex.ParamName);
    }

    private sealed class TenantAConsumer([FromKeyedServices("tenant-a")] IOfferEvaluator evaluator)
    {
        public IOfferEvaluator Evaluator => evaluator;
    }
}
