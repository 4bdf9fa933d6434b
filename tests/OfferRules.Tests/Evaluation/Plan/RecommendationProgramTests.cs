using OfferRules.Benchmarks.Data;
using OfferRules.Evaluation;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Tests.Evaluation.Plan;

/// <summary>The recommendations' conditions as a flat program (#14) agree with their condition trees, sharing one memo.</summary>
public sealed class RecommendationProgramTests
{
    [Fact]
    public void Eval_GeneratedCases_AgreesWithTheConditionTreesOnEveryRecommendation()
    {
        var plan = RuleSet.Default.Plan;
        var evaluator = OfferEvaluator.Default;
        var checkedConditions = 0;
        foreach (var @case in CaseGenerator.Generate(2_000, 20261204))
        {
            var policy = plan.Find(@case.Kind)!;
            var facts = new int[FactCatalog.Count];
            FactCatalog.Fill(@case, evaluator.GetAsOfDate(@case), facts);
            PlanRunner.Derive(plan, facts);
            facts[(int)FactId.Outlook] = FactCatalog.Code((Outlook)(checkedConditions % 4));
            var treeMemo = new byte[policy.Named.Length];
            var flatMemo = new byte[policy.Named.Length];
            var tree = new PlanContext(facts, treeMemo, policy.Named);
            var flat = new PlanContext(facts, flatMemo, policy.Named);
            var program = policy.Recommendations;

            for (var i = 0; i < policy.Actions.Length; i++)
            {
                Assert.Equal(policy.Actions[i].When.Evaluate(ref tree), program.Eval(program.Actions[i], ref flat));
            }

            for (var i = 0; i < policy.Drafts.Length; i++)
            {
                Assert.Equal(policy.Drafts[i].When.Evaluate(ref tree), program.Eval(program.Drafts[i], ref flat));
                for (var j = 0; j < policy.Drafts[i].Parts.Length; j++)
                {
                    var when = policy.Drafts[i].Parts[j].When;
                    Assert.Equal(when is null, program.DraftParts[i][j] < 0);
                    if (when is not null)
                    {
                        Assert.Equal(when.Evaluate(ref tree), program.Eval(program.DraftParts[i][j], ref flat));
                    }
                }
            }

            for (var i = 0; i < policy.Caveats.Length; i++)
            {
                Assert.Equal(policy.Caveats[i].When.Evaluate(ref tree), program.Eval(program.Caveats[i], ref flat));
            }

            for (var i = 0; i < policy.Fallbacks.Length; i++)
            {
                Assert.Equal(policy.Fallbacks[i].When.Evaluate(ref tree), program.Eval(program.Fallbacks[i], ref flat));
            }

            // Whatever the flat program memoised, the trees agree with.
            Assert.All(flatMemo.Zip(treeMemo), m => Assert.True(m.First == 0 || m.Second == 0 || m.First == m.Second));
            checkedConditions++;
        }

        Assert.Equal(2_000, checkedConditions);
    }

    [Fact]
    public void Recommendations_CalledTwice_ReturnsTheSameProgram()
    {
        var policy = RuleSet.Default.Plan.Policies[0];

        Assert.Same(policy.Recommendations, policy.Recommendations);
    }
}
