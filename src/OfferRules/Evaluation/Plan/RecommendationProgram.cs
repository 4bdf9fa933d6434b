using System.Collections.Immutable;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>
/// The conditions of a policy's recommendations (actions, drafts and their parts, caveats, fallbacks) as one flat
/// program, built from the rule set's models on first use. Its named conditions are indexed like the decision's, so an
/// evaluation's memo serves both programs.
/// </summary>
internal sealed class RecommendationProgram
{
    private RecommendationProgram(PlanProgram program, int[] actions, int[] drafts, int[][] draftParts, int[] caveats, int[] fallbacks)
    {
        Program = program;
        Actions = actions;
        Drafts = drafts;
        DraftParts = draftParts;
        Caveats = caveats;
        Fallbacks = fallbacks;
    }

    /// <summary>Gets the program.</summary>
    public PlanProgram Program { get; }

    /// <summary>Gets the root of each action's condition, in <see cref="PolicyPlan.Actions"/> order.</summary>
    public int[] Actions { get; }

    /// <summary>Gets the root of each draft's condition, in <see cref="PolicyPlan.Drafts"/> order.</summary>
    public int[] Drafts { get; }

    /// <summary>Gets, per draft, the root of each part's condition, or -1 for a part that always applies.</summary>
    public int[][] DraftParts { get; }

    /// <summary>Gets the root of each caveat's condition.</summary>
    public int[] Caveats { get; }

    /// <summary>Gets the root of each fallback's condition.</summary>
    public int[] Fallbacks { get; }

    /// <summary>Evaluates the condition at <paramref name="root"/> with an evaluation's facts and memo.</summary>
    public Truth Eval(int root, ref PlanContext context) => Program.Eval(root, context.Facts, context.Memo);

    /// <summary>Builds the program of a policy's recommendations.</summary>
    public static RecommendationProgram Build(PolicyPlan policy)
    {
        var named = ImmutableArray.CreateBuilder<NamedConditionModel>(policy.Conditions.Length);
        foreach (var condition in policy.Conditions)
        {
            named.Add(condition.Model);
        }

        var builder = new ProgramBuilder(named.MoveToImmutable());
        var actions = new int[policy.Actions.Length];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = builder.Add(policy.Actions[i].Model.When);
        }

        var drafts = new int[policy.Drafts.Length];
        var parts = new int[policy.Drafts.Length][];
        for (var i = 0; i < drafts.Length; i++)
        {
            var model = policy.Drafts[i].Model;
            drafts[i] = builder.Add(model.When);
            parts[i] = new int[model.Parts.Length];
            for (var j = 0; j < parts[i].Length; j++)
            {
                parts[i][j] = model.Parts[j].When is { } when ? builder.Add(when) : -1;
            }
        }

        var caveats = Roots(builder, policy.Caveats);
        var fallbacks = Roots(builder, policy.Fallbacks);
        return new RecommendationProgram(builder.Build(out _), actions, drafts, parts, caveats, fallbacks);
    }

    private static int[] Roots(ProgramBuilder builder, ImmutableArray<ItemPlan<AdviceModel>> items)
    {
        var roots = new int[items.Length];
        for (var i = 0; i < roots.Length; i++)
        {
            roots[i] = builder.Add(items[i].Model.When);
        }

        return roots;
    }
}
