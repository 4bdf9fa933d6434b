using System.Collections.Immutable;
using System.Text;
using OfferRules.Evaluation;
using OfferRules.Internal;
using OfferRules.Rules;

namespace OfferRules.Analysis;

/// <summary>Runs rule tests: evaluates each case and compares the result with every expectation.</summary>
internal static class RuleTestRunner
{
    public static RuleTestRunResult Run(RuleSet ruleSet, RuleTestSuite suite, TimeProvider? timeProvider)
    {
        var evaluator = new OfferEvaluator(ruleSet, FrozenTimeProvider.Freeze(timeProvider));
        var results = ImmutableArray.CreateBuilder<RuleTestResult>(suite.Tests.Length);
        foreach (var test in suite.Tests)
        {
            var result = evaluator.EvaluateJson(Encoding.UTF8.GetBytes(test.CaseJson));
            var mismatches = ImmutableArray.CreateBuilder<RuleTestMismatch>();
            foreach (var check in test.Expect.Checks)
            {
                var actual = Actual(check, result, ruleSet);
                if (actual != check.Expected)
                {
                    mismatches.Add(new RuleTestMismatch(check.Field, check.Id, check.Expected, actual, check.Path));
                }
            }

            results.Add(new RuleTestResult(test, result, mismatches.ToImmutable()));
        }

        return new RuleTestRunResult(RuleSetIdentity.Of(ruleSet), results.MoveToImmutable());
    }

    /// <summary>The actual value of what a check looks at, in the test file's words.</summary>
    private static string Actual(RuleTestCheck check, EvaluationResult result, RuleSet ruleSet)
    {
        var id = check.Id ?? string.Empty;
        var policy = ruleSet.Plan.Find(result.Kind);
        switch (check.Field)
        {
            case "status":
                return JsonNames<EvaluationStatus>.Of(result.Status);
            case "outlook":
                return result.Outlook is { } o ? JsonNames<Outlook>.Of(o) : "none";
            case "confidence":
                return result.Confidence is { } c ? JsonNames<Confidence>.Of(c) : "none";
            case "rules.fired" or "rules.notFired":
                if (policy is null || !policy.Rules.Any(r => r.Model.Id == id))
                {
                    return "undefined";
                }

                return result.Findings.Any(f => f.RuleId == id) ? "fired" : "notFired";
            case "conditions" or "failureReasons":
                var list = check.Field == "conditions" ? result.Conditions : result.FailureReasons;
                var found = list.FirstOrDefault(n => n.Id == id);
                if (found is not null)
                {
                    return JsonNames<ConditionState>.Of(found.State);
                }

                return policy is not null && policy.Conditions.Any(n => n.Model.Id == id) ? "absent" : "undefined";
            default:
                var field = check.Field[..check.Field.IndexOf('.')];
                var present = field switch
                {
                    "actions" => result.Actions.Any(a => a.Id == id),
                    "caveats" => result.Caveats.Any(a => a.Id == id),
                    "fallbacks" => result.Fallbacks.Any(a => a.Id == id),
                    "drafts" => result.Drafts.Any(a => a.Id == id),
                    _ => result.Issues.Any(i => i.Code == id),
                };
                if (!present && field != "issues" && !Defined(policy, field, id))
                {
                    // A misspelt id would make an "absent" expectation pass for ever.
                    return "undefined";
                }

                return present ? "present" : "absent";
        }
    }

    private static bool Defined(Evaluation.Plan.PolicyPlan? policy, string field, string id) => policy is not null && field switch
    {
        "actions" => policy.Actions.Any(a => a.Model.Id == id),
        "caveats" => policy.Caveats.Any(a => a.Model.Id == id),
        "fallbacks" => policy.Fallbacks.Any(a => a.Model.Id == id),
        _ => policy.Drafts.Any(a => a.Model.Id == id),
    };
}
