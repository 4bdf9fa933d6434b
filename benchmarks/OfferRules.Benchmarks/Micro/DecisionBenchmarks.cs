using BenchmarkDotNet.Attributes;
using OfferRules.Benchmarks.Data;
using OfferRules.Benchmarks.Peers;
using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Benchmarks;

/// <summary>
/// The same default policy, decided by every implementation over the same generated cases. Each benchmark runs all
/// <see cref="CaseCount"/> cases per invocation, so the reported time and allocation are per case; each returns a
/// checksum of every result so that nothing is optimised away.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    /// <summary>How many cases each invocation evaluates.</summary>
    public const int CaseCount = 512;

    private static readonly EvaluationOptions s_english = new() { Language = "en" };
    private static readonly EvaluationOptions s_findingsAndConditions = new() { Language = "en", Parts = EvaluationParts.Findings | EvaluationParts.Conditions };
    private OfferCase[] _cases = [];
    private OfferEvaluator _evaluator = OfferEvaluator.Default;
    private RulesEnginePolicy _rulesEngine = null!;
    private NRulesPolicy _nrules = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cases = BenchmarkData.EvaluatedCases(CaseCount);
        _evaluator = OfferEvaluator.Default;
        _rulesEngine = new RulesEnginePolicy();
        _nrules = new NRulesPolicy();

        // Warm every path once (RulesEngine compiles its expressions on first use).
        foreach (var @case in _cases)
        {
            _evaluator.Evaluate(@case, s_english);
            _rulesEngine.Evaluate(@case);
            _nrules.Evaluate(@case);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CaseCount, Description = "Floor (hand-written ifs)")]
    public int Floor()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            sum += Checksum(FloorPolicy.Decide(@case));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "OfferRules decision only")]
    public int DecisionOnly()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            sum += Checksum(_evaluator.Decide(@case));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "OfferRules full explanation (en)")]
    public int FullExplanation()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            var result = _evaluator.Evaluate(@case, s_english);
            sum += (int)result.Outlook!.Value + result.Findings.Length + result.Conditions.Length + result.MissingFacts.Length
                + result.WhatWouldHelp.Length + result.Actions.Length + result.Drafts.Length + result.Caveats.Length + result.Fallbacks.Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "Microsoft RulesEngine 6.0.1")]
    public int RulesEngine()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            var result = _rulesEngine.Evaluate(@case);
            sum += Checksum(result.Decision) + result.Fired.Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "NRules 1.0.4")]
    public int NRules()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            var result = _nrules.Evaluate(@case);
            sum += Checksum(result.Decision) + result.Fired.Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CaseCount, Description = "OfferRules findings + conditions (en)")]
    public int FindingsAndConditions()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            var result = _evaluator.Evaluate(@case, s_findingsAndConditions);
            sum += (int)result.Outlook!.Value + result.Findings.Length + result.Conditions.Length + result.FailureReasons.Length;
        }

        return sum;
    }

    /// <summary>The full result with every lazy part read: each draft's title, subject and body rendered.</summary>
    [Benchmark(OperationsPerInvoke = CaseCount, Description = "OfferRules full explanation, every part read (en)")]
    public int FullExplanationReadEverything()
    {
        var sum = 0;
        foreach (var @case in _cases)
        {
            var result = _evaluator.Evaluate(@case, s_english);
            sum += (int)result.Outlook!.Value + result.Findings.Length + result.Conditions.Length + result.FailureReasons.Length
                + result.MissingFacts.Length + result.WhatWouldHelp.Length + result.Actions.Length + result.Caveats.Length + result.Fallbacks.Length
                + (result.CallWindow is null ? 0 : 1) + (result.AtPlannedTime is null ? 0 : 1);
            foreach (var draft in result.Drafts)
            {
                sum += draft.Title.Length + (draft.Subject?.Length ?? 0) + draft.Body.Length;
            }
        }

        return sum;
    }

    private static int Checksum(Decision decision) => ((int)(decision.Outlook ?? 0) * 3) + (int)(decision.Confidence ?? 0);
}
