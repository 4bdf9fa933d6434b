using System.Text;
using OfferRules.Evaluation;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

/// <summary>The default policy's plan, pinned for the situations the domain notes single out.</summary>
public sealed class ActionPlanTests
{
    private static readonly TimeSpan s_jst = TimeSpan.FromHours(9);

    private static EvaluationResult Evaluate(string json, string language = "en") =>
        OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(json), new EvaluationOptions { Language = language });

    private static readonly string[] s_call = ["A-05", "A-06", "A-07", "A-08", "A-09", "A-10", "A-11", "A-12", "A-19", "A-13", "A-14"];

    [Fact]
    public void Plan_AfterRefusal_IsOnlyFallbacks()
    {
        var result = Evaluate("""{ "asOf": "2025-07-04", "decline": { "declinedOn": "2025-07-01" }, "request": { "priorRequestOutcome": "refused" } }""");

        Assert.Equal(Outlook.VeryUnlikely, result.Outlook);
        Assert.Empty(result.Actions);
        Assert.Empty(result.Drafts);
        Assert.Null(result.CallWindow);
        Assert.Equal(["B-01", "B-02", "B-05", "B-03"], result.Fallbacks.Select(f => f.Id));
    }

    [Fact]
    public void Plan_AfterStartDate_IsOnlyFallbacks()
    {
        var result = Evaluate("""{ "asOf": "2026-04-02", "offer": { "startsOn": "2026-04-01" }, "decline": { "declinedOn": "2026-03-20" } }""");

        Assert.Empty(result.Actions);
        Assert.Contains(result.Fallbacks, f => f.Id == "B-02");
        Assert.DoesNotContain(result.Fallbacks, f => f.Id == "B-04");
    }

    [Fact]
    public void Plan_ReselectionOffered_IsPreparationOnly()
    {
        var result = Evaluate("""{ "asOf": "2025-07-04", "decline": { "declinedOn": "2025-07-01", "channel": "phone" }, "request": { "priorRequestOutcome": "reselectionOffered" } }""");

        Assert.Equal(Outlook.Possible, result.Outlook);
        Assert.Equal(["A-12R", "A-04", "P-02", "P-03", "A-14"], result.Actions.Select(a => a.Id));
        Assert.Equal(["D-THANKS"], result.Drafts.Select(d => d.Id));
    }

    [Fact]
    public void Plan_ViaAgent_StartsWithTheAgent()
    {
        var result = Evaluate("""
            { "asOf": "2025-07-04", "offer": { "track": "midCareer", "viaRecruitmentAgent": true },
              "decline": { "declinedOn": "2025-07-01", "channel": "viaAgent", "promptness": "prompt", "explainedReason": true, "expressedThanks": true },
              "company": { "seatStatus": "open" } }
            """);

        Assert.Equal(["A-15", "A-01", "A-02", "A-04", .. s_call], result.Actions.Select(a => a.Id));
        Assert.Equal(ActionChannel.Agent, result.Actions[0].Channel);
    }

    [Fact]
    public void Plan_PressuredDecline_AdvisesConsultationFirst()
    {
        var result = Evaluate("""{ "asOf": "2025-07-04", "decline": { "declinedOn": "2025-07-01", "originalReason": "pressuredByCompany", "evidenceAvailable": true } }""");

        Assert.Equal(Outlook.Likely, result.Outlook);
        Assert.Equal(["A-17", "A-01", "A-16", "A-02", "A-04", .. s_call], result.Actions.Select(a => a.Id));
        Assert.Equal(ActionChannel.Consultation, result.Actions[0].Channel);
    }

    [Fact]
    public void Plan_UnavoidableReasonWithoutDocuments_AddsTheEvidenceStepAndSkipsHolidays()
    {
        var result = Evaluate("""
            { "asOf": "2025-08-07", "decline": { "declinedOn": "2025-08-04", "channel": "phone", "promptness": "prompt", "explainedReason": true,
              "expressedThanks": true, "tone": "polite", "originalReason": "health", "circumstanceChanged": true },
              "company": { "seatStatus": "open" }, "request": { "changeOfMindReason": "unavoidableCircumstanceResolved", "plannedChannel": "phoneThenWritten" } }
            """);

        Assert.Equal(["A-01", "A-02", "A-03", "A-04", .. s_call], result.Actions.Select(a => a.Id));
        Assert.Equal(ActionChannel.Documents, result.Actions.Single(a => a.Id == "A-03").Channel);
        Assert.Equal(new DateTimeOffset(2025, 8, 7, 10, 0, 0, s_jst), result.Actions.Single(a => a.Id == "A-05").At);
        Assert.Equal(new DateTimeOffset(2025, 8, 7, 11, 0, 0, s_jst), result.Actions.Single(a => a.Id == "A-12").At);
        Assert.Equal(new DateTimeOffset(2025, 8, 13, 10, 0, 0, s_jst), result.Actions.Single(a => a.Id == "A-19").At); // 3 business days: 11 August is Mountain Day
        Assert.Null(result.Actions.Single(a => a.Id == "A-14").At); // a conditional step has no date
    }

    [Fact]
    public void Plan_UnavoidableReasonWithDocuments_HasNoEvidenceStep()
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(Cases.CasesDirectory, "S08-family-emergency-evidenced-seats-open.json")));

        Assert.DoesNotContain(result.Actions, a => a.Id == "A-03");
    }

    [Fact]
    public void Plan_MissedContact_FollowsPreparationCallAndFollowUp()
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(Cases.CasesDirectory, "S29-missed-calls-six-days.json")));

        Assert.Equal(["P-01", "P-02", "P-03", "K-01", "K-02", "K-03", "K-04", "K-05", "L-01", "L-02", "L-03"], result.Actions.Select(a => a.Id));
        Assert.Equal(new DateTimeOffset(2025, 6, 9, 10, 0, 0, s_jst), result.CallWindow!.Value.Start);
        Assert.Equal(new DateTimeOffset(2025, 6, 12, 10, 0, 0, s_jst), result.Actions.Single(a => a.Id == "L-02").At); // 3 business days after the call
        Assert.Equal(["D-CALL", "D-THANKS-LETTER"], result.Drafts.Select(d => d.Id));
        var warning = Assert.Single(result.Issues, i => i.Code == "M-W1");
        Assert.Equal("The planned call time (Mon 9 June 2025, 09:05) is not a good time to phone (too early in the day); call at Mon 9 June 2025, 10:00–12:00 instead.", warning.Message);
    }

    [Fact]
    public void Plan_MissedContactPositionFilled_IsOnlyMovingOn()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-06-09", "missedContact": { "interviewedOn": "2025-06-03", "employerSaidPositionFilled": true } }""");

        Assert.Equal(Outlook.VeryUnlikely, result.Outlook);
        Assert.Empty(result.Actions);
        Assert.Equal("B-01", result.Fallbacks[0].Id);
    }

    [Fact]
    public void Drafts_PersonaliseFromTheCaseAndLeaveMissingNamesAsPlaceholders()
    {
        var result = Evaluate("""
            { "asOf": "2025-07-02", "offer": { "company": "Sakura Logistics", "department": "Human Resources", "track": "newGraduate" },
              "candidate": { "name": "Yamada Taro", "school": "Example University" },
              "decline": { "declinedOn": "2025-07-01" }, "request": { "changeOfMindReason": "otherOfferFellThrough" } }
            """, "ja");

        var email = result.Drafts.Single(d => d.Id == "D-EMAIL");
        Assert.Equal(DraftKind.Email, email.Kind);
        Assert.NotNull(email.Subject);
        Assert.Contains("Sakura Logistics", email.Body, StringComparison.Ordinal);
        Assert.Contains("Human Resources", email.Body, StringComparison.Ordinal);
        Assert.Contains("Yamada Taro", email.Body, StringComparison.Ordinal);
        Assert.Contains("[ご担当者名]", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.Body, StringComparison.Ordinal);
        var phone = result.Drafts.Single(d => d.Id == "D-PHONE");
        Assert.Equal(DraftKind.PhoneScript, phone.Kind);
        Assert.Contains("Example University", phone.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_EveryExample_KeepsItsOutlookAndGivesAPlanOrFallbacks()
    {
        foreach (var file in Directory.GetFiles(Cases.CasesDirectory, "S*.json"))
        {
            var result = Evaluate(File.ReadAllText(file));
            if (result.Status == EvaluationStatus.Evaluated)
            {
                Assert.True(!result.Actions.IsEmpty || !result.Fallbacks.IsEmpty, file);
                Assert.Equal(result.Actions.Select((_, i) => i + 1), result.Actions.Select(a => a.Order));
            }
        }
    }
}
