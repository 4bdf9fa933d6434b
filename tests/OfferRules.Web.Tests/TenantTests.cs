using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OfferRules.Serialization;

namespace OfferRules.Web.Tests;

/// <summary>Two tenants with their own rule files in the web sample: reload under load, a bad reload, and telemetry without personal data.</summary>
public sealed class TenantTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("offerrules-tenants-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Evaluate_TenantRuleFileReplacedWhileRequestsRun_NoRequestFailsAndNoneMixesVersions()
    {
        var a = Write("a.json", Policy("a-1"));
        Write("b.json", Policy("b-1"));
        using var factory = Factory();
        using var client = factory.CreateClient();
        Assert.Equal("a-1", Version(await PostAsync(client, "tenant-a")));

        var seen = new ConcurrentBag<(string Tenant, string Version, bool Marked, HttpStatusCode Status)>();
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var tenant = i % 2 == 0 ? "tenant-a" : "tenant-b";
            var newest = 0;
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.PostAsync($"/api/tenants/{tenant}/evaluations?lang=en", Case());
                var body = await response.Content.ReadAsStringAsync();
                var version = response.IsSuccessStatusCode ? Version(body) : "-";
                seen.Add((tenant, version, body.Contains($"[{version}]", StringComparison.Ordinal), response.StatusCode));
                var rank = version == "a-2" ? 1 : 0;
                Assert.True(rank >= newest, "an older version answered after a newer one");
                newest = rank;
            }
        })).ToArray();

        await Task.Delay(200);
        Replace(a, Policy("a-2"));
        await WaitUntilAsync(() => seen.Any(s => s.Version == "a-2"));
        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.All(seen, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.All(seen, s => Assert.True(s.Marked, $"a {s.Version} result carried another version's texts"));
        Assert.All(seen.Where(s => s.Tenant == "tenant-b"), s => Assert.Equal("b-1", s.Version));
        Assert.Equal(["a-1", "a-2"], seen.Where(s => s.Tenant == "tenant-a").Select(s => s.Version).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Health_BadRuleFileOnReload_KeepsTheOldVersionServingAndReportsDegraded()
    {
        var a = Write("a.json", Policy("a-1"));
        Write("b.json", Policy("b-1"));
        using var factory = Factory();
        using var client = factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));

        Replace(a, """{ "schemaVersion": 1, "id": "broken" """);
        await WaitUntilAsync(async () => await client.GetStringAsync("/health/ready") == "Degraded");
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));

        using var response = await client.PostAsync("/api/tenants/tenant-a/evaluations?lang=en", Case());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a-1", Version(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Evaluate_WithNamesInTheCase_MetricsAndLogsCarryNoPersonalData()
    {
        Write("a.json", Policy("a-1"));
        Write("b.json", Policy("b-1"));
        var logs = new FakeLogCollector();
        using var factory = Factory(web => web.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs))));
        using var evaluations = new MetricCollector<long>(null, "OfferRules", "offerrules.evaluations");
        using var client = factory.CreateClient();

        using var good = await client.PostAsync("/api/tenants/tenant-a/evaluations?lang=ja", Case());
        using var bad = await client.PostAsync("/api/tenants/tenant-a/evaluations?lang=ja", Case("""  , "request": { "plannedChannel": "fax" }"""));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var measurements = evaluations.GetMeasurementSnapshot();
        Assert.Contains(measurements, m => Equals(m.Tags["status"], "evaluated"));
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4); // the invalid case, by code and path
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 1); // the rule set loaded, by id, version and hash
        var telemetry = measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString() ?? string.Empty))
            .Concat(logs.GetSnapshot().Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(p => p.Value) ?? [])));
        Assert.All(telemetry, text => Assert.DoesNotContain("7731", text, StringComparison.Ordinal));
    }

    private ApiFactory Factory(Action<IWebHostBuilder>? more = null) => new(web =>
    {
        web.UseSetting("OfferRules:Tenants:tenant-a:RuleSetPath", Path.Combine(_directory, "a.json"));
        web.UseSetting("OfferRules:Tenants:tenant-a:ReloadOnChange", "true");
        web.UseSetting("OfferRules:Tenants:tenant-b:RuleSetPath", Path.Combine(_directory, "b.json"));
        web.UseSetting("OfferRules:Tenants:tenant-b:ReloadOnChange", "true");
        more?.Invoke(web);
    });

    /// <summary>The default policy with its own version, and that version written into the starting-point message.</summary>
    private static string Policy(string version) => RuleSetJson.DefaultPolicyJson
        .Replace("\"version\": \"1.1.1\"", $"\"version\": \"{version}\"", StringComparison.Ordinal)
        .Replace("\"Taking back a decline is rare", $"\"[{version}] Taking back a decline is rare", StringComparison.Ordinal);

    /// <summary>A case with distinctive names, which must never reach a metric or a log.</summary>
    private static StringContent Case(string extra = "") => new(
        $$"""
        { "asOf": "2025-07-02", "offer": { "company": "Company 7731", "position": "Role 7731", "department": "Dept 7731", "contactPerson": "Contact 7731" },
          "candidate": { "name": "Candidate 7731", "school": "School 7731" },
          "decline": { "declinedOn": "2025-07-01", "channel": "phone" }, "company": { "seatStatus": "open" }{{extra}} }
        """, Encoding.UTF8, "application/json");

    private static Task<string> PostAsync(HttpClient client, string tenant) =>
        client.PostAsync($"/api/tenants/{tenant}/evaluations?lang=en", Case()).ContinueWith(t => t.Result.Content.ReadAsStringAsync()).Unwrap();

    private static string Version(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("ruleSet").GetProperty("version").GetString()!;

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Replaces a file the way deployments do: write beside it, then rename over it.</summary>
    private static void Replace(string path, string json)
    {
        var temporary = path + ".new";
        File.WriteAllText(temporary, json);
        File.Move(temporary, path, overwrite: true);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + s_patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }
}
