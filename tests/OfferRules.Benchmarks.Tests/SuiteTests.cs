using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Tests;

/// <summary>The benchmarks' own machinery: the case writer, the synthetic rule sets and the benchmark methods themselves.</summary>
public sealed class SuiteTests
{
    [Fact]
    public void SyntheticRuleSet_TenThousandRules_IsOverTheDefaultEvaluationBudget()
    {
        // What the scaling files measure is loading; a tenant's file this costly to evaluate is refused by default.
        var loaded = RuleSetJson.Load(SyntheticRuleSets.Create(10_000));

        Assert.Contains(loaded.Diagnostics, d => d.Code == "ruleSet.limit" && d.Message.Contains("MaxEvaluationCost", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_AnySize_WritesJapaneseAsRawUtf8()
    {
        var json = SyntheticRuleSets.Create(20);

        Assert.Contains("ルール S-00001 が当てはまります。", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(-1, json.AsSpan().IndexOf("\\u"u8));
        Assert.Equal(-1, SyntheticRuleSets.DefaultDecisionRulesOnly().AsSpan().IndexOf("\\u"u8));
    }

    [Fact]
    public void Limits_HundredThousandRules_AreWithinTheScalingLimits()
    {
        Assert.True(SyntheticRuleSets.Limits.MaxRules >= 100_000);
        Assert.True(SyntheticRuleSets.Limits.MaxConditionNodes >= 1_000_000);
    }

    [Fact]
    public void WriteJsonLines_GeneratedCases_ReadBackLineByLineToTheSameCases()
    {
        var cases = CaseGenerator.Generate(2_000, BenchmarkData.Seed + 1);
        using var buffer = new MemoryStream();
        BenchmarkData.WriteJsonLines(buffer, cases);

        var lines = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Length, lines.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var read = CaseJson.Read(lines[i]);
            Assert.True(read.Success, string.Join("; ", read.Diagnostics));
            Assert.Equal(cases[i], read.Value);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1_000)]
    [InlineData(10_000)]
    public void SyntheticRuleSet_AnySize_LoadsWithThatManyRulesAndDecides(int rules)
    {
        var loaded = RuleSetJson.Load(SyntheticRuleSets.Create(rules), SyntheticRuleSets.Limits);

        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics.Take(5)));
        Assert.Equal(rules, loaded.Value!.GetRuleIds(CaseKind.DeclineWithdrawal).Length);
        var evaluator = new OfferEvaluator(loaded.Value);
        var decided = BenchmarkData.EvaluatedCases(200).Select(evaluator.Decide).ToArray();
        Assert.All(decided, d => Assert.Equal(EvaluationStatus.Evaluated, d.Status));
        Assert.True(decided.Select(d => d.Outlook).Distinct().Count() > 1, "A synthetic rule set should not decide every case alike.");
    }

    [Fact]
    public void DefaultDecisionRulesOnly_DecidesLikeTheDefault()
    {
        var loaded = RuleSetJson.Load(SyntheticRuleSets.DefaultDecisionRulesOnly()).GetValueOrThrow();
        var evaluator = new OfferEvaluator(loaded);

        foreach (var @case in CaseGenerator.Generate(1_000, BenchmarkData.Seed))
        {
            Assert.Equal(OfferEvaluator.Default.Decide(@case), evaluator.Decide(@case));
        }
    }

    [Fact]
    public void DecisionBenchmarks_EveryMethod_RunsAndReturnsItsResult()
    {
        var benchmarks = new DecisionBenchmarks();
        benchmarks.Setup();

        var floor = benchmarks.Floor();
        Assert.Equal(floor, benchmarks.DecisionOnly());
        Assert.True(benchmarks.FullExplanation() > 0);
        Assert.True(benchmarks.RulesEngine() > floor);
        Assert.True(benchmarks.NRules() > floor);
        Assert.True(benchmarks.FindingsAndConditions() > 0);
        Assert.True(benchmarks.FullExplanationReadEverything() > benchmarks.FullExplanation());
    }

    [Fact]
    public void ConcurrencyBenchmarks_EveryThreadCount_GivesTheSameChecksum()
    {
        var sums = ConcurrencyBenchmarks.ThreadCounts.Select(threads =>
        {
            var benchmarks = new ConcurrencyBenchmarks { Threads = threads };
            benchmarks.Setup();
            return benchmarks.DecideShared();
        }).Distinct();

        Assert.Single(sums);
    }
}
