using Microsoft.Extensions.DependencyInjection;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection.Tests;

public sealed class OfferRulesServiceCollectionExtensionsTests
{
    private static readonly DateTimeOffset s_asOf = new(2025, 7, 2, 0, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void AddOfferRules_Defaults_RegistersTheDefaultPolicy()
    {
        using var provider = new ServiceCollection().AddOfferRules().BuildServiceProvider();

        var evaluator = provider.GetRequiredService<OfferEvaluator>();
        Assert.Same(RuleSet.Default, provider.GetRequiredService<RuleSet>());
        Assert.Same(RuleSet.Default, evaluator.RuleSet);
        Assert.Equal("en", provider.GetRequiredService<EvaluationOptions>().Language);
    }

    [Fact]
    public void AddOfferRules_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddOfferRules().AddOfferRules(o => o.DefaultLanguage = "ja");

        Assert.Single(services, d => d.ServiceType == typeof(OfferEvaluator));
        Assert.Single(services, d => d.ServiceType == typeof(RuleSet));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("en", provider.GetRequiredService<EvaluationOptions>().Language);
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
            .BuildServiceProvider();

        var result = provider.GetRequiredService<OfferEvaluator>().Evaluate(new OfferCase(), provider.GetRequiredService<EvaluationOptions>());

        Assert.Equal(new DateOnly(2025, 7, 2), result.AsOf);
        Assert.Equal("ja", provider.GetRequiredService<EvaluationOptions>().Language);
    }

    [Fact]
    public void AddOfferRules_RuleSetJson_IsLoadedAtRegistration()
    {
        var json = File.ReadAllText(DefaultPolicyPath()).Replace("\"version\": \"1.1.0\"", "\"version\": \"tenant-7\"", StringComparison.Ordinal);

        using var provider = new ServiceCollection().AddOfferRules(o => o.UseRuleSetJson(json)).BuildServiceProvider();

        Assert.Equal("tenant-7", provider.GetRequiredService<OfferEvaluator>().RuleSet.Version);
    }

    [Fact]
    public void AddOfferRules_BadRuleFile_FailsAtRegistrationWithDiagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"offerrules-di-{Guid.NewGuid()}.json");
        File.WriteAllText(path, File.ReadAllText(DefaultPolicyPath()).Replace("\"company.seatStatus\"", "\"company.seatStatsu\"", StringComparison.Ordinal));
        try
        {
            var services = new ServiceCollection();

            var ex = Assert.Throws<RuleSetLoadException>(() => services.AddOfferRules(o => o.UseRuleSetFile(path)));

            Assert.Contains(ex.Diagnostics, d => d.Code == "condition.unknownFact" && d.Line is not null);
            Assert.Empty(services);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddOfferRules_StreamAndRuleSet_AreAccepted()
    {
        using var fromStream = new ServiceCollection().AddOfferRules(o => o.UseRuleSetStream(() => File.OpenRead(DefaultPolicyPath()))).BuildServiceProvider();
        using var fromRuleSet = new ServiceCollection().AddOfferRules(o => o.UseRuleSet(RuleSet.Default)).BuildServiceProvider();

        Assert.Equal(RuleSet.Default.ContentHash, fromStream.GetRequiredService<RuleSet>().ContentHash);
        Assert.Same(RuleSet.Default, fromRuleSet.GetRequiredService<RuleSet>());
    }

    [Fact]
    public void AddOfferRules_InvalidOptions_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOfferRules(o => o.DefaultLanguage = " "));

        Assert.Equal("The OfferRules options are invalid:" + Environment.NewLine + "- DefaultLanguage must be a language tag such as 'en' or 'ja'. (Parameter 'configure')", ex.Message);
    }

    [Fact]
    public void AddOfferRules_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OfferRulesServiceCollectionExtensions.AddOfferRules(null!));
    }

    private static string DefaultPolicyPath() => Path.Combine(AppContext.BaseDirectory, "default-policy.json");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
