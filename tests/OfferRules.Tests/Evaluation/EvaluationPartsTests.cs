using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

/// <summary>
/// <see cref="EvaluationOptions.Parts"/>: only the parts asked for are filled, and each part alone or combined is
/// exactly the matching slice of the full result; a result without explanation is <see cref="OfferEvaluator.Decide"/>'s.
/// </summary>
public sealed class EvaluationPartsTests
{
    private static readonly EvaluationParts[] s_single =
    [
        EvaluationParts.Findings, EvaluationParts.Conditions, EvaluationParts.MissingFacts, EvaluationParts.WhatWouldHelp,
        EvaluationParts.Actions, EvaluationParts.CallSlot, EvaluationParts.Drafts, EvaluationParts.Caveats,
        EvaluationParts.Fallbacks, EvaluationParts.PlannedTime,
    ];

    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Generated cases and the boundary cases, a few hundred of each so that every part and warning turns up.</summary>
    private static readonly OfferCase[] s_cases = [.. CaseGenerator.Generate(400, 1414), .. CaseGenerator.Boundaries().Where((_, i) => i % 10 == 0)];

    public static TheoryData<EvaluationParts> SingleParts() => [.. s_single];

    [Fact]
    public void Evaluate_TwoCasesWithTheSameFinding_ShareItWhenItsTextsHaveNoPlaceholder()
    {
        var evaluator = OfferEvaluator.Default;
        var texts = evaluator.RuleSet.Plan.Model.Policies.SelectMany(p => p.Rules).ToDictionary(r => r.Id, r => r.Fired.En.IsLiteral && r.Basis.En.IsLiteral);
        var first = evaluator.Evaluate(Cases.Good(daysAgo: 1), new EvaluationOptions { Language = "en" });
        var second = evaluator.Evaluate(Cases.Good(daysAgo: 2), new EvaluationOptions { Language = "en" });

        var pairs = first.Findings.Join(second.Findings, f => (f.RuleId, f.Changed), f => (f.RuleId, f.Changed), (a, b) => (a, b)).ToArray();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            Assert.Equal(pair.a, pair.b);
            Assert.Equal(texts[pair.a.RuleId], ReferenceEquals(pair.a, pair.b));
        });
    }

    [Fact]
    public void Evaluate_SharedConditions_AreTheSameInstancesAcrossLanguagesOnlyWithinOneLanguage()
    {
        var english = OfferEvaluator.Default.Evaluate(Cases.Good(), new EvaluationOptions { Language = "en" });
        var again = OfferEvaluator.Default.Evaluate(Cases.Good(), new EvaluationOptions { Language = "en" });
        var japanese = OfferEvaluator.Default.Evaluate(Cases.Good(), new EvaluationOptions { Language = "ja" });

        Assert.All(english.Conditions.Zip(again.Conditions), pair => Assert.Same(pair.First, pair.Second));
        Assert.All(english.Conditions.Zip(japanese.Conditions), pair => Assert.NotEqual(pair.First.Message, pair.Second.Message));
    }

    [Fact]
    public void Parts_Default_IsAll()
    {
        Assert.Equal(EvaluationParts.All, EvaluationOptions.Default.Parts);
        Assert.Equal(EvaluationParts.All, new EvaluationOptions().Parts);
        Assert.Equal(EvaluationParts.All, s_single.Aggregate(EvaluationParts.None, (all, p) => all | p));
    }

    [Fact]
    public void Parts_UndefinedBit_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions { Parts = (EvaluationParts)(1 << 20) });
        Assert.Equal("Parts", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(SingleParts))]
    public void Evaluate_OnePart_IsThatSliceOfTheFullResult(EvaluationParts part)
    {
        foreach (var language in new[] { "en", "ja" })
        {
            foreach (var @case in s_cases)
            {
                var full = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = language });
                var partial = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = language, Parts = part });

                Assert.Equal(Slice(full, part), Normal(partial));
            }
        }
    }

    [Fact]
    public void Evaluate_OnePart_LeavesEveryOtherPartEmpty()
    {
        var planned = new DateTimeOffset(2025, 7, 22, 10, 0, 0, TimeSpan.FromHours(9));
        OfferCase[] pool =
        [
            Cases.Good() with { Request = Cases.Good().Request with { PlannedContactAt = planned } },
            Cases.Good(daysAgo: 6) with { Company = new CompanyContext { SeatStatus = SeatStatus.Filled }, Request = Cases.Good().Request with { PlannedContactAt = planned } },
            .. s_cases,
        ];
        foreach (var part in s_single)
        {
            // A case whose full result has this part.
            var @case = pool.First(c => Filled(OfferEvaluator.Default.Evaluate(c), part));
            var full = OfferEvaluator.Default.Evaluate(@case);

            var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Parts = part });

            Assert.Equal(part, result.Parts);
            Assert.Equal((full.Outlook, full.Confidence), (result.Outlook, result.Confidence));
            Assert.All(s_single, p => Assert.Equal(p == part, Filled(result, p)));
        }
    }

    [Fact]
    public void Evaluate_FindingsAndConditions_IsThatSliceOfTheFullResult()
    {
        const EvaluationParts parts = EvaluationParts.Findings | EvaluationParts.Conditions;
        foreach (var @case in s_cases)
        {
            var full = OfferEvaluator.Default.Evaluate(@case);
            var partial = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Parts = parts });

            Assert.Equal(Slice(full, parts), Normal(partial));
            Assert.Equal(full.Findings.AsEnumerable(), partial.Findings);
            Assert.Equal(full.Conditions.AsEnumerable(), partial.Conditions);
            Assert.Equal(full.FailureReasons.AsEnumerable(), partial.FailureReasons);
        }
    }

    [Property(MaxTest = 300)]
    public bool Evaluate_AnyCombinationOfParts_IsThatSliceOfTheFullResult(int seed, ushort bits, bool japanese)
    {
        var parts = (EvaluationParts)bits & EvaluationParts.All;
        var @case = CaseGenerator.Next(new Random(seed));
        var language = japanese ? "ja" : "en";
        var full = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = language });
        var partial = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = language, Parts = parts });

        return Slice(full, parts) == Normal(partial)
            && partial.Parts == (partial.Status == EvaluationStatus.Evaluated ? parts : EvaluationParts.None);
    }

    [Fact]
    public void Evaluate_All_IsTheDefaultResultByteForByte()
    {
        foreach (var @case in s_cases)
        {
            Assert.Equal(
                EvaluationJson.ToJson(OfferEvaluator.Default.Evaluate(@case)),
                EvaluationJson.ToJson(OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Parts = EvaluationParts.All })));
        }
    }

    [Fact]
    public void Evaluate_ExplainFalse_EqualsDecideAndPartsNone()
    {
        foreach (var @case in s_cases)
        {
            var decision = OfferEvaluator.Default.Decide(@case);
            var unexplained = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Explain = false });
            var none = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Parts = EvaluationParts.None });

            Assert.Equal(decision, new Decision(unexplained.Status, unexplained.Outlook, unexplained.Confidence));
            Assert.Equal(EvaluationParts.None, unexplained.Parts);
            Assert.Equal(EvaluationJson.ToJson(unexplained), EvaluationJson.ToJson(none));
            Assert.Equal(Slice(OfferEvaluator.Default.Evaluate(@case), EvaluationParts.None), Normal(unexplained));
        }
    }

    [Fact]
    public void Evaluate_ExplainFalseWithoutAsOf_DecidesAtTheClockOnce()
    {
        var clock = new SteppingClock(new DateTimeOffset(2025, 7, 10, 23, 59, 59, TimeSpan.FromHours(9)), TimeSpan.FromSeconds(2));
        var evaluator = new OfferEvaluator(OfferRules.Rules.RuleSet.Default, clock);
        var @case = Cases.Good() with { AsOf = null };

        var result = evaluator.Evaluate(@case, new EvaluationOptions { Explain = false });

        Assert.Equal(new DateOnly(2025, 7, 10), result.AsOf);
        Assert.Equal(1, clock.Reads);
        var expected = OfferEvaluator.Default.Decide(@case with { AsOf = new DateTimeOffset(2025, 7, 10, 23, 59, 59, TimeSpan.FromHours(9)) });
        Assert.Equal(expected, new Decision(result.Status, result.Outlook, result.Confidence));
    }

    [Fact]
    public void Evaluate_InvalidCaseWithParts_HasNoParts()
    {
        var @case = Cases.Good() with { Decline = Cases.Good().Decline with { DeclinedOn = new DateOnly(2030, 1, 1) } };

        var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Parts = EvaluationParts.Findings });

        Assert.Equal(EvaluationStatus.Invalid, result.Status);
        Assert.Equal(EvaluationParts.None, result.Parts);
    }

    /// <summary>The full result with every part not asked for emptied, as the JSON of a partial result writes it.</summary>
    internal static string Slice(EvaluationResult full, EvaluationParts parts)
    {
        var node = JsonNode.Parse(EvaluationJson.ToJson(full))!.AsObject();
        if (full.Status != EvaluationStatus.Evaluated)
        {
            return node.ToJsonString(s_json);
        }

        void Empty(EvaluationParts part, params string[] keys)
        {
            if ((parts & part) == 0)
            {
                foreach (var key in keys)
                {
                    node[key] = new JsonArray();
                }
            }
        }

        void Null(EvaluationParts part, string key)
        {
            if ((parts & part) == 0)
            {
                node[key] = null;
            }
        }

        Empty(EvaluationParts.Findings, "findings");
        Empty(EvaluationParts.Conditions, "conditions", "failureReasons");
        Empty(EvaluationParts.MissingFacts, "missingFacts");
        Empty(EvaluationParts.WhatWouldHelp, "whatWouldHelp");
        Null(EvaluationParts.CallSlot, "callWindow");
        Null(EvaluationParts.PlannedTime, "atPlannedTime");
        Empty(EvaluationParts.Actions, "actions");
        Empty(EvaluationParts.Drafts, "drafts");
        Empty(EvaluationParts.Caveats, "caveats");
        Empty(EvaluationParts.Fallbacks, "fallbacks");

        // The warnings that belong to a part come with it: the call time's with the call slot, the planned time's with it.
        string[] callCodes = ["W-07", "W-10", "M-W1", "M-W5"];
        string[] plannedCodes = ["W-08", "M-W3"];
        var issues = node["issues"]!.AsArray();
        for (var i = issues.Count - 1; i >= 0; i--)
        {
            var code = issues[i]!["code"]!.GetValue<string>();
            if (((parts & EvaluationParts.CallSlot) == 0 && callCodes.Contains(code)) || ((parts & EvaluationParts.PlannedTime) == 0 && plannedCodes.Contains(code)))
            {
                issues.RemoveAt(i);
            }
        }

        return node.ToJsonString(s_json);
    }

    private static string Normal(EvaluationResult result) => JsonNode.Parse(EvaluationJson.ToJson(result))!.ToJsonString(s_json);

    private static bool Filled(EvaluationResult result, EvaluationParts part) => part switch
    {
        EvaluationParts.Findings => !result.Findings.IsEmpty,
        EvaluationParts.Conditions => !result.Conditions.IsEmpty || !result.FailureReasons.IsEmpty,
        EvaluationParts.MissingFacts => !result.MissingFacts.IsEmpty,
        EvaluationParts.WhatWouldHelp => !result.WhatWouldHelp.IsEmpty,
        EvaluationParts.Actions => !result.Actions.IsEmpty,
        EvaluationParts.CallSlot => result.CallWindow is not null,
        EvaluationParts.Drafts => !result.Drafts.IsEmpty,
        EvaluationParts.Caveats => !result.Caveats.IsEmpty,
        EvaluationParts.Fallbacks => !result.Fallbacks.IsEmpty,
        EvaluationParts.PlannedTime => result.AtPlannedTime is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    private sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public int Reads { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Reads++;
            var now = _now;
            _now += step;
            return now.ToUniversalTime();
        }
    }
}
