using System.Collections.Immutable;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>
/// Lays condition trees out as one <see cref="PlanProgram"/>: prefix order, a jump offset per node, negations pushed to
/// the leaves, single-child <c>all</c>/<c>any</c> removed, and references to a named condition that is a single
/// comparison replaced by that comparison. Only called on a model without errors (no unknown or cyclic references).
/// </summary>
internal sealed class ProgramBuilder
{
    private readonly List<Instruction> _code = [];
    private readonly List<int[]> _lists = [];
    private readonly ImmutableArray<NamedConditionModel> _named;
    private readonly Dictionary<string, int> _index;

    public ProgramBuilder(ImmutableArray<NamedConditionModel> named)
    {
        _named = named;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < named.Length; i++)
        {
            _index.TryAdd(named[i].Id, i);
        }
    }

    /// <summary>Emits a condition tree and returns its root.</summary>
    public int Add(ConditionNode node)
    {
        var root = _code.Count;
        Emit(node, negate: false);
        return root;
    }

    /// <summary>Emits every named condition and returns the finished program.</summary>
    public PlanProgram Build(out int[] namedRoots)
    {
        namedRoots = new int[_named.Length];
        for (var i = 0; i < _named.Length; i++)
        {
            namedRoots[i] = Add(_named[i].When);
        }

        return new PlanProgram([.. _code], namedRoots, [.. _lists]);
    }

    private void Emit(ConditionNode node, bool negate)
    {
        if (TryLeaf(node, negate, depth: 0, out var leaf))
        {
            _code.Add(leaf with { Next = _code.Count + 1 });
            return;
        }

        switch (node)
        {
            case NotNode not:
                Emit(not.Child, !negate);
                return;
            case AllNode all:
                Group(negate ? OpCode.Any : OpCode.All, 0, all.Children, negate);
                return;
            case AnyNode any:
                Group(negate ? OpCode.All : OpCode.Any, 0, any.Children, negate);
                return;
            case AtLeastNode atLeast:
                // not (at least k of n) = at least n - k + 1 of the negated children, in Kleene logic too.
                Group(OpCode.AtLeast, negate ? atLeast.Children.Length - atLeast.Count + 1 : atLeast.Count, atLeast.Children, negate);
                return;
            case RefNode reference:
                _code.Add(new Instruction(negate ? OpCode.NotRef : OpCode.Ref, 0, _index[reference.Id], _code.Count + 1, 0));
                return;
            default:
                throw new InvalidOperationException($"Unexpected condition node {node.GetType().Name}.");
        }
    }

    private void Group(OpCode op, int value, ImmutableArray<ConditionNode> children, bool negate)
    {
        var header = _code.Count;
        _code.Add(default);
        foreach (var child in children)
        {
            Emit(child, negate);
        }

        _code[header] = new Instruction(op, 0, value, _code.Count, (ulong)children.Length);
    }

    /// <summary>Gets the single instruction a node compiles to, when it is one: a comparison, a constant, or a reference to one.</summary>
    private bool TryLeaf(ConditionNode node, bool negate, int depth, out Instruction leaf)
    {
        leaf = default;
        switch (node)
        {
            case CompareNode compare:
                leaf = Comparison(compare, negate);
                return true;
            case NotNode not:
                return TryLeaf(not.Child, !negate, depth, out leaf);
            case AllNode { Children.Length: 0 }:
                leaf = new Instruction(negate ? OpCode.False : OpCode.True, 0, 0, 0, 0);
                return true;
            case AnyNode { Children.Length: 0 }:
                leaf = new Instruction(negate ? OpCode.True : OpCode.False, 0, 0, 0, 0);
                return true;
            case AllNode { Children.Length: 1 } all:
                return TryLeaf(all.Children[0], negate, depth, out leaf);
            case AnyNode { Children.Length: 1 } any:
                return TryLeaf(any.Children[0], negate, depth, out leaf);
            case RefNode reference when depth < RuleSetCompiler.MaxReferenceDepth && _index.TryGetValue(reference.Id, out var target):
                return TryLeaf(_named[target].When, negate, depth + 1, out leaf);
            default:
                return false;
        }
    }

    private Instruction Comparison(CompareNode compare, bool negate)
    {
        var fact = (int)compare.Fact.Id;
        var values = compare.Values;
        switch (compare.Op)
        {
            case CompareOp.IsKnown:
                return new Instruction(negate ? OpCode.IsUnknown : OpCode.IsKnown, fact, 0, 0, 0);
            case CompareOp.In or CompareOp.NotIn:
                var notIn = (compare.Op == CompareOp.NotIn) != negate;
                if (values.All(v => v is >= 0 and <= 63))
                {
                    var mask = 0UL;
                    foreach (var v in values)
                    {
                        mask |= 1UL << v;
                    }

                    return new Instruction(notIn ? OpCode.NotInMask : OpCode.InMask, fact, 0, 0, mask);
                }

                int[] sorted = [.. values.Distinct().Order()];
                _lists.Add(sorted);
                return new Instruction(notIn ? OpCode.NotInList : OpCode.InList, fact, _lists.Count - 1, 0, 0);
            default:
                var op = (compare.Op, negate) switch
                {
                    (CompareOp.Eq, false) or (CompareOp.Ne, true) => OpCode.Eq,
                    (CompareOp.Ne, false) or (CompareOp.Eq, true) => OpCode.Ne,
                    (CompareOp.Lt, false) or (CompareOp.Ge, true) => OpCode.Lt,
                    (CompareOp.Le, false) or (CompareOp.Gt, true) => OpCode.Le,
                    (CompareOp.Gt, false) or (CompareOp.Le, true) => OpCode.Gt,
                    _ => OpCode.Ge,
                };
                return new Instruction(op, fact, values[0], 0, 0);
        }
    }
}
