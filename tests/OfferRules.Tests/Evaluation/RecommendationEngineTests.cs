using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Scheduling;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

/// <summary>The machinery behind recommendations, with small rule sets: selection by condition, dating, call planning.</summary>
public sealed class RecommendationEngineTests
{
    private const string Base = """{ "id": "R-B0", "stage": "base", "when": { "all": [] }, "effect": { "outlook": "unlikely" }, "messages": { "fired": { "en": "b", "ja": "b" }, "unknown": { "en": "b", "ja": "b" } }, "basis": { "en": "b", "ja": "b" } }""";

    private static RuleSet Load(string recommendations) =>
        RuleSetJson.Load(RuleSets.With($"[{Base}]").Replace("\"confidence\":", recommendations + ", \"confidence\":", StringComparison.Ordinal)).GetValueOrThrow();

    private static string Action(string id, string when, string timing, string channel = "phone") =>
        $$"""{ "id": "{{id}}", "when": {{when}}, "channel": "{{channel}}", "timing": "{{timing}}", "messages": { "en": "{{id}} {offer.contactPerson}", "ja": "{{id}} {offer.contactPerson}" } }""";

    [Fact]
    public void Evaluate_Actions_AreSelectedByConditionAndDated()
    {
        var ruleSet = Load($$"""
            "actions": [
              {{Action("S-1", """{ "all": [] }""", "immediately", "notes")}},
              {{Action("S-2", """{ "fact": "outlook", "op": "eq", "value": "likely" }""", "atCall")}},
              {{Action("S-3", """{ "fact": "outlook", "op": "eq", "value": "unlikely" }""", "atCall")}},
              {{Action("S-4", """{ "fact": "company.seatStatus", "op": "eq", "value": "open" }""", "atCall")}},
              {{Action("S-5", """{ "all": [] }""", "afterCall", "email")}},
              {{Action("S-6", """{ "all": [] }""", "followUp")}},
              {{Action("S-7", """{ "all": [] }""", "none", "none")}}
            ]
            """);
        var @case = Cases.Minimal() with { AsOf = new DateTimeOffset(2025, 7, 19, 9, 5, 0, TimeSpan.FromHours(9)) }; // a Saturday before Marine Day

        var result = new OfferEvaluator(ruleSet).Evaluate(@case);

        Assert.Equal(["S-1", "S-3", "S-5", "S-6", "S-7"], result.Actions.Select(a => a.Id));
        Assert.Equal([1, 2, 3, 4, 5], result.Actions.Select(a => a.Order));
        var jst = TimeSpan.FromHours(9);
        Assert.Equal(new CallSlot(new DateTimeOffset(2025, 7, 22, 10, 0, 0, jst), new DateTimeOffset(2025, 7, 22, 12, 0, 0, jst)), result.CallWindow);
        Assert.Equal(new DateTimeOffset(2025, 7, 19, 9, 5, 0, jst), result.Actions[0].At);
        Assert.Equal(new DateTimeOffset(2025, 7, 22, 10, 0, 0, jst), result.Actions[1].At);
        Assert.Equal(new DateTimeOffset(2025, 7, 22, 11, 0, 0, jst), result.Actions[2].At);
        Assert.Equal(new DateTimeOffset(2025, 7, 25, 10, 0, 0, jst), result.Actions[3].At); // the default follow-up: 3 business days
        Assert.Null(result.Actions[4].At);
        Assert.Equal("S-1 [contact person]", result.Actions[0].Message);
    }

    [Fact]
    public void Evaluate_NoStepNeedsACall_HasNoCallWindow()
    {
        var ruleSet = Load($$"""
            "actions": [ {{Action("S-1", """{ "all": [] }""", "immediately", "notes")}} ]
            """);

        Assert.Null(new OfferEvaluator(ruleSet).Evaluate(Cases.Minimal()).CallWindow);
    }

    [Fact]
    public void Evaluate_PlannedCallOnHoliday_WarnsAndSuggestsTheNextSlot()
    {
        var ruleSet = Load($$"""
            "actions": [ {{Action("S-1", """{ "all": [] }""", "atCall")}} ]
            """);
        var planned = new DateTimeOffset(2025, 7, 21, 10, 30, 0, TimeSpan.FromHours(9)); // Marine Day
        var @case = Cases.Minimal() with { AsOf = new DateTimeOffset(2025, 7, 18, 18, 0, 0, TimeSpan.FromHours(9)), Request = new WithdrawalRequest { PlannedContactAt = planned } };

        var result = new OfferEvaluator(ruleSet).Evaluate(@case);

        var warning = Assert.Single(result.Issues);
        Assert.Equal(("W-07", "$.request.plannedContactAt", IssueSeverity.Warning), (warning.Code, warning.Path, warning.Severity));
        Assert.Equal("The planned call time (Mon 21 July 2025, 10:30) is not a good time to phone (a public holiday); call at Tue 22 July 2025, 10:00–12:00 instead.", warning.Message);
        Assert.Equal(new DateTimeOffset(2025, 7, 22, 10, 0, 0, TimeSpan.FromHours(9)), result.CallWindow!.Value.Start);
    }

    [Fact]
    public void Evaluate_PlannedCallAtLunch_WarnsSoftlyAndSuggestsTheFirstSlot()
    {
        var ruleSet = Load($$"""
            "actions": [ {{Action("S-1", """{ "all": [] }""", "atCall")}} ]
            """);
        var jst = TimeSpan.FromHours(9);
        var @case = Cases.Minimal() with
        {
            AsOf = new DateTimeOffset(2025, 7, 10, 11, 50, 0, jst),
            Request = new WithdrawalRequest { PlannedContactAt = new DateTimeOffset(2025, 7, 10, 12, 30, 0, jst) },
        };

        var result = new OfferEvaluator(ruleSet).Evaluate(@case);

        var warning = Assert.Single(result.Issues);
        Assert.Equal("W-07", warning.Code);
        Assert.Equal("The planned call time (Thu 10 July 2025, 12:30) falls in the lunch hour (12:00–13:00), when the person in charge may be out; Thu 10 July 2025, 13:00–17:00 would be better.", warning.Message);
        Assert.Equal(new CallSlot(new DateTimeOffset(2025, 7, 10, 13, 0, 0, jst), new DateTimeOffset(2025, 7, 10, 17, 0, 0, jst)), result.CallWindow);
    }

    [Fact]
    public void Evaluate_GoodPlannedCallLaterThatWeek_SuggestsTheFirstSlotAfterAsOf()
    {
        var ruleSet = Load($$"""
            "actions": [ {{Action("S-1", """{ "all": [] }""", "atCall")}} ]
            """);
        var jst = TimeSpan.FromHours(9);
        var planned = new DateTimeOffset(2025, 7, 11, 14, 0, 0, jst); // Friday, 2 days after the decline

        var result = new OfferEvaluator(ruleSet).Evaluate(Cases.Minimal() with { Request = new WithdrawalRequest { PlannedContactAt = planned } });

        Assert.Empty(result.Issues);
        Assert.Equal(new DateTimeOffset(2025, 7, 10, 10, 0, 0, jst), result.Actions[0].At); // Thursday, the first good slot after asOf
        Assert.Equal(planned, result.AtPlannedTime!.At);
        Assert.False(result.AtPlannedTime.PastBoundary);
    }

    [Fact]
    public void Evaluate_PlannedCallOnSaturday_SuggestsThursdayNotMonday()
    {
        var ruleSet = Load($$"""
            "actions": [ {{Action("S-1", """{ "all": [] }""", "atCall")}} ]
            """);
        var jst = TimeSpan.FromHours(9);
        var @case = Cases.Minimal() with { Request = new WithdrawalRequest { PlannedContactAt = new DateTimeOffset(2025, 7, 12, 10, 30, 0, jst) } };

        var result = new OfferEvaluator(ruleSet).Evaluate(@case);

        var warning = Assert.Single(result.Issues);
        Assert.Equal("W-07", warning.Code);
        Assert.Contains("(a weekend); call at Thu 10 July 2025, 10:00–12:00 instead.", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 7, 10, 10, 0, 0, jst), result.CallWindow!.Value.Start);
    }

    [Fact]
    public void Evaluate_CompanyHours_ShapeTheWindow()
    {
        var ruleSet = Load($$"""
            "actions": [ {{Action("S-1", """{ "all": [] }""", "atCall")}} ]
            """);
        var @case = Cases.Minimal() with { Company = new CompanyContext { BusinessHours = new BusinessHours(new TimeOnly(8, 30), new TimeOnly(17, 30)) } };

        var result = new OfferEvaluator(ruleSet).Evaluate(@case);

        Assert.Equal(new TimeSpan(9, 30, 0), result.CallWindow!.Value.Start.TimeOfDay);
    }

    [Fact]
    public void Evaluate_CustomHolidayCalendar_IsRespected()
    {
        var ruleSet = Load($$"""
            "actions": [ {{Action("S-1", """{ "all": [] }""", "atCall")}} ]
            """);
        var companyHoliday = new DateOnly(2025, 7, 10);

        var result = new OfferEvaluator(ruleSet, holidayCalendar: new OneDayCalendar(companyHoliday)).Evaluate(Cases.Minimal());

        Assert.Equal(new DateOnly(2025, 7, 11), DateOnly.FromDateTime(result.CallWindow!.Value.Start.DateTime));
    }

    [Fact]
    public void Evaluate_Drafts_IncludeOnlyPartsWhoseConditionHolds()
    {
        var ruleSet = Load("""
            "drafts": [
              { "id": "D-1", "kind": "email", "when": { "all": [] }, "title": { "en": "Mail", "ja": "メール" }, "subject": { "en": "To {offer.company}", "ja": "{offer.company}様" },
                "parts": [
                  { "text": { "en": "Dear {offer.contactPerson},", "ja": "{offer.contactPerson}様" } },
                  { "when": { "fact": "request.changeOfMindReason", "op": "eq", "value": "otherOfferFellThrough" }, "text": { "en": "My other offer fell through.", "ja": "他社の内定がなくなりました。" } },
                  { "when": { "fact": "request.changeOfMindReason", "op": "eq", "value": "noClearReason" }, "text": { "en": "No reason.", "ja": "理由なし。" } },
                  { "text": { "en": "{candidate.name}", "ja": "{candidate.name}" } }
                ] }
            ]
            """);
        var @case = Cases.Minimal() with
        {
            Offer = new Offer { Company = "Sakura Logistics" },
            Candidate = new Candidate { Name = "Yamada Taro" },
            Request = new WithdrawalRequest { ChangeOfMindReason = ChangeOfMindReason.OtherOfferFellThrough },
        };

        var draft = Assert.Single(new OfferEvaluator(ruleSet).Evaluate(@case).Drafts);

        Assert.Equal((DraftKind.Email, "Mail", "To Sakura Logistics"), (draft.Kind, draft.Title, draft.Subject));
        Assert.Equal("Dear [contact person],\nMy other offer fell through.\nYamada Taro", draft.Body);
    }

    [Fact]
    public void Evaluate_CaveatsAndFallbacks_FollowTheOutlook()
    {
        var ruleSet = Load("""
            "caveats": [ { "id": "C-1", "when": { "all": [] }, "messages": { "en": "always", "ja": "常に" } } ],
            "fallbacks": [
              { "id": "B-1", "when": { "fact": "outlook", "op": "in", "values": ["veryUnlikely", "unlikely"] }, "messages": { "en": "move on", "ja": "切り替え" } },
              { "id": "B-2", "when": { "fact": "outlook", "op": "eq", "value": "likely" }, "messages": { "en": "never", "ja": "なし" } }
            ]
            """);

        var result = new OfferEvaluator(ruleSet).Evaluate(Cases.Minimal(), new EvaluationOptions { Language = "ja" });

        Assert.Equal([("C-1", "常に")], result.Caveats.Select(c => (c.Id, c.Message)));
        Assert.Equal(["B-1"], result.Fallbacks.Select(c => c.Id));
    }

    [Fact]
    public void Load_OutlookInARule_IsRejected()
    {
        var rule = RuleSets.Rule("R1", """{ "fact": "outlook", "op": "eq", "value": "likely" }""");

        var d = Assert.Single(RuleSetJson.Load(RuleSets.With($"[{rule}]")).Diagnostics);

        Assert.Equal(("condition.outlookNotAllowed", "/policies/0/rules/0/when/fact"), (d.Code, d.Path));
    }

    [Fact]
    public void Load_BadRecommendation_ReportsItsPointer()
    {
        var json = RuleSets.With($"[{Base}]").Replace("\"confidence\":", """
            "actions": [ { "id": "S-1", "when": { "all": [] }, "channel": "pigeon", "timing": "soon", "messages": { "en": "x", "ja": "x" } } ],
            "confidence":
            """, StringComparison.Ordinal);

        var result = RuleSetJson.Load(json);

        Assert.Equal(
            [("ruleSet.unknownValue", "/policies/0/actions/0/channel"), ("ruleSet.unknownValue", "/policies/0/actions/0/timing")],
            result.Diagnostics.Select(d => (d.Code, d.Path)));
    }

    private sealed class OneDayCalendar(DateOnly day) : IHolidayCalendar
    {
        public bool IsHoliday(DateOnly day1) => day1 == day;

        public bool TryGetHoliday(DateOnly day1, out Holiday holiday)
        {
            holiday = new Holiday(day, "社休日", "Company holiday");
            return day1 == day;
        }
    }
}
