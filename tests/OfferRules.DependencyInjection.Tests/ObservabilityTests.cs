using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OfferRules.Evaluation;
using OfferRules.Rules;

namespace OfferRules.DependencyInjection.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public void Load_FirstResolve_LogsEvent1WithTenantIdVersionAndHash()
    {
        var services = new ServiceCollection();
        var logs = services.AddFakeLogs();
        services.AddOfferRules("tenant-a", o => o.UseRuleSetJson(Policies.WithVersion("a-1")));
        using var provider = services.BuildServiceProvider();

        var ruleSet = provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-a").RuleSet;

        var loaded = Assert.Single(logs.GetSnapshot());
        Assert.Equal(new EventId(1, "RuleSetLoaded"), loaded.Id);
        Assert.Equal("OfferRules", loaded.Category);
        Assert.Equal(LogLevel.Information, loaded.Level);
        Assert.Equal($"OfferRules tenant tenant-a loaded rule set offerrules.default version a-1 (hash {ruleSet.ContentHash}) from code.", loaded.Message);
    }

    [Fact]
    public async Task HealthCheckService_LoadedTenants_HealthyWithIdVersionAndHash()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOfferRules();
        services.AddOfferRules("tenant-b", o => o.UseRuleSetJson(Policies.WithVersion("b-1")));
        services.AddHealthChecks().AddCheck<OfferRulesHealthCheck>("offerrules");
        using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["offerrules"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("OfferRules: 2 tenant(s) loaded.", entry.Description);
        Assert.Equal("loaded", entry.Data["(default):state"]);
        Assert.Equal(RuleSet.Default.Id, entry.Data["(default):id"]);
        Assert.Equal(RuleSet.Default.Version, entry.Data["(default):version"]);
        Assert.Equal(RuleSet.Default.ContentHash, entry.Data["(default):hash"]);
        Assert.Equal("b-1", entry.Data["tenant-b:version"]);
    }

    [Fact]
    public async Task HealthCheck_TenantThatNeverLoaded_ReportsTheFailureStatus()
    {
        using var provider = new ServiceCollection().AddOfferRules("bad", o => o.UseRuleSetJson(Policies.Broken())).Services.BuildServiceProvider();

        var result = await ReloadTests.CheckAsync(provider);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("failed", result.Data["bad:state"]);
        Assert.True((int)result.Data["bad:diagnostics"] >= 2);
    }

    [Fact]
    public void LogInvalidCase_InvalidResult_LogsCodesAndPathsOnly()
    {
        var services = new ServiceCollection();
        var logs = services.AddFakeLogs();
        services.AddOfferRules();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Tests");
        var result = provider.GetRequiredService<IOfferEvaluator>().EvaluateJson(InvalidCaseWithPersonalData());

        logger.LogInvalidCase(result);

        Assert.Equal(EvaluationStatus.Invalid, result.Status);
        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 4);
        Assert.Equal("InvalidCase", record.Id.Name);
        Assert.All(result.Issues, i => Assert.Contains(i.Code + " at " + i.Path, record.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_LoadEvaluateInvalidAndReload_ContainNoPersonalData()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("rules.json", Policies.WithVersion("v1"));
        var services = new ServiceCollection();
        var logs = services.AddFakeLogs();
        services.AddOfferRules(o => o.UseRuleSetFile(path));
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Tests");
        var evaluator = provider.GetRequiredService<IOfferEvaluator>();

        var valid = evaluator.EvaluateJson(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Policies.CaseS01()).Replace("Sakura Logistics", "Hanako Yamada Trading", StringComparison.Ordinal)));
        logger.LogInvalidCase(valid);
        logger.LogInvalidCase(evaluator.EvaluateJson(InvalidCaseWithPersonalData()));
        File.WriteAllText(path, Policies.Broken());
        ReloadTests.Tenant(provider, string.Empty).ReloadNow();
        File.WriteAllText(path, Policies.WithVersion("v2"));
        ReloadTests.Tenant(provider, string.Empty).ReloadNow();

        var records = logs.GetSnapshot();
        Assert.Equal([1, 4, 3, 2], records.Select(r => r.Id.Id));
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []);
            Assert.DoesNotContain("Hanako", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Yamada", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Taro", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Waseda", text, StringComparison.Ordinal);
            Assert.DoesNotContain(dir.Path, text, StringComparison.Ordinal);
        }
    }

    /// <summary>A case whose values (a company name, a person's name as a track, a school as a channel) are personal data and invalid.</summary>
    private static byte[] InvalidCaseWithPersonalData() => Encoding.UTF8.GetBytes(
        Encoding.UTF8.GetString(Policies.CaseS01())
            .Replace("Sakura Logistics", "Hanako Yamada Trading", StringComparison.Ordinal)
            .Replace("\"newGraduate\"", "\"Taro Yamada\"", StringComparison.Ordinal)
            .Replace("\"phone\"", "\"Waseda University\"", StringComparison.Ordinal));
}
