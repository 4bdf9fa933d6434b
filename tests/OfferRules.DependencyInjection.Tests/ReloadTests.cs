using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection.Tests;

public sealed class ReloadTests
{
    [Fact]
    public void ReloadNow_NewVersion_SwapsAndEachResultNamesTheVersionThatProducedIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("rules.json", Policies.WithVersion("v1"));
        using var provider = new ServiceCollection().AddOfferRules("tenant-a", o => o.UseRuleSetFile(path)).Services.BuildServiceProvider();
        var evaluator = provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-a");
        var pinned = provider.GetRequiredKeyedService<OfferEvaluator>("tenant-a");
        var before = evaluator.EvaluateJson(Policies.CaseS01());

        File.WriteAllText(path, Policies.WithVersion("v2"));
        var outcome = Tenant(provider, "tenant-a").ReloadNow();
        var after = evaluator.EvaluateJson(Policies.CaseS01());

        Assert.Equal(ReloadOutcome.Reloaded, outcome);
        Assert.Equal("v1", before.RuleSetVersion);
        Assert.Equal("v2", after.RuleSetVersion);
        Assert.NotEqual(before.RuleSetHash, after.RuleSetHash);
        Assert.Equal("v2", evaluator.RuleSet.Version);
        Assert.Equal("v2", provider.GetRequiredKeyedService<OfferEvaluator>("tenant-a").RuleSet.Version);
        Assert.Equal("v1", pinned.RuleSet.Version); // an instance taken before the swap keeps its version
    }

    [Fact]
    public async Task ReloadNow_WhileEvaluationsRun_EveryResultIsWhollyOneVersion()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("rules.json", Policies.WithVersion("v1"));
        using var provider = new ServiceCollection().AddOfferRules(o => o.UseRuleSetFile(path)).Services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IOfferEvaluator>();
        var v1Hash = evaluator.RuleSet.ContentHash;
        var body = Policies.CaseS01();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var results = new List<EvaluationResult>();
            while (!stop.IsCancellationRequested || results.Count == 0)
            {
                results.Add(evaluator.EvaluateJson(body));
            }

            return results;
        })).ToArray();

        File.WriteAllText(path, Policies.WithVersion("v2"));
        var outcome = Tenant(provider, string.Empty).ReloadNow();
        var v2Hash = evaluator.RuleSet.ContentHash;
        var afterSwap = evaluator.EvaluateJson(body);
        await stop.CancelAsync();
        var results = (await Task.WhenAll(workers)).SelectMany(r => r).ToList();

        Assert.Equal(ReloadOutcome.Reloaded, outcome);
        Assert.Equal("v2", afterSwap.RuleSetVersion);
        Assert.All(results, r => Assert.Equal(EvaluationStatus.Evaluated, r.Status));
        Assert.All(results, r => Assert.True(
            (r.RuleSetVersion, r.RuleSetHash) == ("v1", v1Hash) || (r.RuleSetVersion, r.RuleSetHash) == ("v2", v2Hash),
            $"{r.RuleSetVersion} {r.RuleSetHash}"));
    }

    [Fact]
    public void ReloadNow_SameContent_IsUnchanged()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("rules.json", Policies.WithVersion("v1"));
        using var provider = new ServiceCollection().AddOfferRules(o => o.UseRuleSetFile(path)).Services.BuildServiceProvider();
        var first = provider.GetRequiredService<OfferEvaluator>();

        var outcome = Tenant(provider, string.Empty).ReloadNow();

        Assert.Equal(ReloadOutcome.Unchanged, outcome);
        Assert.Same(first, provider.GetRequiredService<OfferEvaluator>());
    }

    [Fact]
    public void ReloadNow_RuleSetNotFromAFile_IsNotReloadable()
    {
        using var provider = new ServiceCollection().AddOfferRules().Services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOfferEvaluator>().RuleSet;

        Assert.Equal(ReloadOutcome.NotReloadable, Tenant(provider, string.Empty).ReloadNow());
    }

    [Fact]
    public async Task ReloadNow_BadFile_KeepsTheOldVersionLogsEveryDiagnosticAndDegradesHealth()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("tenant-a.json", Policies.WithVersion("v1"));
        var services = new ServiceCollection();
        var logs = services.AddFakeLogs();
        services.AddMetrics();
        services.AddOfferRules("tenant-a", o => o.UseRuleSetFile(path));
        using var provider = services.BuildServiceProvider();
        using var reloads = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "OfferRules", "offerrules.rule_set.reloads");
        var evaluator = provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-a");
        Assert.Equal("v1", evaluator.RuleSet.Version);

        File.WriteAllText(path, Policies.Broken());
        var expected = RuleSetJson.LoadFile(path).Diagnostics;
        var outcome = Tenant(provider, "tenant-a").ReloadNow();
        var health = await CheckAsync(provider);

        Assert.Equal(ReloadOutcome.Failed, outcome);
        Assert.Equal("v1", evaluator.EvaluateJson(Policies.CaseS01()).RuleSetVersion);
        var failed = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 3);
        Assert.Equal("RuleSetReloadFailed", failed.Id.Name);
        Assert.Equal("tenant-a", failed.GetStructuredStateValue("Tenant"));
        Assert.Equal("tenant-a.json", failed.GetStructuredStateValue("FileName"));
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.GetStructuredStateValue("DiagnosticCount"));
        Assert.All(expected, d => Assert.Contains(d.Code + " at " + d.Path, failed.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(dir.Path, failed.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("reloadFailed", health.Data["tenant-a:state"]);
        Assert.Equal(expected.Length, health.Data["tenant-a:diagnostics"]);
        Assert.Equal("v1", health.Data["tenant-a:version"]);
        Assert.True(DateTimeOffset.TryParse((string)health.Data["tenant-a:failedAt"], System.Globalization.CultureInfo.InvariantCulture, out _));
        var measurement = Assert.Single(reloads.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("failure", measurement.Tags["result"]);

        File.WriteAllText(path, Policies.WithVersion("v2"));
        Assert.Equal(ReloadOutcome.Reloaded, Tenant(provider, "tenant-a").ReloadNow());
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(provider)).Status);
        Assert.Equal("success", reloads.GetMeasurementSnapshot()[^1].Tags["result"]);
        Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2);
    }

    [Fact]
    public async Task ReloadOnChange_FileReplacedOnDisk_ServesTheNewVersion()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("rules.json", Policies.WithVersion("v1"));
        using var provider = new ServiceCollection().AddOfferRules("tenant-a", o =>
        {
            o.UseRuleSetFile(path);
            o.ReloadOnChange = true;
        }).Services.BuildServiceProvider();
        var evaluator = provider.GetRequiredKeyedService<IOfferEvaluator>("tenant-a");
        Assert.Equal("v1", evaluator.RuleSet.Version);
        Tenant(provider, "tenant-a").DebounceDelay = TimeSpan.FromMilliseconds(50);

        // An atomic replace: write a temporary file next to the rule file, then rename it over the rule file.
        var temporary = dir.Write("rules.json.tmp", Policies.WithVersion("v2"));
        File.Move(temporary, path, overwrite: true);

        // Polling with a generous limit: this waits for the watcher, it does not assert how fast it is.
        for (var i = 0; i < 200 && evaluator.RuleSet.Version != "v2"; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal("v2", evaluator.RuleSet.Version);
    }

    internal static OfferRulesTenant Tenant(IServiceProvider provider, string name) =>
        ((OfferEvaluatorProvider)provider.GetRequiredService<IOfferEvaluatorProvider>()).GetTenant(name);

    internal static Task<HealthCheckResult> CheckAsync(IServiceProvider provider)
    {
        var check = provider.GetRequiredService<OfferRulesHealthCheck>();
        return check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("offerrules", check, HealthStatus.Unhealthy, null) });
    }
}
