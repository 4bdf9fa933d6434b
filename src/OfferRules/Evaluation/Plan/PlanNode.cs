using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>The scratch state of one evaluation: the fact vector and the memo of named conditions.</summary>
internal ref struct PlanContext
{
    public PlanContext(ReadOnlySpan<int> facts, Span<byte> memo, PlanNode?[] named)
    {
        Facts = facts;
        Memo = memo;
        Named = named;
    }

    public ReadOnlySpan<int> Facts;

    /// <summary>0 when a named condition has not been evaluated yet, otherwise its truth + 1.</summary>
    public Span<byte> Memo;

    public PlanNode?[] Named;
}

/// <summary>A compiled condition. Instances are immutable and shared by every evaluation of a rule set.</summary>
internal abstract class PlanNode
{
    public abstract Truth Evaluate(ref PlanContext context);
}

internal sealed class AllPlanNode(PlanNode[] children) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var result = Truth.True;
        foreach (var child in children)
        {
            result = result.And(child.Evaluate(ref context));
            if (result == Truth.False)
            {
                return Truth.False;
            }
        }

        return result;
    }
}

internal sealed class AnyPlanNode(PlanNode[] children) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var result = Truth.False;
        foreach (var child in children)
        {
            result = result.Or(child.Evaluate(ref context));
            if (result == Truth.True)
            {
                return Truth.True;
            }
        }

        return result;
    }
}

internal sealed class NotPlanNode(PlanNode child) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context) => child.Evaluate(ref context).Not();
}

internal sealed class AtLeastPlanNode(int count, PlanNode[] children) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        int trues = 0, unknowns = 0;
        foreach (var child in children)
        {
            switch (child.Evaluate(ref context))
            {
                case Truth.True:
                    trues++;
                    break;
                case Truth.Unknown:
                    unknowns++;
                    break;
            }
        }

        return trues >= count ? Truth.True : trues + unknowns < count ? Truth.False : Truth.Unknown;
    }
}

internal sealed class RefPlanNode(int index) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var memo = context.Memo[index];
        if (memo != 0)
        {
            return (Truth)(memo - 1);
        }

        var result = context.Named[index]!.Evaluate(ref context);
        context.Memo[index] = (byte)(result + 1);
        return result;
    }
}

internal sealed class IsKnownPlanNode(int fact) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context) =>
        context.Facts[fact] == FactCatalog.Unknown ? Truth.False : Truth.True;
}

internal sealed class ComparePlanNode(int fact, CompareOp op, int value) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var actual = context.Facts[fact];
        if (actual == FactCatalog.Unknown)
        {
            return Truth.Unknown;
        }

        var result = op switch
        {
            CompareOp.Eq => actual == value,
            CompareOp.Ne => actual != value,
            CompareOp.Lt => actual < value,
            CompareOp.Le => actual <= value,
            CompareOp.Gt => actual > value,
            _ => actual >= value,
        };
        return result ? Truth.True : Truth.False;
    }
}

internal sealed class InPlanNode(int fact, int[] values, bool negate) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var actual = context.Facts[fact];
        if (actual == FactCatalog.Unknown)
        {
            return Truth.Unknown;
        }

        return System.Array.IndexOf(values, actual) >= 0 != negate ? Truth.True : Truth.False;
    }
}
