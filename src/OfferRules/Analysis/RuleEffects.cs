using OfferRules.Evaluation.Plan;
using OfferRules.Rules;

namespace OfferRules.Analysis;

/// <summary>
/// What each rule did for one case, without the messages: not fired, fired without changing the result, or fired and
/// changed it. It follows the evaluator's findings exactly (a test holds the two together).
/// </summary>
internal static class RuleEffects
{
    public const byte NotFired = 0;
    public const byte Fired = 1;
    public const byte Changed = 2;

    /// <summary>Fills <paramref name="effects"/> (one per rule, in run order) from the truths Decide recorded.</summary>
    public static void Compute(PolicyPlan policy, ReadOnlySpan<Truth> truths, int terminal, Span<byte> effects)
    {
        effects.Clear();
        if (terminal >= 0)
        {
            effects[terminal] = Changed;
            return;
        }

        var rules = policy.Rules;
        var score = 0;
        var baseIndex = -1;
        for (var i = policy.FirstBase; i < policy.FirstAdjust; i++)
        {
            if (truths[i] == Truth.True && baseIndex < 0)
            {
                baseIndex = i;
                score = (int)rules[i].Model.Outlook;
            }
        }

        for (var i = policy.FirstAdjust; i < policy.FirstCap; i++)
        {
            if (truths[i] == Truth.True)
            {
                score += rules[i].Model.Score;
            }
        }

        score = Math.Clamp(score, (int)Evaluation.Outlook.VeryUnlikely, (int)Evaluation.Outlook.Likely);
        var ceiling = (int)Evaluation.Outlook.Likely;
        for (var i = policy.FirstCap; i < policy.FirstInfo; i++)
        {
            if (truths[i] == Truth.True)
            {
                ceiling = Math.Min(ceiling, (int)rules[i].Model.Outlook);
            }
        }

        var normal = Math.Min(score, ceiling);
        var floor = -1;
        for (var i = policy.FirstOverride; i < policy.FirstBase; i++)
        {
            if (truths[i] == Truth.True)
            {
                floor = Math.Max(floor, (int)rules[i].Model.Outlook);
            }
        }

        var credited = false;
        for (var i = policy.FirstOverride; i < policy.FirstBase; i++)
        {
            if (truths[i] == Truth.True)
            {
                var lifts = !credited && (int)rules[i].Model.Outlook == floor && floor > normal;
                credited |= lifts;
                effects[i] = lifts ? Changed : Fired;
            }
        }

        if (baseIndex >= 0)
        {
            effects[baseIndex] = Changed;
        }

        for (var i = policy.FirstAdjust; i < policy.FirstCap; i++)
        {
            if (truths[i] == Truth.True)
            {
                effects[i] = rules[i].Model.Score != 0 ? Changed : Fired;
            }
        }

        for (var i = policy.FirstCap; i < policy.FirstInfo; i++)
        {
            if (truths[i] == Truth.True)
            {
                effects[i] = Math.Max(floor, (int)rules[i].Model.Outlook) < score ? Changed : Fired;
            }
        }

        for (var i = policy.FirstInfo; i < rules.Length; i++)
        {
            if (truths[i] == Truth.True)
            {
                effects[i] = Fired;
            }
        }
    }
}
