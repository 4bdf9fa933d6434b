using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Evaluation.Plan;

/// <summary>
/// Builds a policy's <see cref="DecisionDiagram"/> from its flat program: every condition becomes a diagram with
/// three-valued leaves (Kleene's logic, as <see cref="PlanProgram.Eval"/> computes it), the conduct derivation a diagram
/// whose leaves are its cases, and the policy's decision the product of the rules' and confidence levels' diagrams, each
/// leaf of which is decided by <see cref="PlanRunner.DecideChanged"/> from the truths there. Nodes are shared (a unique
/// table) and a node whose children are all the same is dropped, so the result is reduced.
/// </summary>
internal sealed class DecisionDiagramBuilder
{
    /// <summary>The most inner nodes a diagram may have.</summary>
    public const int MaxNodes = 1 << 15;

    /// <summary>The most combination steps one build may take before it gives up.</summary>
    public const int MaxSteps = 1 << 18;

    /// <summary>The most rules and confidence levels a policy may have for a diagram to be tried at all.</summary>
    public const int MaxOperands = 256;

    private static readonly ArrayComparer s_comparer = new();

    private readonly RuleSetPlan _plan;
    private readonly PolicyPlan _policy;
    private readonly List<int> _var = [];
    private readonly List<int[]> _kids = [];
    private readonly Dictionary<int[], int> _unique = new(s_comparer);
    private readonly List<FactId> _facts = [];
    private readonly int[] _varOf = new int[FactCatalog.Count];
    private readonly List<long[]> _cuts = [];
    private readonly List<int[]> _representatives = [];
    private readonly Dictionary<int, int> _named = [];
    private readonly int _maxNodes;
    private readonly int _maxSteps;
    private int _conduct = int.MinValue;
    private int _steps;

    private DecisionDiagramBuilder(RuleSetPlan plan, PolicyPlan policy, int maxNodes, int maxSteps)
    {
        _plan = plan;
        _policy = policy;
        _maxNodes = maxNodes;
        _maxSteps = maxSteps;
        System.Array.Fill(_varOf, -1);
    }

    /// <summary>Builds the diagram of a policy, or returns <see langword="null"/> when it would pass the budget.</summary>
    public static DecisionDiagram? TryBuild(RuleSetPlan plan, PolicyPlan policy) => TryBuild(plan, policy, MaxNodes, MaxSteps);

    /// <summary>Builds the diagram of a policy within a given budget, or returns <see langword="null"/> when it would pass it.</summary>
    internal static DecisionDiagram? TryBuild(RuleSetPlan plan, PolicyPlan policy, int maxNodes, int maxSteps)
    {
        if (policy.FirstInfo + policy.ConfidenceRoots.Length > MaxOperands)
        {
            return null;
        }

        try
        {
            return new DecisionDiagramBuilder(plan, policy, maxNodes, maxSteps).Build();
        }
        catch (BudgetExceededException)
        {
            return null;
        }
    }

    private DecisionDiagram Build()
    {
        var program = _policy.Program;
        var decidingRules = _policy.FirstInfo;
        var confidences = _policy.ConfidenceRoots.Length;

        // The variables, in the order the rules first read them: the terminal rules' facts come first, which keeps the
        // paths of the cases they settle short.
        var comparisons = new Dictionary<FactId, List<(Instruction, int[][])>>();
        var visitedNamed = new HashSet<int>();
        var conductVisited = false;
        for (var i = 0; i < decidingRules; i++)
        {
            Collect(program, _policy.RuleRoots[i], comparisons, visitedNamed, ref conductVisited);
        }

        foreach (var confidenceRoot in _policy.ConfidenceRoots)
        {
            Collect(program, confidenceRoot, comparisons, visitedNamed, ref conductVisited);
        }

        foreach (var fact in _facts)
        {
            var cuts = Classes.Cuts(comparisons[fact]);
            _varOf[(int)fact] = _cuts.Count;
            _cuts.Add(cuts);
            _representatives.Add(Classes.Representatives(cuts));
        }

        var operands = new int[decidingRules + confidences];
        for (var i = 0; i < decidingRules; i++)
        {
            operands[i] = Condition(program, _policy.RuleRoots[i]);
        }

        for (var i = 0; i < confidences; i++)
        {
            operands[decidingRules + i] = Condition(program, _policy.ConfidenceRoots[i]);
        }

        // The rules are folded in run order into a diagram of the decision's state so far (as PlanRunner's stages keep
        // it), so that paths that reach the same state share their nodes; then the confidence levels, first true wins.
        var states = new List<DecisionState>();
        var ids = new Dictionary<DecisionState, int>();
        var decision = Terminal(Intern(DecisionState.Initial));
        for (var i = 0; i < decidingRules; i++)
        {
            var rule = i;
            decision = Combine([decision, operands[i]], leaves => Intern(Step(states[leaves[0]], rule, (Truth)leaves[1])));
        }

        // The confidence level that holds first, plus one; 0 while none has (leaves are never negative).
        var confidence = Terminal(0);
        for (var i = 0; i < confidences; i++)
        {
            var level = (int)_policy.ConfidenceLevels[i] + 1;
            confidence = Combine([confidence, operands[decidingRules + i]], leaves => leaves[0] > 0 || leaves[1] != (int)Truth.True ? leaves[0] : level);
        }

        var otherwise = (int)_policy.ConfidenceOtherwise;
        var root = Combine([decision, confidence], leaves =>
            DecisionDiagram.Leaf(Final(states[leaves[0]]), (Confidence)(leaves[1] > 0 ? leaves[1] - 1 : otherwise)));

        int Intern(DecisionState state)
        {
            if (!ids.TryGetValue(state, out var id))
            {
                id = states.Count;
                states.Add(state);
                ids[state] = id;
            }

            return id;
        }

        return Freeze(root);
    }

    /// <summary>
    /// The decision's state after some of the rules, in run order: the outlook a terminal rule settled (or -1), the floor,
    /// whether a base rule held, the score, and the ceiling.
    /// </summary>
    private readonly record struct DecisionState(int Decided, int Floor, bool Found, int Score, int Ceiling)
    {
        public static DecisionState Initial => new(-1, (int)Outlook.VeryUnlikely, false, 0, (int)Outlook.Likely);
    }

    /// <summary>The state after rule <paramref name="rule"/> has the truth <paramref name="truth"/>: PlanRunner's stages, one rule at a time.</summary>
    private DecisionState Step(DecisionState state, int rule, Truth truth)
    {
        var policy = _policy;
        var value = policy.RuleValues[rule];
        var holds = truth == Truth.True;
        if (state.Decided >= 0)
        {
            return state;
        }

        if (rule < policy.FirstOverride)
        {
            return holds ? state with { Decided = value } : state;
        }

        if (rule < policy.FirstBase)
        {
            return holds ? state with { Floor = Math.Max(state.Floor, value) } : state;
        }

        if (rule < policy.FirstAdjust)
        {
            return holds && !state.Found ? state with { Found = true, Score = value } : state;
        }

        if (rule < policy.FirstCap)
        {
            return holds ? state with { Score = state.Score + value } : state;
        }

        // A cap at or above the outlook so far, or at or below the floor, cannot change it.
        var outlook = Math.Min(Clamp(state.Score), state.Ceiling);
        return value >= outlook || outlook <= state.Floor || !holds ? state : state with { Ceiling = value };
    }

    private static int Clamp(int score) => Math.Clamp(score, (int)Outlook.VeryUnlikely, (int)Outlook.Likely);

    private static Outlook Final(DecisionState state) =>
        (Outlook)(state.Decided >= 0 ? state.Decided : Math.Max(state.Floor, Math.Min(Clamp(state.Score), state.Ceiling)));

    /// <summary>Records the facts a condition reads, and the comparisons on each, in the order it reads them.</summary>
    private void Collect(PlanProgram program, int root, Dictionary<FactId, List<(Instruction, int[][])>> comparisons, HashSet<int> visitedNamed, ref bool conductVisited)
    {
        var code = program.Code;
        var end = code[root].Next;
        for (var pc = root; pc < end; pc++)
        {
            var ins = code[pc];
            if (ins.Op is OpCode.Ref or OpCode.NotRef)
            {
                if (visitedNamed.Add(ins.Value))
                {
                    Collect(program, program.NamedRoots[ins.Value], comparisons, visitedNamed, ref conductVisited);
                }
            }
            else if (PlanProgram.IsComparison(ins.Op))
            {
                var fact = (FactId)ins.Fact;
                if (fact == FactId.Conduct)
                {
                    // The conduct is not a variable: the diagram reads the facts it is derived from.
                    if (!conductVisited)
                    {
                        conductVisited = true;
                        foreach (var conductRoot in _plan.ConductRoots)
                        {
                            Collect(_plan.ConductProgram, conductRoot, comparisons, visitedNamed: [], ref conductVisited);
                        }
                    }

                    continue;
                }

                if (!comparisons.TryGetValue(fact, out var list))
                {
                    comparisons[fact] = list = [];
                    _facts.Add(fact);
                }

                list.Add((ins, program.Lists));
            }
        }
    }

    /// <summary>Gets the diagram of the condition rooted at <paramref name="pc"/>, with <see cref="Truth"/> leaves.</summary>
    private int Condition(PlanProgram program, int pc)
    {
        var code = program.Code;
        var ins = code[pc];
        switch (ins.Op)
        {
            case OpCode.False:
                return Terminal((int)Truth.False);
            case OpCode.True:
                return Terminal((int)Truth.True);
            case OpCode.All or OpCode.Any or OpCode.AtLeast:
            {
                var children = new List<int>();
                for (var child = pc + 1; child < ins.Next; child = code[child].Next)
                {
                    children.Add(Condition(program, child));
                }

                // Folded pairwise, so that every intermediate diagram is reduced and shared.
                switch (ins.Op)
                {
                    case OpCode.All:
                    {
                        var result = Terminal((int)Truth.True);
                        foreach (var child in children)
                        {
                            result = Combine([result, child], static leaves => Math.Min(leaves[0], leaves[1]));
                        }

                        return result;
                    }

                    case OpCode.Any:
                    {
                        var result = Terminal((int)Truth.False);
                        foreach (var child in children)
                        {
                            result = Combine([result, child], static leaves => Math.Max(leaves[0], leaves[1]));
                        }

                        return result;
                    }

                    default:
                    {
                        // The count of true and of unknown children so far, as trues * (n + 1) + unknowns.
                        var need = ins.Value;
                        var width = children.Count + 1;
                        var counts = Terminal(0);
                        foreach (var child in children)
                        {
                            counts = Combine([counts, child], leaves =>
                                leaves[0] + (leaves[1] == (int)Truth.True ? width : leaves[1] == (int)Truth.Unknown ? 1 : 0));
                        }

                        return Combine([counts], leaves =>
                        {
                            int trues = leaves[0] / width, unknowns = leaves[0] % width;
                            return (int)(trues >= need ? Truth.True : trues + unknowns < need ? Truth.False : Truth.Unknown);
                        });
                    }
                }
            }

            case OpCode.Ref or OpCode.NotRef:
            {
                if (!_named.TryGetValue(ins.Value, out var named))
                {
                    named = Condition(program, program.NamedRoots[ins.Value]);
                    _named[ins.Value] = named;
                }

                return ins.Op == OpCode.Ref ? named : Combine([named], static leaves => 2 - leaves[0]);
            }

            default:
                return Comparison(in ins, program.Lists);
        }
    }

    /// <summary>Gets the diagram of one comparison: a node on its fact, or on the facts of the conduct derivation.</summary>
    private int Comparison(in Instruction ins, int[][] lists)
    {
        var copy = ins;
        if ((FactId)ins.Fact == FactId.Conduct)
        {
            var codes = _plan.ConductCodes;
            return Combine([Conduct()], leaves => (int)PlanProgram.Compare(in copy, codes[leaves[0]], lists));
        }

        var var = _varOf[ins.Fact];
        var values = _representatives[var];
        var kids = new int[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            kids[k] = Terminal((int)PlanProgram.Compare(in ins, values[k], lists));
        }

        return Make(var, kids);
    }

    /// <summary>Gets the diagram of the conduct derivation, whose leaves are the index of the case that holds (or the count of cases for <c>otherwise</c>).</summary>
    private int Conduct()
    {
        if (_conduct != int.MinValue)
        {
            return _conduct;
        }

        var program = _plan.ConductProgram;
        var roots = _plan.ConductRoots;

        // The first case that holds plus one, folded pairwise (0 while none has).
        var first = Terminal(0);
        for (var i = 0; i < roots.Length; i++)
        {
            var index = i + 1;
            first = Combine([first, Condition(program, roots[i])], leaves => leaves[0] > 0 || leaves[1] != (int)Truth.True ? leaves[0] : index);
        }

        _conduct = Combine([first], leaves => leaves[0] > 0 ? leaves[0] - 1 : roots.Length);
        return _conduct;
    }

    /// <summary>Gets the id of a leaf: leaves are the complements of their values, which must not be negative.</summary>
    private static int Terminal(int value) => ~value;

    private int Make(int var, int[] kids)
    {
        var first = kids[0];
        var same = true;
        for (var k = 1; k < kids.Length && same; k++)
        {
            same = kids[k] == first;
        }

        if (same)
        {
            return first;
        }

        var key = new int[kids.Length + 1];
        key[0] = var;
        kids.CopyTo(key, 1);
        if (_unique.TryGetValue(key, out var id))
        {
            return id;
        }

        if (_var.Count >= _maxNodes)
        {
            throw new BudgetExceededException();
        }

        id = _var.Count;
        _var.Add(var);
        _kids.Add(kids);
        _unique[key] = id;
        return id;
    }

    /// <summary>
    /// Gets the diagram of <paramref name="leaf"/> applied to the operands' leaves: Shannon expansion on the first
    /// variable any operand reads, with a memo of the operand tuples already combined.
    /// </summary>
    private int Combine(int[] operands, Func<int[], int> leaf)
    {
        var memo = new Dictionary<int[], int>(s_comparer);
        var scratch = new int[operands.Length];
        return Go(operands);

        int Go(int[] ops)
        {
            var top = int.MaxValue;
            foreach (var op in ops)
            {
                if (op >= 0 && _var[op] < top)
                {
                    top = _var[op];
                }
            }

            if (top == int.MaxValue)
            {
                for (var i = 0; i < ops.Length; i++)
                {
                    scratch[i] = ~ops[i];
                }

                return Terminal(leaf(scratch));
            }

            if (memo.TryGetValue(ops, out var done))
            {
                return done;
            }

            if (++_steps > _maxSteps)
            {
                throw new BudgetExceededException();
            }

            var classes = _representatives[top].Length;
            var kids = new int[classes];
            for (var k = 0; k < classes; k++)
            {
                var sub = new int[ops.Length];
                for (var i = 0; i < ops.Length; i++)
                {
                    var op = ops[i];
                    sub[i] = op >= 0 && _var[op] == top ? _kids[op][k] : op;
                }

                kids[k] = Go(sub);
            }

            var result = Make(top, kids);
            memo[ops] = result;
            return result;
        }
    }

    /// <summary>Lays the nodes reachable from the root out as flat arrays, each node with its fact's table.</summary>
    private DecisionDiagram Freeze(int root)
    {
        // One table per variable, shared by its nodes.
        var tables = new List<byte>();
        var windows = new (long Low, int Length, int Table, int Top)[_cuts.Count];
        for (var v = 0; v < _cuts.Count; v++)
        {
            var cuts = _cuts[v];
            var top = cuts.Length + 1;
            if (cuts.Length == 0)
            {
                windows[v] = (0, 0, 0, top);
                continue;
            }

            // Known values from the first cut + 1 to the last cut lie in the table; below it is class 1, above it the top class.
            var low = cuts[0] + 1;
            var width = cuts[^1] - cuts[0];
            if (width > 512)
            {
                windows[v] = (low, -1, 0, top);
                continue;
            }

            windows[v] = (low, (int)width, tables.Count, top);
            for (var i = 0L; i < width; i++)
            {
                tables.Add((byte)Classes.Of(cuts, (int)(low + i)));
            }
        }

        var order = new Dictionary<int, int>();
        var reachable = new List<int>();
        Visit(root);

        var nodes = new DiagramNode[reachable.Count];
        var edges = new List<int>();
        for (var i = 0; i < reachable.Count; i++)
        {
            var old = reachable[i];
            var var = _var[old];
            var (low, length, table, top) = windows[var];
            nodes[i] = new DiagramNode((int)_facts[var], var, edges.Count, low, length, table, top);
            foreach (var kid in _kids[old])
            {
                edges.Add(kid >= 0 ? order[kid] : kid);
            }
        }

        return new DecisionDiagram(nodes, [.. edges], [.. tables], [.. _cuts], root >= 0 ? order[root] : root);

        void Visit(int node)
        {
            if (node < 0 || order.ContainsKey(node))
            {
                return;
            }

            order[node] = reachable.Count;
            reachable.Add(node);
            foreach (var kid in _kids[node])
            {
                Visit(kid);
            }
        }
    }

    /// <summary>Thrown inside a build that passes the budget; caught by <c>TryBuild</c>.</summary>
    private sealed class BudgetExceededException : Exception
    {
    }

    private sealed class ArrayComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
