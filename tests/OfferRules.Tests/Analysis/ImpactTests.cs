using System.Text;
using FsCheck.Xunit;
using OfferRules.Analysis;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.Properties;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Analysis;

/// <summary>Impact analysis of a rule change over a stream of cases.</summary>
public sealed class ImpactTests
{
    private static readonly FixedTimeProvider s_clock = new(Cases.AsOf);

    /// <summary>The default policy with the one-week line (timingBands.withinWeekMaxDays) moved from 7 days to 5.</summary>
    private static RuleSet FiveDays()
    {
        var json = RuleSetJson.DefaultPolicyJson;
        Assert.Equal(2, json.Split("\"withinWeekMaxDays\": 7").Length); // exactly once
        return RuleSetJson.Load(json.Replace("\"withinWeekMaxDays\": 7", "\"withinWeekMaxDays\": 5", StringComparison.Ordinal)).GetValueOrThrow();
    }

    /// <summary>
    /// Decline cases 0 to 40 days after the decline in four situations (a clean decline with the seat open, the same
    /// with the seat unknown, with an unavoidable documented reason, and a missed-call case whose day count the timing
    /// bands do not touch), each on its own line. None of the situations is already pinned at the top or bottom of the
    /// scale by a cap or the clamp, so a move of the one-week line shows in the outlook.
    /// </summary>
    private static List<(OfferCase Case, int? DaysSinceDecline)> Corpus()
    {
        var today = DateOnly.FromDateTime(Cases.AsOf.DateTime);
        var corpus = new List<(OfferCase, int?)>();
        for (var days = 0; days <= 40; days++)
        {
            var good = Cases.Good(days);
            corpus.Add((good, days));
            corpus.Add((good with { Company = new CompanyContext { SeatStatus = SeatStatus.Unknown } }, days));
            corpus.Add((good with
            {
                Decline = good.Decline with { OriginalReason = DeclineReason.FamilyEmergency, EvidenceAvailable = true, CircumstanceChanged = true },
                Request = new WithdrawalRequest { ChangeOfMindReason = ChangeOfMindReason.UnavoidableCircumstanceResolved },
            }, days));
            corpus.Add((new OfferCase
            {
                Kind = CaseKind.MissedEmployerContact,
                AsOf = Cases.AsOf,
                MissedContact = new MissedContact { InterviewedOn = today.AddDays(-days), HasBackupContact = true },
            }, null));
        }

        return corpus;
    }

    private static MemoryStream Lines(IEnumerable<OfferCase> cases) =>
        new(Encoding.UTF8.GetBytes(string.Concat(cases.Select(c => CaseJson.ToJson(c) + "\n"))));

    [Fact]
    public void Diff_OneWeekLineMovedToFiveDays_ChangesExactlyTheCasesSixAndSevenDaysAfterTheDecline()
    {
        var corpus = Corpus();

        var report = RuleSetAnalysis.Diff(RuleSet.Default, FiveDays(), Lines(corpus.Select(c => c.Case)), new ImpactOptions { MaxExamples = 1000, TimeProvider = s_clock });

        var expected = corpus.Select((c, i) => (c.DaysSinceDecline, Line: (long)i + 1)).Where(c => c.DaysSinceDecline is 6 or 7).Select(c => c.Line).ToHashSet();
        var changed = report.Transitions.SelectMany(t => t.Examples).Select(e => e.LineNumber).ToHashSet();
        Assert.Equal(corpus.Count, report.Cases);
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, changed);
        Assert.Equal(expected.Count, report.Changed);
        Assert.All(report.Transitions.SelectMany(t => t.Examples), e =>
        {
            Assert.True(e.New.Outlook < e.Old.Outlook);
            Assert.Contains("R-X1", e.Rules);
        });
        Assert.Equal(new RuleChangeCount("R-X1", 6), report.Rules.Single(r => r.RuleId == "R-X1"));
    }

    [Fact]
    public void Diff_TransitionTable_CountsEveryCaseOnceWithTheResponsibleRules()
    {
        var corpus = Corpus();

        var report = RuleSetAnalysis.Diff(RuleSet.Default, FiveDays(), corpus.Select(c => c.Case), new ImpactOptions { TimeProvider = s_clock });

        Assert.Equal(report.Cases, report.Transitions.Sum(t => t.Count));
        Assert.Equal(report.Cases, report.ConfidenceTransitions.Sum(t => t.Count));
        Assert.Equal(report.Changed, report.Transitions.Sum(t => t.Changed));
        var likelyToPossible = report.Transitions.Single(t => t.CaseKind == CaseKind.DeclineWithdrawal && t.From == Outlook.Likely && t.To == Outlook.Possible);
        Assert.Equal(4, likelyToPossible.Count);
        Assert.Contains(likelyToPossible.Rules, r => r.RuleId == "R-X1" && r.Count == 4);
        Assert.Contains(likelyToPossible.Rules, r => r.RuleId == "R-H3" && r.Count == 2);
        Assert.True(report.Transitions[0].Changed > 0);
        Assert.All(report.Transitions.Where(t => t.From == t.To), t => Assert.Equal(0, t.Changed));
        Assert.Equal(report.Cases - report.Changed, report.Unchanged);
    }

    [Fact]
    public void Diff_SameRuleSet_ChangesNothing()
    {
        var report = RuleSetAnalysis.Diff(RuleSet.Default, RuleSet.Default, Corpus().Select(c => c.Case), new ImpactOptions { TimeProvider = s_clock });

        Assert.Equal(0, report.Changed);
        Assert.Empty(report.Rules);
        Assert.All(report.Transitions, t => Assert.Equal(t.From, t.To));
        Assert.All(report.ConfidenceTransitions, t => Assert.Equal(t.From, t.To));
    }

    [Fact]
    public void Diff_Examples_AreTheFirstMetAndAtMostN()
    {
        var corpus = Corpus();
        var lines = corpus.Select(c => CaseJson.ToJson(c.Case)).ToList();

        var report = RuleSetAnalysis.Diff(RuleSet.Default, FiveDays(), new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", lines))), new ImpactOptions { MaxExamples = 1, TimeProvider = s_clock });

        Assert.All(report.Transitions, t => Assert.True(t.Examples.Length <= 1));
        var example = report.Transitions.SelectMany(t => t.Examples).MinBy(e => e.LineNumber)!;
        Assert.Equal(lines[(int)example.LineNumber - 1], example.Text);
        Assert.Equal(corpus.FindIndex(c => c.DaysSinceDecline is 6 or 7) + 1, example.LineNumber);
    }

    [Fact]
    public void Diff_UnreadableLinesAndAMissingPolicy_AreReported()
    {
        var declineOnly = RuleSetJson.Load(RuleSets.With($"[{RuleSets.Rule("B", """{ "all": [] }""", stage: "base", effect: """{ "outlook": "unlikely" }""")}]")).GetValueOrThrow();
        var missed = new OfferCase { Kind = CaseKind.MissedEmployerContact, AsOf = Cases.AsOf };
        var text = "{ oops\n" + CaseJson.ToJson(missed) + "\n";

        var report = RuleSetAnalysis.Diff(RuleSet.Default, declineOnly, new MemoryStream(Encoding.UTF8.GetBytes(text)), new ImpactOptions { TimeProvider = s_clock });

        Assert.Equal((1L, 1L, 1L), (report.UnreadableLines, report.Cases, report.Changed));
        var transition = Assert.Single(report.Transitions);
        Assert.Equal((CaseKind.MissedEmployerContact, (Outlook?)null), (transition.CaseKind, transition.To));
        Assert.Equal(EvaluationStatus.Invalid, transition.Examples.Single().New.Status);
        Assert.Equal(2, transition.Examples.Single().LineNumber);
    }

    [Fact]
    public void ImpactReport_ToJson_HasTheDocumentedShape()
    {
        var report = RuleSetAnalysis.Diff(RuleSet.Default, FiveDays(), Corpus().Select(c => c.Case), new ImpactOptions { MaxExamples = 1, TimeProvider = s_clock });

        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal((report.Cases, report.Changed), (root.GetProperty("cases").GetInt64(), root.GetProperty("changed").GetInt64()));
        Assert.Equal(RuleSet.Default.ContentHash, root.GetProperty("oldRuleSet").GetProperty("hash").GetString());
        var first = root.GetProperty("transitions")[0];
        Assert.Equal("declineWithdrawal", first.GetProperty("caseKind").GetString());
        var example = first.GetProperty("examples")[0];
        Assert.Contains("R-X1", example.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.NotNull(example.GetProperty("old").GetProperty("outlook").GetString());
        Assert.True(root.GetProperty("confidence").GetArrayLength() > 0);
        Assert.Equal("R-X1", root.GetProperty("rules")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void ImpactOptions_MaxExamplesOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImpactOptions { MaxExamples = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImpactOptions { MaxExamples = 1001 });
    }

    /// <summary>The rule effects the diff compares are the findings the evaluator explains: same rules fired, same "changed" flags.</summary>
    [Property(MaxTest = 300)]
    public bool RuleEffects_MatchTheFindings(int seed)
    {
        var random = new Random(seed);
        var ruleSet = random.Next(3) == 0 ? RuleSet.Default : RuleSetJson.Load(RuleSetProperties.RandomRuleSet(random)).GetValueOrThrow();
        var evaluator = new OfferEvaluator(ruleSet, s_clock);
        for (var i = 0; i < 10; i++)
        {
            var @case = EvaluationProperties.RandomCase(random);
            var result = evaluator.Evaluate(@case);
            var policy = ruleSet.Plan.Find(@case.Kind);
            if (result.Status != EvaluationStatus.Evaluated || policy is null)
            {
                continue;
            }

            var facts = new int[FactCatalog.Count];
            FactCatalog.Fill(@case, evaluator.GetAsOfDate(@case), facts);
            PlanRunner.Derive(ruleSet.Plan, facts);
            var truths = new Truth[policy.Rules.Length];
            var context = new PlanContext(facts, new byte[policy.Named.Length], policy.Named);
            var (_, terminal) = PlanRunner.Decide(policy, ref context, truths);
            var effects = new byte[policy.Rules.Length];
            RuleEffects.Compute(policy, truths, terminal, effects);
            var fromEffects = policy.Rules.Select((r, j) => (r.Model.Id, effects[j])).Where(e => e.Item2 != RuleEffects.NotFired)
                .Select(e => (e.Id, e.Item2 == RuleEffects.Changed)).ToHashSet();
            var fromFindings = result.Findings.Select(f => (f.RuleId, f.Changed)).ToHashSet();
            if (!fromEffects.SetEquals(fromFindings))
            {
                return false;
            }
        }

        return true;
    }
}
