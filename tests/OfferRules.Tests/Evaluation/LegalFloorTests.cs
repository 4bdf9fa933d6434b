using System.Text;
using OfferRules.Evaluation;

namespace OfferRules.Tests.Evaluation;

/// <summary>Issue 10, R-L1 as a floor (KNOWLEDGE §4.7 and §5 decision 6): pressure never lowers the outlook.</summary>
public sealed class LegalFloorTests
{
    private const string Polite = """
        "offer": { "evaluation": "normal" },
        "decline": { "declinedOn": "2025-07-08", "channel": "phone", "promptness": "prompt", "explainedReason": true, "expressedThanks": true, "tone": "polite"
        """;

    private static EvaluationResult Evaluate(string json, string language = "en") =>
        OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(json), new EvaluationOptions { Language = language });

    private static string Case(string declineExtra, string company, string request = "") =>
        $$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{Polite}} {{declineExtra}} }, "company": { {{company}} } {{request}} }""";

    [Fact]
    public void Evaluate_LikelyCaseWithoutPressure_IsLikely()
    {
        var result = Evaluate(Case("", "\"seatStatus\": \"open\""));

        Assert.Equal(Outlook.Likely, result.Outlook);
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("R-L1", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Actions, a => a.Id == "A-17");
    }

    [Theory]
    [InlineData(", \"originalReason\": \"pressuredByCompany\"", "\"seatStatus\": \"open\"")]
    [InlineData("", "\"seatStatus\": \"open\", \"unfairPressureOrRescission\": true")]
    public void Evaluate_PressureWithoutEvidenceOnALikelyCase_StaysLikely(string declineExtra, string company)
    {
        var result = Evaluate(Case(declineExtra, company));

        Assert.Equal(Outlook.Likely, result.Outlook);
        var floor = Assert.Single(result.Findings, f => f.RuleId.StartsWith("R-L1", StringComparison.Ordinal));
        Assert.Equal("R-L1b", floor.RuleId);
        Assert.Equal(Outlook.Possible, floor.Outlook);
        Assert.False(floor.Changed);
        Assert.Equal("A-17", result.Actions[0].Id);
        Assert.Equal(ActionChannel.Consultation, result.Actions[0].Channel);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Evaluate_PressureWithEvidenceAndAFilledSeat_FloorHoldsAgainstTheCap(string language)
    {
        var result = Evaluate(Case(", \"evidenceAvailable\": true", "\"seatStatus\": \"filled\", \"unfairPressureOrRescission\": true"), language);

        Assert.Equal(Outlook.Likely, result.Outlook);
        var floor = Assert.Single(result.Findings, f => f.RuleId == "R-L1");
        Assert.True(floor.Changed);
        Assert.Equal(Outlook.Likely, floor.Outlook);
        Assert.False(result.Findings.Single(f => f.RuleId == "R-C1").Changed);
        Assert.Contains(result.Actions, a => a.Id == "A-17");
    }

    [Fact]
    public void Evaluate_PressureWithoutEvidenceAndAFilledSeat_IsPossible()
    {
        var result = Evaluate(Case("", "\"seatStatus\": \"filled\", \"unfairPressureOrRescission\": true"));

        Assert.Equal(Outlook.Possible, result.Outlook);
        var floor = Assert.Single(result.Findings, f => f.RuleId == "R-L1b");
        Assert.True(floor.Changed);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "R-L1");
        Assert.Contains(result.Actions, a => a.Id == "A-17");
    }

    [Fact]
    public void Evaluate_FilledSeatWithoutPressure_IsVeryUnlikely()
    {
        var result = Evaluate(Case("", "\"seatStatus\": \"filled\""));

        Assert.Equal(Outlook.VeryUnlikely, result.Outlook);
        Assert.True(result.Findings.Single(f => f.RuleId == "R-C1").Changed);
    }

    [Theory]
    [InlineData(", \"originalReason\": \"pressuredByCompany\"", "\"seatStatus\": \"open\"")]
    [InlineData("", "\"unfairPressureOrRescission\": true")]
    public void Evaluate_PressureWithAReselectionOffer_StillAdvisesConsultation(string declineExtra, string company)
    {
        var result = Evaluate(Case(declineExtra, company, ", \"request\": { \"priorRequestOutcome\": \"reselectionOffered\" }"));

        Assert.Equal(Outlook.Possible, result.Outlook);
        Assert.Equal("A-17", result.Actions[0].Id);
        Assert.Contains(result.Actions, a => a.Id == "A-12R");
    }

    [Theory]
    [InlineData(Outlook.VeryUnlikely, "\"seatStatus\": \"filled\"")]
    [InlineData(Outlook.Possible, "")]
    public void Evaluate_AddingPressure_NeverLowersTheOutlook(Outlook without, string company)
    {
        var before = Evaluate(Case("", company));
        var comma = company.Length == 0 ? "" : ", ";
        var after = Evaluate(Case("", company + comma + "\"unfairPressureOrRescission\": true"));
        var evidenced = Evaluate(Case(", \"evidenceAvailable\": true, \"originalReason\": \"pressuredByCompany\"", company));

        Assert.Equal(without, before.Outlook);
        Assert.True(after.Outlook >= before.Outlook);
        Assert.True(after.Outlook >= Outlook.Possible);
        Assert.Equal(Outlook.Likely, evidenced.Outlook);
    }
}
