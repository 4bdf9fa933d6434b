using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>Runs a compiled policy over a fact vector. Allocation-free: all scratch space comes from the caller.</summary>
internal static class PlanRunner
{
    /// <summary>The largest number of named conditions a policy may have while the memo stays on the stack.</summary>
    public const int StackMemoLimit = 256;

    /// <summary>Fills the derived facts (day counts, timing band, conduct) from the input facts.</summary>
    public static void Derive(RuleSetPlan plan, Span<int> facts)
    {
        FactCatalog.DeriveDayCounts(facts);
        var days = facts[(int)FactId.DaysSinceDecline];
        var bands = plan.Model.TimingBands;
        facts[(int)FactId.TimingBand] = days == FactCatalog.Unknown ? FactCatalog.Unknown
            : days <= bands.ImmediateMaxDays ? (int)TimingBand.Immediate
            : days <= bands.WithinWeekMaxDays ? (int)TimingBand.WithinWeek
            : days <= bands.LateMaxDays ? (int)TimingBand.Late
            : (int)TimingBand.VeryLate;

        var context = new PlanContext(facts, [], []);
        var conduct = (int)plan.Model.ConductOtherwise;
        foreach (var (value, when) in plan.Conduct)
        {
            if (when.Evaluate(ref context) == Truth.True)
            {
                conduct = (int)value;
                break;
            }
        }

        facts[(int)FactId.Conduct] = conduct == (int)ConductQuality.Unknown ? FactCatalog.Unknown : conduct;
    }

    /// <summary>
    /// Decides the outlook. When <paramref name="truths"/> is not empty it receives the truth of every rule evaluated
    /// (rules after a terminal one stay <see cref="Truth.False"/>); the return value's terminal index is -1 when no
    /// terminal rule fired.
    /// </summary>
    /// <remarks>
    /// Override rules are floors: the highest one that holds is the least the outlook can be, after the score and the
    /// caps, so a fact that makes a floor hold never lowers the outlook.
    /// </remarks>
    public static (Outlook Outlook, int Terminal) Decide(PolicyPlan policy, ref PlanContext context, Span<Truth> truths)
    {
        var rules = policy.Rules;
        var record = !truths.IsEmpty;
        for (var i = 0; i < policy.FirstOverride; i++)
        {
            var truth = rules[i].When.Evaluate(ref context);
            if (record)
            {
                truths[i] = truth;
            }

            if (truth == Truth.True)
            {
                return (rules[i].Model.Outlook, i);
            }
        }

        var floor = (int)Outlook.VeryUnlikely;
        for (var i = policy.FirstOverride; i < policy.FirstBase; i++)
        {
            var truth = rules[i].When.Evaluate(ref context);
            if (record)
            {
                truths[i] = truth;
            }

            if (truth == Truth.True)
            {
                floor = Math.Max(floor, (int)rules[i].Model.Outlook);
            }
        }

        var score = 0;
        var baseSet = false;
        for (var i = policy.FirstBase; i < policy.FirstAdjust; i++)
        {
            var truth = rules[i].When.Evaluate(ref context);
            if (record)
            {
                truths[i] = truth;
            }

            if (truth == Truth.True && !baseSet)
            {
                score = (int)rules[i].Model.Outlook;
                baseSet = true;
            }
        }

        for (var i = policy.FirstAdjust; i < policy.FirstCap; i++)
        {
            var truth = rules[i].When.Evaluate(ref context);
            if (record)
            {
                truths[i] = truth;
            }

            if (truth == Truth.True)
            {
                score += rules[i].Model.Score;
            }
        }

        score = Math.Clamp(score, (int)Outlook.VeryUnlikely, (int)Outlook.Likely);
        var ceiling = (int)Outlook.Likely;
        for (var i = policy.FirstCap; i < policy.FirstInfo; i++)
        {
            // A cap at or above the outlook so far, or at or below the floor, cannot change it: only an explanation
            // needs its truth.
            var cap = (int)rules[i].Model.Outlook;
            if (!record && (cap >= Math.Min(score, ceiling) || Math.Min(score, ceiling) <= floor))
            {
                continue;
            }

            var truth = rules[i].When.Evaluate(ref context);
            if (record)
            {
                truths[i] = truth;
            }

            if (truth == Truth.True)
            {
                ceiling = Math.Min(ceiling, cap);
            }
        }

        if (record)
        {
            for (var i = policy.FirstInfo; i < rules.Length; i++)
            {
                truths[i] = rules[i].When.Evaluate(ref context);
            }
        }

        return ((Outlook)Math.Max(floor, Math.Min(score, ceiling)), -1);
    }

    public static Confidence DecideConfidence(PolicyPlan policy, ref PlanContext context)
    {
        foreach (var (level, when) in policy.Confidence)
        {
            if (when.Evaluate(ref context) == Truth.True)
            {
                return level;
            }
        }

        return policy.ConfidenceOtherwise;
    }
}
