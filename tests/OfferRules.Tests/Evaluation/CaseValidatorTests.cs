using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

public sealed class CaseValidatorTests
{
    private static readonly DateOnly s_today = DateOnly.FromDateTime(Cases.AsOf.DateTime);

    public static TheoryData<string, string, Func<OfferCase>> ErrorCases() => new()
    {
        { "V-01", "$.decline.declinedOn", () => Cases.Minimal(3) with { Offer = new Offer { OfferedOn = s_today.AddDays(-1) } } },
        { "V-02", "$.decline.declinedOn", () => Cases.Minimal(-2) },
        { "V-03", "$.offer.startsOn", () => Cases.Minimal() with { Offer = new Offer { OfferedOn = s_today.AddDays(-10), StartsOn = s_today.AddDays(-20) } } },
        { "V-04", "$.decline.channel", () => Cases.Minimal() with { Decline = Cases.Minimal().Decline with { Channel = DeclineChannel.NoContact, ExpressedThanks = true } } },
        { "V-06", "$.missedContact.firstMissedCallOn", () => new OfferCase { Kind = CaseKind.MissedEmployerContact, AsOf = Cases.AsOf, MissedContact = new MissedContact { InterviewedOn = s_today.AddDays(-2), FirstMissedCallOn = s_today.AddDays(-3) } } },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Evaluate_ContradictoryFacts_IsInvalidWithCodeAndPath(string code, string path, Func<OfferCase> build)
    {
        var result = OfferEvaluator.Default.Evaluate(build());

        Assert.Equal(EvaluationStatus.Invalid, result.Status);
        Assert.Null(result.Outlook);
        Assert.Contains(result.Issues, i => i.Code == code && i.Path == path && i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void Evaluate_FutureDeclineWithPriorRequest_AlsoReportsV05()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Minimal(-2) with { Request = new WithdrawalRequest { PriorRequestOutcome = PriorRequestOutcome.Refused } });

        Assert.Equal(["V-02", "V-05"], result.Issues.Select(i => i.Code));
    }

    public static TheoryData<string, string, Func<OfferCase>> WarningCases() => new()
    {
        { "W-01", "$.decline.evidenceAvailable", () => Cases.Good() with { Decline = Cases.Good().Decline with { EvidenceAvailable = true, OriginalReason = DeclineReason.AcceptedOtherOffer } } },
        { "W-02", "$.offer.stageAtDecline", () => Cases.Good() with { Offer = new Offer { Track = HiringTrack.NewGraduate, StageAtDecline = OfferStage.AfterOfferCeremony, StartsOn = new DateOnly(2026, 4, 1) } } },
        { "W-02", "$.offer.stageAtDecline", () => Cases.Good() with { Offer = new Offer { Track = HiringTrack.PartTime, StageAtDecline = OfferStage.AfterOfferCeremony } } },
        { "W-03", "$.company.seatOfferedToOther", () => Cases.Good() with { Company = new CompanyContext { SeatStatus = SeatStatus.Filled, SeatOfferedToOther = false } } },
        { "W-04", "$.offer.startsOn", () => Cases.Good() with { Offer = new Offer { StartsOn = s_today.AddDays(13) } } },
        { "W-05", "$.request.plannedChannel", () => Cases.Good() with { Request = new WithdrawalRequest { PlannedChannel = PlannedChannel.LetterOnly } } },
        { "W-06", "$.decline.circumstanceChanged", () => Cases.Good() with { Decline = Cases.Good().Decline with { CircumstanceChanged = true, OriginalReason = DeclineReason.FitOrConditions } } },
        { "M-W2", "$.missedContact.plannedChannel", () => new OfferCase { Kind = CaseKind.MissedEmployerContact, AsOf = Cases.AsOf, MissedContact = new MissedContact { PlannedChannel = MissedContactChannel.EmailOnly } } },
    };

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void Evaluate_SuspiciousFacts_WarnsAndStillEvaluates(string code, string path, Func<OfferCase> build)
    {
        var result = OfferEvaluator.Default.Evaluate(build());

        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
        Assert.NotNull(result.Outlook);
        var issue = Assert.Single(result.Issues, i => i.Code == code);
        Assert.Equal((path, IssueSeverity.Warning), (issue.Path, issue.Severity));
    }

    [Fact]
    public void Evaluate_CleanCase_HasNoIssues()
    {
        Assert.Empty(OfferEvaluator.Default.Evaluate(Cases.Good()).Issues);
    }

    [Fact]
    public void Evaluate_Warnings_InJapanese()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Good() with { Request = new WithdrawalRequest { PlannedChannel = PlannedChannel.EmailOnly } }, new EvaluationOptions { Language = "ja" });

        Assert.Equal("書面だけで申し出るのは避けましょう。まず担当者に電話（または訪問）し、その後に書面で補いましょう。", Assert.Single(result.Issues).Message);
    }
}
