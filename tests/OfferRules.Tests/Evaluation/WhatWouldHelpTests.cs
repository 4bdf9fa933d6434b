using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

public sealed class WhatWouldHelpTests
{
    [Fact]
    public void Evaluate_SeatUnknown_SuggestsFindingOutItIsOpen()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Good() with { Company = CompanyContext.Unknown, Offer = new Offer { Evaluation = CandidateEvaluation.High } });

        var first = result.WhatWouldHelp[0];
        Assert.Equal(("company.seatStatus", "open", Outlook.Likely, SuggestionKind.FindOut), (first.Fact, first.Value, first.Outlook, first.Kind));
        Assert.Equal("If it turns out that the seat is still open, the outlook becomes likely.", first.Message);
    }

    [Fact]
    public void Evaluate_UnavoidableReasonWithoutDocuments_SuggestsGatheringThem()
    {
        var @case = Cases.Good() with
        {
            Decline = Cases.Good().Decline with { OriginalReason = DeclineReason.FamilyEmergency, CircumstanceChanged = true, EvidenceAvailable = false },
            Company = new CompanyContext { SeatStatus = SeatStatus.Open, SeatOfferedToOther = true },
        };

        var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = "ja" });

        var act = Assert.Single(result.WhatWouldHelp, s => s.Kind == SuggestionKind.Act);
        Assert.Equal(("decline.evidenceAvailable", "true", Outlook.Likely), (act.Fact, act.Value, act.Outlook));
        Assert.Equal("診断書や関係者の書面など、理由を裏付ける書類をそろえれば、見通しは「見込みあり」になります。", act.Message);
    }

    [Fact]
    public void Evaluate_KnownPastFacts_AreNeverSuggested()
    {
        var @case = Cases.Good() with { Decline = Cases.Good().Decline with { Channel = DeclineChannel.Email, Promptness = Promptness.Delayed } };

        var result = OfferEvaluator.Default.Evaluate(@case);

        Assert.DoesNotContain(result.WhatWouldHelp, s => s.Fact is "decline.channel" or "decline.promptness" or "decline.tone" or "decline.declinedOn");
    }

    [Fact]
    public void Evaluate_PressureAndEarlierAnswers_AreNotSuggested()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Minimal());

        Assert.DoesNotContain(result.WhatWouldHelp, s => s.Fact is "company.unfairPressureOrRescission" or "request.priorRequestOutcome" || s.Value == "pressuredByCompany");
        Assert.Contains(result.MissingFacts, m => m.Fact == "company.unfairPressureOrRescission");
    }

    [Fact]
    public void Evaluate_Suggestions_AreOrderedByGain()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Minimal());

        var gains = result.WhatWouldHelp.Select(s => (int)s.Outlook).ToArray();
        Assert.NotEmpty(gains);
        Assert.Equal(gains.OrderDescending(), gains);
        Assert.All(result.WhatWouldHelp, s => Assert.True(s.Outlook > result.Outlook));
    }

    [Fact]
    public void Statements_ExistForEveryValueOfEveryFact()
    {
        Assert.Empty(OfferRules.Facts.FactStatements.Gaps());
    }
}
