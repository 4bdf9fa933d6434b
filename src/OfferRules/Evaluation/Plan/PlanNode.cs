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

    /// <summary>Gets a node for the Kleene negation of this one; a comparison negates to its opposite comparison.</summary>
    public virtual PlanNode Negate() => new NotPlanNode(this);
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

    public override PlanNode Negate() => child;
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

    public override PlanNode Negate() => new IsUnknownPlanNode(fact);
}

/// <summary><c>not isKnown</c>, in one step.</summary>
internal sealed class IsUnknownPlanNode(int fact) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context) =>
        context.Facts[fact] == FactCatalog.Unknown ? Truth.True : Truth.False;

    public override PlanNode Negate() => new IsKnownPlanNode(fact);
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

    public override PlanNode Negate() => op switch
    {
        CompareOp.Eq => new ComparePlanNode(fact, CompareOp.Ne, value),
        CompareOp.Ne => new ComparePlanNode(fact, CompareOp.Eq, value),
        CompareOp.Lt => new ComparePlanNode(fact, CompareOp.Ge, value),
        CompareOp.Le => new ComparePlanNode(fact, CompareOp.Gt, value),
        CompareOp.Gt => new ComparePlanNode(fact, CompareOp.Le, value),
        _ => new ComparePlanNode(fact, CompareOp.Lt, value),
    };
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

    public override PlanNode Negate() => new InPlanNode(fact, values, !negate);
}

/// <summary>
/// The compiled forms of the commonest comparisons, chosen by <see cref="Create"/>: one node class per operator, and a
/// bit set for <c>in</c>/<c>notIn</c> over small codes (every enum and yes/no fact), so that evaluating one is a load,
/// a compare and no branch on the operator.
/// </summary>
internal static class ComparePlanNodes
{
    public static PlanNode Create(int fact, CompareOp op, ReadOnlySpan<int> values) => op switch
    {
        CompareOp.IsKnown => new IsKnownPlanNode(fact),
        CompareOp.In or CompareOp.NotIn when FitsMask(values) => new InMaskPlanNode(fact, Mask(values), negate: op == CompareOp.NotIn),
        CompareOp.In => new InPlanNode(fact, values.ToArray(), negate: false),
        CompareOp.NotIn => new InPlanNode(fact, values.ToArray(), negate: true),
        CompareOp.Eq => new EqPlanNode(fact, values[0]),
        CompareOp.Ne => new NePlanNode(fact, values[0]),
        CompareOp.Le => new LePlanNode(fact, values[0]),
        CompareOp.Gt => new GtPlanNode(fact, values[0]),
        _ => new ComparePlanNode(fact, op, values[0]),
    };

    private static bool FitsMask(ReadOnlySpan<int> values)
    {
        foreach (var v in values)
        {
            if (v is < 0 or > 63)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong Mask(ReadOnlySpan<int> values)
    {
        ulong mask = 0;
        foreach (var v in values)
        {
            mask |= 1UL << v;
        }

        return mask;
    }
}

internal sealed class EqPlanNode(int fact, int value) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var actual = context.Facts[fact];
        return actual == FactCatalog.Unknown ? Truth.Unknown : actual == value ? Truth.True : Truth.False;
    }

    public override PlanNode Negate() => new NePlanNode(fact, value);
}

internal sealed class NePlanNode(int fact, int value) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var actual = context.Facts[fact];
        return actual == FactCatalog.Unknown ? Truth.Unknown : actual != value ? Truth.True : Truth.False;
    }

    public override PlanNode Negate() => new EqPlanNode(fact, value);
}

internal sealed class LePlanNode(int fact, int value) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var actual = context.Facts[fact];
        return actual == FactCatalog.Unknown ? Truth.Unknown : actual <= value ? Truth.True : Truth.False;
    }

    public override PlanNode Negate() => new GtPlanNode(fact, value);
}

internal sealed class GtPlanNode(int fact, int value) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var actual = context.Facts[fact];
        return actual == FactCatalog.Unknown ? Truth.Unknown : actual > value ? Truth.True : Truth.False;
    }

    public override PlanNode Negate() => new LePlanNode(fact, value);
}

/// <summary><c>in</c> or <c>notIn</c> over codes from 0 to 63, as a bit set.</summary>
internal sealed class InMaskPlanNode(int fact, ulong mask, bool negate) : PlanNode
{
    public override Truth Evaluate(ref PlanContext context)
    {
        var actual = context.Facts[fact];
        if (actual == FactCatalog.Unknown)
        {
            return Truth.Unknown;
        }

        var member = unchecked((uint)actual) < 64 && ((mask >> actual) & 1) != 0;
        return member != negate ? Truth.True : Truth.False;
    }

    public override PlanNode Negate() => new InMaskPlanNode(fact, mask, !negate);
}
