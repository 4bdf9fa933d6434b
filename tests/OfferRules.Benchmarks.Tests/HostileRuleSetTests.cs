using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Tests;

/// <summary>The hostile files <see cref="HostileRuleSetBenchmarks"/> measures really load under the default limits, and sit at them.</summary>
public sealed class HostileRuleSetTests
{
    public static TheoryData<string> Shapes() => [.. HostileRuleSets.Shapes];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Worst_EachShape_LoadsUnderTheDefaultLimitsAndOneRuleMoreDoesNot(string shape)
    {
        var (size, json) = HostileRuleSets.Worst(shape);

        var loaded = RuleSetJson.Load(json);
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics.Take(5)));
        Assert.True(size >= 1, $"No rule of {shape} loads.");
        var over = RuleSetJson.Load(HostileRuleSets.Create(shape, size + 1));
        Assert.Contains(over.Diagnostics, d => d.Code == "ruleSet.limit");

        var result = new OfferEvaluator(loaded.Value!).Evaluate(new OfferCase { AsOf = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.FromHours(9)) });
        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
    }
}
