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
        facts[(int)FactId.TimingBand] = Band(plan.Model.TimingBands, facts[(int)FactId.DaysSinceDecline]);
        facts[(int)FactId.Conduct] = Conduct(plan, facts);
    }

    /// <summary>Fills the derived facts a policy's decision reads; the conduct derivation only when it reads it.</summary>
    public static void Derive(RuleSetPlan plan, PolicyPlan policy, Span<int> facts)
    {
        FactCatalog.DeriveDayCounts(facts);
        facts[(int)FactId.TimingBand] = Band(plan.Model.TimingBands, facts[(int)FactId.DaysSinceDecline]);
        if (policy.ReadsConduct)
        {
            facts[(int)FactId.Conduct] = Conduct(plan, facts);
        }
    }

    /// <summary>Fills the derived facts a <see cref="DecisionDiagram"/> reads: the day counts and the timing band, not the conduct.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void DeriveForDiagram(RuleSetPlan plan, Span<int> facts)
    {
        FactCatalog.DeriveDayCounts(facts);
        facts[(int)FactId.TimingBand] = Band(plan.Model.TimingBands, facts[(int)FactId.DaysSinceDecline]);
    }

    /// <summary>Gets the timing band of a day count without a branch on the band: one step per line passed.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Band(TimingBandsModel bands, int days)
    {
        var band = (int)TimingBand.Immediate + (days > bands.ImmediateMaxDays ? 1 : 0) + (days > bands.WithinWeekMaxDays ? 1 : 0) + (days > bands.LateMaxDays ? 1 : 0);
        return days == FactCatalog.Unknown ? FactCatalog.Unknown : band;
    }

    private static int Conduct(RuleSetPlan plan, ReadOnlySpan<int> facts)
    {
        var roots = plan.ConductRoots;
        var program = plan.ConductProgram;
        for (var i = 0; i < roots.Length; i++)
        {
            if (program.Eval(roots[i], facts, []) == Truth.True)
            {
                return plan.ConductCodes[i];
            }
        }

        return plan.ConductCodes[roots.Length];
    }

    /// <summary>Decides the outlook on the flat program, as <see cref="Decide(PolicyPlan, ref PlanContext, Span{Truth})"/> does without recording truths.</summary>
    public static Outlook Decide(PolicyPlan policy, ReadOnlySpan<int> facts, Span<byte> memo)
    {
        var program = policy.Program;
        var roots = policy.RuleRoots;
        var values = policy.RuleValues;
        for (var i = 0; i < policy.FirstOverride; i++)
        {
            if (program.Eval(roots[i], facts, memo) == Truth.True)
            {
                return (Outlook)values[i];
            }
        }

        return Rest(policy, facts, memo, [], 0);
    }

    /// <summary>
    /// Decides the outlook on the flat program and records the truth of every rule, as
    /// <see cref="Decide(PolicyPlan, ref PlanContext, Span{Truth})"/> does with a non-empty span: the rules after a
    /// terminal one that held stay <see cref="Truth.False"/>, every other rule is evaluated. The terminal index is -1
    /// when no terminal rule held.
    /// </summary>
    public static (Outlook Outlook, int Terminal) DecideRecording(PolicyPlan policy, ReadOnlySpan<int> facts, Span<byte> memo, Span<Truth> truths)
    {
        var program = policy.Program;
        var roots = policy.RuleRoots;
        var values = policy.RuleValues;
        for (var i = 0; i < policy.FirstOverride; i++)
        {
            var truth = program.Eval(roots[i], facts, memo);
            truths[i] = truth;
            if (truth == Truth.True)
            {
                return ((Outlook)values[i], i);
            }
        }

        for (var i = policy.FirstOverride; i < roots.Length; i++)
        {
            truths[i] = program.Eval(roots[i], facts, memo);
        }

        return (Rest(policy, facts, memo, truths[..policy.FirstInfo], 0), -1);
    }

    /// <summary>Evaluates every rule but the info rules, with no short cut, for <see cref="DecideChanged"/>.</summary>
    public static void DecidingTruths(PolicyPlan policy, ReadOnlySpan<int> facts, Span<byte> memo, Span<Truth> truths)
    {
        for (var i = 0; i < policy.FirstInfo; i++)
        {
            truths[i] = policy.Program.Eval(policy.RuleRoots[i], facts, memo);
        }
    }

    /// <summary>
    /// Decides the outlook after the facts in <paramref name="changed"/> changed: the rules whose masks miss them keep
    /// their truths from <paramref name="baseTruths"/> (<see cref="DecidingTruths"/> of the unchanged facts), the others
    /// are evaluated again. <paramref name="memo"/> must hold no truth of a named condition that depends on a changed fact.
    /// </summary>
    public static Outlook DecideChanged(PolicyPlan policy, ReadOnlySpan<int> facts, Span<byte> memo, ReadOnlySpan<Truth> baseTruths, ulong changed)
    {
        var program = policy.Program;
        var roots = policy.RuleRoots;
        var masks = policy.RuleMasks;
        for (var i = 0; i < policy.FirstOverride; i++)
        {
            var truth = (masks[i] & changed) != 0 ? program.Eval(roots[i], facts, memo) : baseTruths[i];
            if (truth == Truth.True)
            {
                return (Outlook)policy.RuleValues[i];
            }
        }

        return Rest(policy, facts, memo, baseTruths, changed);
    }

    /// <summary>The override, base, adjust and cap stages; a rule is re-evaluated when <paramref name="changed"/> meets its mask or there are no base truths.</summary>
    private static Outlook Rest(PolicyPlan policy, ReadOnlySpan<int> facts, Span<byte> memo, ReadOnlySpan<Truth> baseTruths, ulong changed)
    {
        var program = policy.Program;
        var roots = policy.RuleRoots;
        var values = policy.RuleValues;
        var masks = policy.RuleMasks;
        var all = baseTruths.IsEmpty;

        var floor = (int)Outlook.VeryUnlikely;
        for (var i = policy.FirstOverride; i < policy.FirstBase; i++)
        {
            var truth = all || (masks[i] & changed) != 0 ? program.Eval(roots[i], facts, memo) : baseTruths[i];
            if (truth == Truth.True)
            {
                floor = Math.Max(floor, values[i]);
            }
        }

        // Only the first base rule that holds counts; the later ones need not run.
        var score = 0;
        for (var i = policy.FirstBase; i < policy.FirstAdjust; i++)
        {
            var truth = all || (masks[i] & changed) != 0 ? program.Eval(roots[i], facts, memo) : baseTruths[i];
            if (truth == Truth.True)
            {
                score = values[i];
                break;
            }
        }

        for (var i = policy.FirstAdjust; i < policy.FirstCap; i++)
        {
            var truth = all || (masks[i] & changed) != 0 ? program.Eval(roots[i], facts, memo) : baseTruths[i];
            score += truth == Truth.True ? values[i] : 0;
        }

        score = Math.Clamp(score, (int)Outlook.VeryUnlikely, (int)Outlook.Likely);
        var ceiling = (int)Outlook.Likely;
        for (var i = policy.FirstCap; i < policy.FirstInfo; i++)
        {
            // A cap at or above the outlook so far, or at or below the floor, cannot change it.
            var cap = values[i];
            var outlook = Math.Min(score, ceiling);
            if (cap >= outlook || outlook <= floor)
            {
                continue;
            }

            var truth = all || (masks[i] & changed) != 0 ? program.Eval(roots[i], facts, memo) : baseTruths[i];
            if (truth == Truth.True)
            {
                ceiling = cap;
            }
        }

        return (Outlook)Math.Max(floor, Math.Min(score, ceiling));
    }

    /// <summary>Decides the confidence on the flat program.</summary>
    public static Confidence DecideConfidence(PolicyPlan policy, ReadOnlySpan<int> facts, Span<byte> memo)
    {
        var roots = policy.ConfidenceRoots;
        for (var i = 0; i < roots.Length; i++)
        {
            if (policy.Program.Eval(roots[i], facts, memo) == Truth.True)
            {
                return policy.ConfidenceLevels[i];
            }
        }

        return policy.ConfidenceOtherwise;
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
