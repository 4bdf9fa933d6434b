using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

/// <summary>Each rule of the default policy in isolation: one fact changed from a simple case, and the rule that answers for it.</summary>
public sealed class DefaultPolicyTests
{
    private static readonly OfferEvaluator s_evaluator = new(RuleSet.Default);
    private static readonly DateOnly s_today = DateOnly.FromDateTime(Cases.AsOf.DateTime);

    public static TheoryData<string, Func<OfferCase>, Outlook> RuleCases() => new()
    {
        { "R-T1", () => Cases.Good() with { Request = new WithdrawalRequest { PriorRequestOutcome = PriorRequestOutcome.Refused } }, Outlook.VeryUnlikely },
        { "R-T2", () => Cases.Good() with { Offer = new Offer { StartsOn = s_today } }, Outlook.VeryUnlikely },
        { "R-T3", () => Cases.Minimal(20) with { Request = new WithdrawalRequest { PriorRequestOutcome = PriorRequestOutcome.ReselectionOffered } }, Outlook.Possible },
        { "R-L1", () => Cases.Minimal(20) with { Company = new CompanyContext { UnfairPressureOrRescission = true }, Decline = Cases.Minimal(20).Decline with { EvidenceAvailable = true } }, Outlook.Likely },
        { "R-L1b", () => Cases.Minimal(20) with { Decline = Cases.Minimal(20).Decline with { OriginalReason = DeclineReason.PressuredByCompany } }, Outlook.Possible },
        { "R-B0", () => Cases.Minimal(), Outlook.Unlikely },
        { "R-H1", () => Cases.Minimal() with { Company = new CompanyContext { SeatStatus = SeatStatus.Open } }, Outlook.Possible },
        { "R-H2", () => Cases.Minimal() with { Offer = new Offer { Evaluation = CandidateEvaluation.High } }, Outlook.Possible },
        { "R-H3", () => Cases.Minimal() with { Decline = Cases.Minimal().Decline with { OriginalReason = DeclineReason.Health, EvidenceAvailable = true, CircumstanceChanged = true } }, Outlook.Possible },
        { "R-H4", () => Cases.Good() with { Company = CompanyContext.Unknown }, Outlook.Possible },
        { "R-H5", () => Cases.Minimal() with { Company = new CompanyContext { HiringNeedTrend = HiringNeedTrend.Increased } }, Outlook.Possible },
        { "R-X1", () => Cases.Good(8), Outlook.Possible },
        { "R-X2", () => Cases.Good() with { Request = new WithdrawalRequest { ChangeOfMindReason = ChangeOfMindReason.NoClearReason } }, Outlook.Possible },
        { "R-X3", () => Cases.Minimal() with { Decline = Cases.Minimal().Decline with { Channel = DeclineChannel.ProxyService } }, Outlook.VeryUnlikely },
        { "R-X4", () => Cases.Good() with { Company = new CompanyContext { SeatStatus = SeatStatus.Open, SeatOfferedToOther = true } }, Outlook.Possible },
        { "R-X5", () => Cases.Good() with { Company = new CompanyContext { SeatStatus = SeatStatus.Open, HiringNeedTrend = HiringNeedTrend.Decreased } }, Outlook.Possible },
        { "R-C1", () => Cases.Good() with { Company = new CompanyContext { SeatStatus = SeatStatus.Filled } }, Outlook.VeryUnlikely },
        { "R-C2", () => Cases.Good() with { Company = new CompanyContext { SeatStatus = SeatStatus.Open, PolicyForbidsReinstatement = true } }, Outlook.VeryUnlikely },
        { "R-C3", () => Cases.Good() with { Decline = Cases.Good().Decline with { Tone = DeclineTone.Rude } }, Outlook.VeryUnlikely },
        { "R-C4", () => Cases.Good() with { Decline = Cases.Good().Decline with { PreviouslyReversed = true } }, Outlook.VeryUnlikely },
        { "R-C5", () => Cases.Good() with { Company = CompanyContext.Unknown, Offer = new Offer { Evaluation = CandidateEvaluation.High } }, Outlook.Possible },
        { "R-C6", () => Cases.Good(8) with { Company = CompanyContext.Unknown, Offer = new Offer { Evaluation = CandidateEvaluation.High } }, Outlook.Unlikely },
        { "R-C7", () => Cases.Good(31), Outlook.Unlikely },
        { "R-C7b", () => Cases.Good(31) with { Company = CompanyContext.Unknown }, Outlook.VeryUnlikely },
        { "R-C8", () => Cases.Good() with { Decline = Cases.Good().Decline with { DeclinedOn = null }, Offer = new Offer { Evaluation = CandidateEvaluation.High } }, Outlook.Possible },
        { "I-01", () => Cases.Good() with { Offer = new Offer { StageAtDecline = OfferStage.Accepted } }, Outlook.Likely },
        { "I-02", () => Cases.Good() with { Request = new WithdrawalRequest { ChangeOfMindReason = ChangeOfMindReason.OtherOfferFellThrough } }, Outlook.Likely },
        { "I-03", () => Cases.Good() with { Offer = new Offer { ViaRecruitmentAgent = true } }, Outlook.Likely },
        { "I-04", () => Cases.Good() with { Request = new WithdrawalRequest { PlannedChannel = PlannedChannel.EmailOnly } }, Outlook.Likely },
        { "I-05", () => Cases.Good(), Outlook.Likely },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Evaluate_FactThatTriggersRule_FiresItAndGivesOutlook(string ruleId, Func<OfferCase> build, Outlook expected)
    {
        var result = s_evaluator.Evaluate(build());

        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
        Assert.Contains(result.Findings, f => f.RuleId == ruleId);
        Assert.Equal(expected, result.Outlook);
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Fact]
    public void Evaluate_RuleCases_CoverEveryRuleOfTheDeclinePolicy()
    {
        var covered = RuleCases().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(RuleSet.Default.GetRuleIds(CaseKind.DeclineWithdrawal).ToHashSet(), covered);
    }

    [Fact]
    public void Evaluate_CapBelowScore_IsMarkedChanged()
    {
        var result = s_evaluator.Evaluate(Cases.Good() with { Company = CompanyContext.Unknown, Offer = new Offer { Evaluation = CandidateEvaluation.High } });

        var cap = Assert.Single(result.Findings, f => f.RuleId == "R-C5");
        Assert.True(cap.Changed);
        Assert.Equal(Outlook.Possible, cap.Outlook);
    }

    [Fact]
    public void Evaluate_CapAboveScore_IsListedButNotChanged()
    {
        var result = s_evaluator.Evaluate(Cases.Minimal());

        var cap = Assert.Single(result.Findings, f => f.RuleId == "R-C5");
        Assert.False(cap.Changed);
    }

    [Fact]
    public void Evaluate_TerminalRule_StopsBeforeScoring()
    {
        var result = s_evaluator.Evaluate(Cases.Good() with { Request = new WithdrawalRequest { PriorRequestOutcome = PriorRequestOutcome.Refused } });

        Assert.Equal("R-T1", result.Findings[0].RuleId);
        Assert.DoesNotContain(result.Findings, f => f.Stage is RuleStage.Base or RuleStage.Adjust or RuleStage.Cap);
    }

    [Fact]
    public void Evaluate_AnyCase_ReportsTheFiveConditionsAndThreeFailureReasonsByName()
    {
        var result = s_evaluator.Evaluate(Cases.Minimal());

        Assert.Equal(["basicallyNotPossible", "seatsStillOpen", "neededTalent", "unavoidableReason", "goodConduct"], result.Conditions.Select(c => c.Id));
        Assert.Equal(["fairnessToOtherCandidates", "seatsAlreadyFilled", "internalControls"], result.FailureReasons.Select(c => c.Id));
    }

    [Fact]
    public void Evaluate_SeatUnknown_ListsSeatStatusFirstWithTheOutlookItWouldGive()
    {
        var result = s_evaluator.Evaluate(Cases.Good() with { Company = CompanyContext.Unknown });

        var first = result.MissingFacts[0];
        Assert.Equal("company.seatStatus", first.Fact);
        Assert.Equal(Outlook.Likely, first.CouldRaiseTo);
        Assert.Equal(Outlook.VeryUnlikely, first.CouldLowerTo);
        Assert.Equal("Knowing whether the seat is still open could raise the outlook to likely or lower it to very unlikely.", first.Message);
    }

    [Fact]
    public void Evaluate_Japanese_SpeaksJapanese()
    {
        var result = s_evaluator.Evaluate(Cases.Good(8), new EvaluationOptions { Language = "ja-JP" });

        Assert.Equal("辞退から8日が経っており、1週間を過ぎています。企業はすでに次へ進んでいる可能性が高いです。", result.Findings.Single(f => f.RuleId == "R-X1").Message);
    }

    [Fact]
    public void Evaluate_LanguageWithoutTexts_FallsBackToEnglish()
    {
        var result = s_evaluator.Evaluate(Cases.Good(8), new EvaluationOptions { Language = "fr-FR" });

        Assert.StartsWith("You declined 8 days ago", result.Findings.Single(f => f.RuleId == "R-X1").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoAsOf_UsesTodayInJapanFromTheTimeProvider()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2025, 7, 10, 16, 0, 0, TimeSpan.Zero)); // 01:00 on 11 July in Japan
        var evaluator = new OfferEvaluator(RuleSet.Default, clock);

        var result = evaluator.Evaluate(Cases.Good() with { AsOf = null });

        Assert.Equal(new DateOnly(2025, 7, 11), result.AsOf);
    }

    [Fact]
    public void Decide_AnyCase_AgreesWithEvaluate()
    {
        foreach (var build in RuleCases().Select(row => (Func<OfferCase>)row[1]))
        {
            var @case = build();
            var decision = s_evaluator.Decide(@case);
            var result = s_evaluator.Evaluate(@case);
            Assert.Equal((result.Status, result.Outlook, result.Confidence), (decision.Status, decision.Outlook, decision.Confidence));
        }
    }

    [Fact]
    public void Decide_InvalidCase_IsInvalidWithoutOutlook()
    {
        var @case = Cases.Good() with { Offer = new Offer { OfferedOn = s_today } , Decline = Cases.Good().Decline with { DeclinedOn = s_today.AddDays(-3) } };

        Assert.Equal(new Decision(EvaluationStatus.Invalid, null, null), s_evaluator.Decide(@case));
    }

    [Fact]
    public void Evaluate_SameCaseTwice_GivesEqualJson()
    {
        var first = OfferRules.Serialization.EvaluationJson.ToJson(s_evaluator.Evaluate(Cases.Minimal()));
        var second = OfferRules.Serialization.EvaluationJson.ToJson(s_evaluator.Evaluate(Cases.Minimal()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Evaluate_ExplainFalse_LeavesExplanationsEmpty()
    {
        var result = s_evaluator.Evaluate(Cases.Good(), new EvaluationOptions { Explain = false });

        Assert.Equal(Outlook.Likely, result.Outlook);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Conditions);
        Assert.Empty(result.MissingFacts);
    }
}
