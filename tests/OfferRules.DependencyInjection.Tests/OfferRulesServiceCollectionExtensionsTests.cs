using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection.Tests;

public sealed class OfferRulesServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOfferRules_Defaults_RegistersTheDefaultPolicy()
    {
        using var provider = new ServiceCollection().AddOfferRules().Services.BuildServiceProvider();

        Assert.Same(RuleSet.Default, provider.GetRequiredService<RuleSet>());
        Assert.Same(RuleSet.Default, provider.GetRequiredService<OfferEvaluator>().RuleSet);
        Assert.Same(RuleSet.Default, provider.GetRequiredService<IOfferEvaluator>().RuleSet);
        Assert.Equal("en", provider.GetRequiredService<EvaluationOptions>().Language);
        Assert.Equal([string.Empty], provider.GetRequiredService<IOfferEvaluatorProvider>().Tenants);
    }

    [Fact]
    public void AddOfferRules_Registration_LoadsNothingUntilResolved()
    {
        var opened = 0;
        var services = new ServiceCollection();
        services.AddOfferRules(o => o.UseRuleSetStream(() =>
        {
            opened++;
            return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Policies.WithVersion("lazy")));
        }));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(0, opened);

        var evaluator = provider.GetRequiredService<IOfferEvaluator>();
        _ = provider.GetRequiredService<OfferEvaluator>();

        Assert.Equal("lazy", evaluator.RuleSet.Version);
        Assert.Equal(1, opened);
    }

    [Fact]
    public void AddOfferRules_IdenticalSecondCall_IsIdempotent()
    {
        Action<OfferRulesOptions> configure = o => o.DefaultLanguage = "ja";
        var services = new ServiceCollection();

        services.AddOfferRules();
        services.AddOfferRules();
        services.AddOfferRules("tenant-a", configure);
        var again = services.AddOfferRules("tenant-a", configure);

        Assert.Equal("tenant-a", again.Name);
        Assert.Single(services, d => d.ServiceType == typeof(IOfferEvaluator) && !d.IsKeyedService);
        Assert.Single(services, d => d.ServiceType == typeof(IOfferEvaluator) && d.IsKeyedService && Equals(d.ServiceKey, "tenant-a"));
        using var provider = services.BuildServiceProvider();
        Assert.Equal([string.Empty, "tenant-a"], provider.GetRequiredService<IOfferEvaluatorProvider>().Tenants);
        Assert.Equal("ja", provider.GetRequiredKeyedService<EvaluationOptions>("tenant-a").Language);
    }

    [Fact]
    public void AddOfferRules_ConflictingSecondCall_Throws()
    {
        var services = new ServiceCollection();
        services.AddOfferRules();

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddOfferRules(o => o.DefaultLanguage = "ja"));

        Assert.StartsWith("The default OfferRules tenant is already registered with a different configuration.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOfferRules_ConflictingSecondCallForTenant_ThrowsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddOfferRules("tenant-a", o => o.DefaultLanguage = "en");

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddOfferRules("tenant-a", o => o.DefaultLanguage = "ja"));

        Assert.StartsWith("The OfferRules tenant 'tenant-a' is already registered with a different configuration.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOfferRules_Options_AreApplied()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 7, 1, 16, 0, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection()
            .AddOfferRules(o =>
            {
                o.DefaultLanguage = "ja";
                o.TimeProvider = clock;
            })
            .Services.BuildServiceProvider();

        var result = provider.GetRequiredService<IOfferEvaluator>().Evaluate(new OfferCase(), provider.GetRequiredService<EvaluationOptions>());

        Assert.Equal(new DateOnly(2025, 7, 2), result.AsOf);
        Assert.Equal("ja", provider.GetRequiredService<EvaluationOptions>().Language);
    }

    [Fact]
    public void AddOfferRules_ContainerTimeProvider_IsUsedForCasesWithoutAsOf()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 12, 24, 3, 0, 0, TimeSpan.Zero)));
        services.AddOfferRules();
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<IOfferEvaluator>().Evaluate(new OfferCase());

        Assert.Equal(new DateOnly(2025, 12, 24), result.AsOf);
    }

    [Fact]
    public void AddOfferRules_OptionsTimeProvider_WinsOverTheContainers()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 12, 24, 3, 0, 0, TimeSpan.Zero)));
        services.AddOfferRules(o => o.TimeProvider = new FixedClock(new DateTimeOffset(2025, 3, 3, 3, 0, 0, TimeSpan.Zero)));
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<OfferEvaluator>().Evaluate(new OfferCase());

        Assert.Equal(new DateOnly(2025, 3, 3), result.AsOf);
    }

    [Fact]
    public void Configure_WithServiceProvider_ReachesTheContainer()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new TenantDirectory("ja"));
        services.AddOfferRules().Configure((o, sp) => o.DefaultLanguage = sp.GetRequiredService<TenantDirectory>().Language);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("ja", provider.GetRequiredService<EvaluationOptions>().Language);
    }

    [Fact]
    public void BindConfiguration_InMemorySection_BindsEveryKey()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("rules.json", Policies.WithVersion("from-config"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OfferRules:DefaultLanguage"] = "ja",
            ["OfferRules:RuleSetPath"] = path,
            ["OfferRules:ReloadOnChange"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOfferRules().BindConfiguration();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<OfferRulesOptions>>().Value;

        Assert.Equal("ja", options.DefaultLanguage);
        Assert.Equal(path, options.RuleSetPath);
        Assert.True(options.ReloadOnChange);
        Assert.Equal("from-config", provider.GetRequiredService<IOfferEvaluator>().RuleSet.Version);
        Assert.Equal("ja", provider.GetRequiredService<EvaluationOptions>().Language);
    }

    [Fact]
    public void Bind_SectionOverridesTheCallback_InCallOrder()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Tenants:a:DefaultLanguage"] = "ja" }).Build().GetSection("Tenants:a");
        var services = new ServiceCollection();
        services.AddOfferRules("a", o => o.DefaultLanguage = "en").Bind(section);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("ja", provider.GetRequiredKeyedService<EvaluationOptions>("a").Language);
    }

    [Fact]
    public void BindConfiguration_BadBoolean_FailsValidationNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OfferRules:ReloadOnChange"] = "sometimes" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOfferRules().BindConfiguration();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOfferEvaluator>());

        Assert.Equal(["OfferRules tenant (default): OfferRules:ReloadOnChange must be 'true' or 'false'."], ex.Failures);
    }

    [Fact]
    public void AddOfferRules_InvalidOptions_FailOnResolve()
    {
        using var provider = new ServiceCollection().AddOfferRules(o => o.DefaultLanguage = " ").Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOfferEvaluator>());

        Assert.Equal(["OfferRules tenant (default): DefaultLanguage must be a language tag such as 'en' or 'ja'."], ex.Failures);
    }

    [Fact]
    public async Task HostStart_BadRuleFile_FailsWithEveryDiagnostic()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("rules/tenant.json", Policies.Broken());
        var expected = RuleSetJson.LoadFile(path).Diagnostics;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dir.Path, DisableDefaults = true });
        builder.Services.AddOfferRules(o => o.UseRuleSetFile("rules/tenant.json"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.True(expected.Length >= 2);
        Assert.Equal(expected.Select(d => "OfferRules tenant (default): " + d), ex.Failures);
        Assert.Contains(ex.Failures, f => f.Contains("[condition.unknownFact]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostStart_RelativePath_ResolvesAgainstTheContentRoot()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/tenant.json", Policies.WithVersion("content-root"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dir.Path, DisableDefaults = true });
        builder.Services.AddOfferRules(o => o.UseRuleSetFile("rules/tenant.json"));
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal("content-root", host.Services.GetRequiredService<IOfferEvaluator>().RuleSet.Version);
        await host.StopAsync();
    }

    [Fact]
    public void AddOfferRules_RelativePathWithoutHost_ResolvesAgainstTheAppBaseDirectory()
    {
        using var provider = new ServiceCollection().AddOfferRules(o => o.UseRuleSetFile("default-policy.json")).Services.BuildServiceProvider();

        Assert.Equal(RuleSet.Default.ContentHash, provider.GetRequiredService<RuleSet>().ContentHash);
    }

    [Fact]
    public void AddOfferRules_RuleSetJson_IsLoaded()
    {
        using var provider = new ServiceCollection().AddOfferRules(o => o.UseRuleSetJson(Policies.WithVersion("tenant-7"))).Services.BuildServiceProvider();

        Assert.Equal("tenant-7", provider.GetRequiredService<OfferEvaluator>().RuleSet.Version);
    }

    [Fact]
    public void AddOfferRules_StreamAndRuleSet_AreAccepted()
    {
        using var fromStream = new ServiceCollection().AddOfferRules(o => o.UseRuleSetStream(() => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "default-policy.json")))).Services.BuildServiceProvider();
        using var fromRuleSet = new ServiceCollection().AddOfferRules(o => o.UseRuleSet(RuleSet.Default)).Services.BuildServiceProvider();

        Assert.Equal(RuleSet.Default.ContentHash, fromStream.GetRequiredService<RuleSet>().ContentHash);
        Assert.Same(RuleSet.Default, fromRuleSet.GetRequiredService<RuleSet>());
    }

    [Fact]
    public void AddOfferRules_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OfferRulesServiceCollectionExtensions.AddOfferRules(null!));
    }

    private sealed record TenantDirectory(string Language);
}
