using System.Text.Json;
using OfferRules.Benchmarks.Data;
using OfferRules.Benchmarks.Peers;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Tests;

/// <summary>
/// Every implementation the benchmarks compare gives the same answer on the same cases, so that the comparison is
/// honest: the floor, OfferRules' decision-only and full paths, RulesEngine and NRules.
/// </summary>
public sealed class EquivalenceTests
{
    private const int GeneratedCount = 10_000;

    private static readonly RulesEnginePolicy s_rulesEngine = new();
    private static readonly NRulesPolicy s_nrules = new();

    private static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "cases");

    public static TheoryData<string, string, string?, string?> ExampleCases()
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CasesDirectory, "expected.json")));
        var data = new TheoryData<string, string, string?, string?>();
        foreach (var item in expected.RootElement.EnumerateArray())
        {
            data.Add(
                item.GetProperty("file").GetString()!,
                item.GetProperty("status").GetString()!,
                item.GetProperty("outlook").GetString(),
                item.GetProperty("confidence").GetString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleCases))]
    public void EveryImplementation_ExampleCase_GivesTheExpectedOutlook(string file, string status, string? outlook, string? confidence)
    {
        var read = CaseJson.Read(File.ReadAllBytes(Path.Combine(CasesDirectory, file)));
        Assert.True(read.Success, string.Join("; ", read.Diagnostics));
        var @case = read.Value!;

        foreach (var (name, decision) in Decisions(@case))
        {
            Assert.True(status == Name(decision.Status), $"{name} on {file}: status {Name(decision.Status)}, expected {status}");
            Assert.True(outlook == Name(decision.Outlook), $"{name} on {file}: outlook {Name(decision.Outlook)}, expected {outlook}");
            if (confidence is not null)
            {
                Assert.True(confidence == Name(decision.Confidence), $"{name} on {file}: confidence {Name(decision.Confidence)}, expected {confidence}");
            }
        }
    }

    [Fact]
    public void EveryImplementation_TenThousandGeneratedAndBoundaryCases_AgreesWithOfferRules()
    {
        var cases = CaseGenerator.Generate(GeneratedCount, BenchmarkData.Seed).Concat(CaseGenerator.Boundaries()).ToArray();
        var mismatches = new Dictionary<string, (int Count, string First)>();
        var evaluated = 0;
        foreach (var @case in cases)
        {
            var expected = OfferEvaluator.Default.Decide(@case);
            evaluated += expected.Status == EvaluationStatus.Evaluated ? 1 : 0;
            foreach (var (name, decision) in Decisions(@case))
            {
                if (decision != expected)
                {
                    var first = mismatches.TryGetValue(name, out var m) ? m.First
                        : $"{decision} instead of {expected} for {CaseJson.ToJson(@case)}";
                    mismatches[name] = (m.Count + 1, first);
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Select(m => $"{m.Key}: {m.Value.Count} of {cases.Length} differ, first {m.Value.First}")));

        // The generated set exercises both outcomes of validation and every outlook.
        Assert.InRange(evaluated, cases.Length / 2, cases.Length - 100);
        var outlooks = cases.Select(c => OfferEvaluator.Default.Decide(c).Outlook).Where(o => o is not null).Distinct().Count();
        Assert.Equal(4, outlooks);
    }

    [Fact]
    public void BenchmarkCases_AreAllEvaluatedAndCoverEveryOutlook()
    {
        var cases = BenchmarkData.EvaluatedCases(512);

        Assert.All(cases, c => Assert.Equal(EvaluationStatus.Evaluated, OfferEvaluator.Default.Decide(c).Status));
        Assert.Equal(4, cases.Select(c => OfferEvaluator.Default.Decide(c).Outlook).Distinct().Count());
        Assert.Contains(cases, c => c.Kind == CaseKind.MissedEmployerContact);
    }

    /// <summary>Each implementation's decision; the full explanation is compared on its outlook, status and confidence.</summary>
    private static IEnumerable<(string Name, Decision Decision)> Decisions(OfferCase @case)
    {
        yield return ("floor", FloorPolicy.Decide(@case));
        yield return ("OfferRules decision only", OfferEvaluator.Default.Decide(@case));
        var full = OfferEvaluator.Default.Evaluate(@case);
        yield return ("OfferRules full explanation", new Decision(full.Status, full.Outlook, full.Status == EvaluationStatus.Evaluated ? full.Confidence : null));
        yield return ("RulesEngine", s_rulesEngine.Evaluate(@case).Decision);
        yield return ("NRules", s_nrules.Evaluate(@case).Decision);
    }

    private static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value is { } v ? JsonNamingPolicy.CamelCase.ConvertName(v.ToString()) : null;

    private static string Name(EvaluationStatus value) => Name<EvaluationStatus>(value)!;
}
