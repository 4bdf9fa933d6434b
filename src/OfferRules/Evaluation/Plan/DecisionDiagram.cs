using System.Runtime.CompilerServices;
using OfferRules.Facts;

namespace OfferRules.Evaluation.Plan;

/// <summary>
/// A policy's whole decision, the outlook and the confidence, as a reduced ordered decision diagram over the facts it
/// reads: each node reads one fact, sorts its value into a class (unknown, or a range between two literals the rules
/// compare that fact with), and jumps to the child of that class; a leaf holds the decision. Deciding a case walks one
/// path, reading each fact at most once, instead of running every rule and the conduct derivation.
/// </summary>
/// <remarks>
/// The diagram is data, built from the flat program (<see cref="PlanProgram"/>) by <see cref="DecisionDiagramBuilder"/>:
/// no code is generated. It is exact by construction, since every comparison has one truth on each class of values, and
/// each leaf's decision is computed by <see cref="PlanRunner.DecideChanged"/> from the rules' truths on that path. A
/// policy whose diagram would grow past a budget has none and is decided by the program.
/// </remarks>
internal sealed class DecisionDiagram
{
    private readonly DiagramNode[] _nodes;
    private readonly int[] _edges;
    private readonly byte[] _tables;
    private readonly long[][] _cuts;
    private readonly int _root;

    public DecisionDiagram(DiagramNode[] nodes, int[] edges, byte[] tables, long[][] cuts, int root, int buildSteps)
    {
        BuildSteps = buildSteps;
        _nodes = nodes;
        _edges = edges;
        _tables = tables;
        _cuts = cuts;
        _root = root;
    }

    /// <summary>Gets the number of combination steps the build took (its cost, against <see cref="DecisionDiagramBuilder.MaxSteps"/>).</summary>
    public int BuildSteps { get; }

    /// <summary>Gets the number of inner nodes.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Encodes a decision as a leaf value.</summary>
    public static int Leaf(Outlook outlook, Confidence confidence) => (int)outlook | ((int)confidence << 8);

    /// <summary>Gets the outlook of a leaf value.</summary>
    public static Outlook OutlookOf(int leaf) => (Outlook)(leaf & 0xFF);

    /// <summary>Gets the confidence of a leaf value.</summary>
    public static Confidence ConfidenceOf(int leaf) => (Confidence)(leaf >> 8);

    /// <summary>
    /// Decides a fact vector whose input facts, day counts and timing band are filled (the conduct is not read: the
    /// diagram reads the facts it is derived from).
    /// </summary>
    /// <returns>The leaf value; see <see cref="OutlookOf"/> and <see cref="ConfidenceOf"/>.</returns>
    public int Run(ReadOnlySpan<int> facts)
    {
        var nodes = _nodes;
        var edges = _edges;
        var tables = _tables;
        var n = _root;
        while (n >= 0)
        {
            ref readonly var node = ref nodes[n];
            var value = facts[node.Fact];
            int cls;
            if (value == FactCatalog.Unknown)
            {
                cls = 0;
            }
            else
            {
                var offset = (long)value - node.Low;
                cls = offset < 0 ? 1 : offset < node.Length ? tables[node.Table + (int)offset] : node.Length < 0 ? Search(node.Var, value) : node.Top;
            }

            n = edges[node.First + cls];
        }

        return ~n;
    }

    /// <summary>The class of a known value of a fact whose literals lie too far apart for a table: one more than the number of cuts below it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Search(int var, int value) => Classes.Of(_cuts[var], value);
}

/// <summary>One inner node of a <see cref="DecisionDiagram"/>, with the classifying table of its fact inlined.</summary>
/// <param name="Fact">The fact the node reads (an index into the fact vector).</param>
/// <param name="Var">The index of that fact among the diagram's variables.</param>
/// <param name="First">The index in the edge array of the child for class 0 (unknown); class <c>k</c> is at <c>First + k</c>.</param>
/// <param name="Low">The smallest value the table covers; a known value below it is in class 1.</param>
/// <param name="Length">The number of values the table covers, or -1 when the fact's classes are found by binary search.</param>
/// <param name="Table">Where the table starts in the shared table array.</param>
/// <param name="Top">The class of a value above the table.</param>
internal readonly record struct DiagramNode(int Fact, int Var, int First, long Low, int Length, int Table, int Top);

/// <summary>
/// The classes of a fact's values given the sorted cuts of its comparisons: a cut <c>c</c> means some comparison may
/// differ between <c>c</c> and <c>c + 1</c>. Class 0 is unknown; a known value <c>v</c> is in class 1 plus the number
/// of cuts below <c>v</c>.
/// </summary>
internal static class Classes
{
    /// <summary>Gets the class of a known value.</summary>
    public static int Of(long[] cuts, int value)
    {
        // The number of cuts strictly below the value.
        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cuts[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return 1 + lo;
    }

    /// <summary>Gets a value of each class: <see cref="FactCatalog.Unknown"/> for class 0, then one value per range.</summary>
    public static int[] Representatives(long[] cuts)
    {
        var values = new int[cuts.Length + 2];
        values[0] = FactCatalog.Unknown;
        if (cuts.Length == 0)
        {
            values[1] = 0;
            return values;
        }

        for (var k = 1; k <= cuts.Length; k++)
        {
            values[k] = (int)cuts[k - 1];
        }

        values[cuts.Length + 1] = (int)(cuts[^1] + 1);
        return values;
    }

    /// <summary>Adds the cuts of one comparison: the values next to which its truth may change.</summary>
    public static void AddCuts(SortedSet<long> cuts, in Instruction ins, int[][] lists)
    {
        long v = ins.Value;
        switch (ins.Op)
        {
            case OpCode.Le or OpCode.Gt:
                cuts.Add(v);
                break;
            case OpCode.Lt or OpCode.Ge:
                cuts.Add(v - 1);
                break;
            case OpCode.Eq or OpCode.Ne:
                cuts.Add(v - 1);
                cuts.Add(v);
                break;
            case OpCode.InMask or OpCode.NotInMask:
                for (var b = 0; b < 64; b++)
                {
                    if (((ins.Mask >> b) & 1) != 0)
                    {
                        cuts.Add(b - 1);
                        cuts.Add(b);
                    }
                }

                break;
            case OpCode.InList or OpCode.NotInList:
                foreach (var item in lists[ins.Value])
                {
                    cuts.Add(item - 1L);
                    cuts.Add(item);
                }

                break;
        }
    }

    /// <summary>
    /// Gets the cuts of the comparisons on one fact. Cuts that no known value can fall on either side of (at or below
    /// the unknown marker, at or above the largest value) are left out, so that every class holds a known value.
    /// </summary>
    public static long[] Cuts(IEnumerable<(Instruction Instruction, int[][] Lists)> comparisons)
    {
        var cuts = new SortedSet<long>();
        foreach (var (ins, lists) in comparisons)
        {
            AddCuts(cuts, in ins, lists);
        }

        cuts.RemoveWhere(c => c <= FactCatalog.Unknown || c >= int.MaxValue);
        return [.. cuts];
    }
}
