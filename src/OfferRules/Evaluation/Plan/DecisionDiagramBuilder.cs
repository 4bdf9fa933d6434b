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

    private readonly RuleSetPlan _plan;
    private readonly PolicyPlan _policy;
    private readonly List<int> _var = [];
    private readonly List<int[]> _kids = [];
    private readonly Dictionary<NodeKey, int> _unique = [];
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
            decision = Apply(decision, operands[i], (l0, l1) => Intern(Step(states[l0], rule, (Truth)l1)));
        }

        // The confidence level that holds first, plus one; 0 while none has (leaves are never negative).
        var confidence = Terminal(0);
        for (var i = 0; i < confidences; i++)
        {
            var level = (int)_policy.ConfidenceLevels[i] + 1;
            confidence = Apply(confidence, operands[decidingRules + i], (l0, l1) => l0 > 0 || l1 != (int)Truth.True ? l0 : level);
        }

        var otherwise = (int)_policy.ConfidenceOtherwise;
        var root = Apply(decision, confidence, (l0, l1) =>
            DecisionDiagram.Leaf(Final(states[l0]), (Confidence)(l1 > 0 ? l1 - 1 : otherwise)));

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
                            result = Apply(result, child, static (l0, l1) => Math.Min(l0, l1));
                        }

                        return result;
                    }

                    case OpCode.Any:
                    {
                        var result = Terminal((int)Truth.False);
                        foreach (var child in children)
                        {
                            result = Apply(result, child, static (l0, l1) => Math.Max(l0, l1));
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
                            counts = Apply(counts, child, (l0, l1) =>
                                l0 + (l1 == (int)Truth.True ? width : l1 == (int)Truth.Unknown ? 1 : 0));
                        }

                        return Map(counts, l0 =>
                        {
                            int trues = l0 / width, unknowns = l0 % width;
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

                return ins.Op == OpCode.Ref ? named : Map(named, static l0 => 2 - l0);
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
            return Map(Conduct(), l0 => (int)PlanProgram.Compare(in copy, codes[l0], lists));
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
            first = Apply(first, Condition(program, roots[i]), (l0, l1) => l0 > 0 || l1 != (int)Truth.True ? l0 : index);
        }

        _conduct = Map(first, l0 => l0 > 0 ? l0 - 1 : roots.Length);
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

        var key = new NodeKey(var, kids);
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
    /// Gets the diagram of <paramref name="leaf"/> applied to the leaves of two diagrams: Shannon expansion on the first
    /// variable either reads, with a memo of the pairs already combined.
    /// </summary>
    private int Apply(int a, int b, Func<int, int, int> leaf)
    {
        var memo = new Dictionary<long, int>();
        return Go(a, b);

        int Go(int a, int b)
        {
            // Pairs of leaves are memoized too: the leaf function may be costly (a decision step and its interning).
            var key = unchecked(((long)a << 32) | (uint)b);
            if (memo.TryGetValue(key, out var done))
            {
                return done;
            }

            if (a < 0 && b < 0)
            {
                done = Terminal(leaf(~a, ~b));
                memo[key] = done;
                return done;
            }

            Spend();
            var varA = a >= 0 ? _var[a] : int.MaxValue;
            var varB = b >= 0 ? _var[b] : int.MaxValue;
            var top = Math.Min(varA, varB);
            var kidsA = varA == top ? _kids[a] : null;
            var kidsB = varB == top ? _kids[b] : null;
            var kids = new int[_representatives[top].Length];
            for (var k = 0; k < kids.Length; k++)
            {
                kids[k] = Go(kidsA is null ? a : kidsA[k], kidsB is null ? b : kidsB[k]);
            }

            var result = Make(top, kids);
            memo[key] = result;
            return result;
        }
    }

    /// <summary>Gets the diagram of <paramref name="leaf"/> applied to the leaves of a diagram.</summary>
    private int Map(int a, Func<int, int> leaf)
    {
        var memo = new Dictionary<int, int>();
        return Go(a);

        int Go(int a)
        {
            if (a < 0)
            {
                return Terminal(leaf(~a));
            }

            if (memo.TryGetValue(a, out var done))
            {
                return done;
            }

            Spend();
            var kidsA = _kids[a];
            var kids = new int[kidsA.Length];
            for (var k = 0; k < kids.Length; k++)
            {
                kids[k] = Go(kidsA[k]);
            }

            var result = Make(_var[a], kids);
            memo[a] = result;
            return result;
        }
    }

    private void Spend()
    {
        if (++_steps > _maxSteps)
        {
            throw new BudgetExceededException();
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

        return new DecisionDiagram(nodes, [.. edges], [.. tables], [.. _cuts], root >= 0 ? order[root] : root, _steps);

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

    /// <summary>A node's variable and children, the key of the unique table.</summary>
    private readonly struct NodeKey(int var, int[] kids) : IEquatable<NodeKey>
    {
        private readonly int _var = var;
        private readonly int[] _kids = kids;

        public bool Equals(NodeKey other) => _var == other._var && _kids.AsSpan().SequenceEqual(other._kids);

        public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_var);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_kids.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
