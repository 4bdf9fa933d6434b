using System.Runtime.CompilerServices;
using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>
/// The closed set of instructions of a <see cref="PlanProgram"/>. Negations are pushed to the leaves when the program is
/// built (De Morgan, and <c>not atLeast k of n</c> as <c>atLeast n-k+1</c> of the negated children), so there is no
/// <c>not</c> instruction.
/// </summary>
internal enum OpCode : byte
{
    /// <summary>Always false (an empty <c>any</c>).</summary>
    False,

    /// <summary>Always true (an empty <c>all</c>).</summary>
    True,
    IsKnown,
    IsUnknown,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,

    /// <summary><c>in</c> over codes 0 to 63, as the bit set <see cref="Instruction.Mask"/>.</summary>
    InMask,
    NotInMask,

    /// <summary><c>in</c> over the sorted list <see cref="PlanProgram.Lists"/>[<see cref="Instruction.Value"/>].</summary>
    InList,
    NotInList,

    /// <summary>Kleene conjunction of the children that follow, up to <see cref="Instruction.Next"/>; stops at the first false.</summary>
    All,

    /// <summary>Kleene disjunction of the children that follow; stops at the first true.</summary>
    Any,

    /// <summary>At least <see cref="Instruction.Value"/> of the <see cref="Instruction.Mask"/> children that follow.</summary>
    AtLeast,

    /// <summary>The named condition <see cref="Instruction.Value"/>, memoized.</summary>
    Ref,

    /// <summary>The negation of the named condition <see cref="Instruction.Value"/>, memoized.</summary>
    NotRef,
}

/// <summary>
/// One instruction. <see cref="Next"/> is the index just past this instruction's subtree: the jump target when an
/// <c>all</c> or <c>any</c> short-circuits, and where the next sibling starts.
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="Fact">The fact a comparison reads (an index into the fact vector).</param>
/// <param name="Value">The literal of a comparison, the list index of a long <c>in</c>, the count of an <c>atLeast</c>, or the named condition of a reference.</param>
/// <param name="Next">The index after this instruction's subtree.</param>
/// <param name="Mask">The bit set of a short <c>in</c>, or the number of children of an <c>atLeast</c>.</param>
internal readonly record struct Instruction(OpCode Op, int Fact, int Value, int Next, ulong Mask);

/// <summary>
/// A compiled set of condition trees as one flat array of <see cref="Instruction"/>s in prefix order. Immutable and
/// shared by every evaluation; evaluation takes its scratch space (the fact vector and the memo) from the caller.
/// </summary>
internal sealed class PlanProgram
{
    public PlanProgram(Instruction[] code, int[] namedRoots, int[][] lists)
    {
        Code = code;
        NamedRoots = namedRoots;
        Lists = lists;
    }

    /// <summary>Gets the instructions.</summary>
    public Instruction[] Code { get; }

    /// <summary>Gets the root of each named condition, indexed like the memo.</summary>
    public int[] NamedRoots { get; }

    /// <summary>Gets the sorted value lists of the long <c>in</c> comparisons.</summary>
    public int[][] Lists { get; }

    /// <summary>Evaluates the subtree rooted at <paramref name="pc"/>.</summary>
    public Truth Eval(int pc, ReadOnlySpan<int> facts, Span<byte> memo)
    {
        var code = Code;
        ref readonly var ins = ref code[pc];
        switch (ins.Op)
        {
            case OpCode.All:
            {
                var result = Truth.True;
                for (var child = pc + 1; child < ins.Next; child = code[child].Next)
                {
                    ref readonly var c = ref code[child];
                    var t = IsComparison(c.Op) ? Compare(in c, facts[c.Fact], Lists) : Eval(child, facts, memo);
                    if (t == Truth.False)
                    {
                        return Truth.False;
                    }

                    result = t < result ? t : result;
                }

                return result;
            }

            case OpCode.Any:
            {
                var result = Truth.False;
                for (var child = pc + 1; child < ins.Next; child = code[child].Next)
                {
                    ref readonly var c = ref code[child];
                    var t = IsComparison(c.Op) ? Compare(in c, facts[c.Fact], Lists) : Eval(child, facts, memo);
                    if (t == Truth.True)
                    {
                        return Truth.True;
                    }

                    result = t > result ? t : result;
                }

                return result;
            }

            case OpCode.AtLeast:
            {
                int trues = 0, unknowns = 0, left = (int)ins.Mask;
                for (var child = pc + 1; child < ins.Next; child = code[child].Next)
                {
                    left--;
                    var t = Eval(child, facts, memo);
                    trues += t == Truth.True ? 1 : 0;
                    unknowns += t == Truth.Unknown ? 1 : 0;
                    if (trues >= ins.Value)
                    {
                        return Truth.True;
                    }

                    if (trues + unknowns + left < ins.Value)
                    {
                        return Truth.False;
                    }
                }

                return trues >= ins.Value ? Truth.True : trues + unknowns < ins.Value ? Truth.False : Truth.Unknown;
            }

            case OpCode.Ref:
            case OpCode.NotRef:
            {
                var memoized = memo[ins.Value];
                Truth t;
                if (memoized != 0)
                {
                    t = (Truth)(memoized - 1);
                }
                else
                {
                    t = Eval(NamedRoots[ins.Value], facts, memo);
                    memo[ins.Value] = (byte)(t + 1);
                }

                return ins.Op == OpCode.Ref ? t : (Truth)(2 - (int)t);
            }

            default:
                return Compare(in ins, facts[ins.Fact], Lists);
        }
    }

    /// <summary>Evaluates a leaf instruction (a comparison or a constant) for one fact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Truth Compare(in Instruction ins, int actual, int[][] lists)
    {
        bool holds;
        switch (ins.Op)
        {
            case OpCode.False:
                return Truth.False;
            case OpCode.True:
                return Truth.True;
            case OpCode.IsKnown:
                return actual == FactCatalog.Unknown ? Truth.False : Truth.True;
            case OpCode.IsUnknown:
                return actual == FactCatalog.Unknown ? Truth.True : Truth.False;
            case OpCode.Eq:
                holds = actual == ins.Value;
                break;
            case OpCode.Ne:
                holds = actual != ins.Value;
                break;
            case OpCode.Lt:
                holds = actual < ins.Value;
                break;
            case OpCode.Le:
                holds = actual <= ins.Value;
                break;
            case OpCode.Gt:
                holds = actual > ins.Value;
                break;
            case OpCode.Ge:
                holds = actual >= ins.Value;
                break;
            case OpCode.InMask:
                holds = unchecked((uint)actual) < 64 && ((ins.Mask >> (actual & 63)) & 1) != 0;
                break;
            case OpCode.NotInMask:
                holds = !(unchecked((uint)actual) < 64 && ((ins.Mask >> (actual & 63)) & 1) != 0);
                break;
            case OpCode.InList:
                holds = System.Array.BinarySearch(lists[ins.Value], actual) >= 0;
                break;
            default: // NotInList
                holds = System.Array.BinarySearch(lists[ins.Value], actual) < 0;
                break;
        }

        var truth = holds ? Truth.True : Truth.False;
        return actual == FactCatalog.Unknown ? Truth.Unknown : truth;
    }

    /// <summary>Gets whether an instruction is a leaf that reads a fact (a comparison).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsComparison(OpCode op) => op is >= OpCode.IsKnown and <= OpCode.NotInList;
}
