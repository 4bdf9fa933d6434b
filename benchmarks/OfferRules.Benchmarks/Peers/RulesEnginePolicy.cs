using System.Text.Json;
using OfferRules.Domain;
using RulesEngine.Models;

namespace OfferRules.Benchmarks.Peers;

/// <summary>
/// The default policy in Microsoft RulesEngine 6.0.1, written the way its documentation shows: a JSON workflow per
/// case kind (<c>rulesengine-workflow.json</c>) with lambda-expression rules over the domain objects, global
/// parameters for the derived facts (day counts, conduct) and the named conditions, and each rule's effect in its
/// <c>SuccessEvent</c>. The caller folds the rule results into a decision, as RulesEngine leaves that to the caller.
/// </summary>
public sealed class RulesEnginePolicy
{
    private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);
    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, Dictionary<string, RuleEffect>> _effects = new(StringComparer.Ordinal);

    /// <summary>Loads and registers the workflows. Rules are compiled by RulesEngine on first use and cached.</summary>
    public RulesEnginePolicy()
    {
        using var stream = typeof(RulesEnginePolicy).Assembly.GetManifestResourceStream("OfferRules.Benchmarks.rulesengine-workflow.json")
            ?? throw new InvalidOperationException("The RulesEngine workflow is missing.");
        var workflows = JsonSerializer.Deserialize<Workflow[]>(stream) ?? throw new InvalidOperationException("The RulesEngine workflow is empty.");
        foreach (var workflow in workflows)
        {
            var order = 0;
            _effects[workflow.WorkflowName] = workflow.Rules.ToDictionary(r => r.RuleName, r => RuleEffect.Parse(r.RuleName, r.SuccessEvent, order++), StringComparer.Ordinal);
        }

        var settings = new ReSettings
        {
            // A rule that does not compile or throws is a bug in this port: surface it instead of reading it as "not met".
            EnableExceptionAsErrorMessage = false,
            CustomTypes =
            [
                typeof(DeclineChannel), typeof(DeclineTone), typeof(Promptness), typeof(DeclineReason), typeof(SeatStatus),
                typeof(HiringNeedTrend), typeof(CandidateEvaluation), typeof(ChangeOfMindReason), typeof(PriorRequestOutcome),
            ],
        };
        _engine = new RulesEngine.RulesEngine(workflows, settings);
    }

    /// <summary>Evaluates a case.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The decision and the rules that held.</returns>
    public PeerResult Evaluate(OfferCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var asOf = DateOnly.FromDateTime((@case.AsOf ?? TimeProvider.System.GetUtcNow()).ToOffset(s_japan).DateTime);
        var workflow = @case.Kind == CaseKind.DeclineWithdrawal ? "DeclineWithdrawal" : "MissedEmployerContact";
        var results = _engine.ExecuteAllRulesAsync(workflow, new RuleParameter("c", @case), new RuleParameter("asOf", asOf))
            .AsTask().GetAwaiter().GetResult();
        var effects = _effects[workflow];
        var outcome = new PolicyOutcome();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                outcome.Apply(effects[result.Rule.RuleName]);
            }
        }

        return outcome.Resolve();
    }
}
