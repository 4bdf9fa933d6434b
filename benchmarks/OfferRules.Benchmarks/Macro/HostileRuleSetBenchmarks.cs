using BenchmarkDotNet.Attributes;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks;

/// <summary>
/// Full <see cref="OfferEvaluator.Evaluate"/> (English, every part of the result) of one case under the costliest rule
/// files that still load under the DEFAULT limits (<see cref="HostileRuleSets"/>; issue 15's target is under 1 ms).
/// Two cases per file: one where nothing is known (every fact the decision reads is probed) and one with a known
/// decline date (the day probes give way to the other facts). Time and bytes are per case.
/// </summary>
[MemoryDiagnoser]
public class HostileRuleSetBenchmarks
{
    private static readonly EvaluationOptions s_english = new() { Language = "en" };
    private static readonly DateTimeOffset s_asOf = new(2025, 7, 10, 0, 0, 0, TimeSpan.FromHours(9));

    private OfferEvaluator _evaluator = OfferEvaluator.Default;
    private OfferCase _nothingKnown = null!;
    private OfferCase _declinedLastWeek = null!;

    [ParamsSource(nameof(ShapeNames))]
    public string Shape { get; set; } = "DayThresholds";

    public static IEnumerable<string> ShapeNames => HostileRuleSets.Shapes;

    [GlobalSetup]
    public void Setup()
    {
        var (_, json) = HostileRuleSets.Worst(Shape);
        _evaluator = new OfferEvaluator(RuleSetJson.Load(json).GetValueOrThrow());
        _nothingKnown = new OfferCase { AsOf = s_asOf };
        _declinedLastWeek = new OfferCase { AsOf = s_asOf, Decline = new DeclineEvent { DeclinedOn = new DateOnly(2025, 7, 3) } };
        _evaluator.Evaluate(_nothingKnown, s_english);
    }

    /// <summary>Measures a full evaluation of a case with no facts known, the most probes.</summary>
    [Benchmark(Description = "Evaluate, nothing known")]
    public int NothingKnown() => Read(_evaluator.Evaluate(_nothingKnown, s_english));

    /// <summary>Measures a full evaluation of a case declined a week ago, nothing else known.</summary>
    [Benchmark(Description = "Evaluate, declined a week ago")]
    public int DeclinedLastWeek() => Read(_evaluator.Evaluate(_declinedLastWeek, s_english));

    private static int Read(EvaluationResult result) =>
        (int)(result.Outlook ?? 0) + result.Findings.Length + result.MissingFacts.Length + result.WhatWouldHelp.Length + result.Actions.Length + result.Drafts.Length;
}
