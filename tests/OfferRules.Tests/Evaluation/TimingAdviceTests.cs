using System.Text;
using OfferRules.Evaluation;
using OfferRules.Scheduling;
using OfferRules.Serialization;

namespace OfferRules.Tests.Evaluation;

/// <summary>
/// Issue 10, timing: the slot is the first good one after asOf, a planned contact is judged as the moment of the
/// request, windows never cross lunch, a day or a closed day, and the texts name the computed window.
/// </summary>
public sealed class TimingAdviceTests
{
    private static readonly TimeSpan s_jst = TimeSpan.FromHours(9);

    /// <summary>Seats open, good conduct, normal evaluation: Likely within the week.</summary>
    private const string GoodCase = """
        "offer": { "evaluation": "normal" },
        "decline": { "declinedOn": "2025-07-05", "channel": "phone", "promptness": "prompt", "explainedReason": true, "expressedThanks": true, "tone": "polite" },
        "company": { "seatStatus": "open" }
        """;

    private static EvaluationResult Evaluate(string json, string language = "en") =>
        OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(json), new EvaluationOptions { Language = language });

    private static DateTimeOffset Jst(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, s_jst);

    private static void AssertSameDay(CallSlot slot)
    {
        Assert.Equal(s_jst, slot.Start.Offset);
        Assert.Equal(slot.Start.Date, slot.End.Date);
        Assert.True(slot.End > slot.Start);
    }

    [Theory]
    [InlineData("en", "The planned call time (Sat 12 July 2025, 10:00) is not a good time to phone (a weekend); call at Thu 10 July 2025, 10:00–12:00 instead.")]
    [InlineData("ja", "予定の時刻（2025年7月12日（土）10:00）は電話に向いていません（週末）。代わりに2025年7月10日（木）10:00〜12:00に電話しましょう。")]
    public void Evaluate_SaturdayPlanOnAThursday_SuggestsThursdayNotMonday(string language, string expected)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "request": { "plannedContactAt": "2025-07-12T10:00:00+09:00" } }""", language);

        Assert.Equal(new CallSlot(Jst(2025, 7, 10, 10), Jst(2025, 7, 10, 12)), result.CallWindow);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-07");
        Assert.Equal("$.request.plannedContactAt", warning.Path);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal(expected, warning.Message);
        Assert.Equal(Jst(2025, 7, 10, 10), result.Actions.Single(a => a.Id == "A-05").At);
    }

    [Fact]
    public void Evaluate_FridayAt1655_GivesTheNextBusinessDayMorning()
    {
        var result = Evaluate("""{ "asOf": "2025-07-11T16:55:00+09:00", "decline": { "declinedOn": "2025-07-08" } }""");

        var slot = result.CallWindow!.Value;
        Assert.Equal(new CallSlot(Jst(2025, 7, 14, 10), Jst(2025, 7, 14, 12)), slot);
        AssertSameDay(slot);
        Assert.DoesNotContain(result.Issues, i => i.Code is "W-07" or "W-10");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Evaluate_FridayAt1655PlannedAt1655_GivesTheNextBusinessDayMorning(string language)
    {
        var result = Evaluate("""{ "asOf": "2025-07-11T16:55:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "request": { "plannedContactAt": "2025-07-11T16:55:00+09:00" } }""", language);

        var slot = result.CallWindow!.Value;
        Assert.Equal(new CallSlot(Jst(2025, 7, 14, 10), Jst(2025, 7, 14, 12)), slot);
        AssertSameDay(slot);
        Assert.Null(result.AtPlannedTime); // the planned moment is today
        var expected = language == "ja" ? "2025年7月14日（月）10:00〜12:00" : "Mon 14 July 2025, 10:00–12:00";
        Assert.Contains(expected, result.Actions.Single(a => a.Id == "A-05").Message, StringComparison.Ordinal);

        // The move to Monday is said, not silent.
        var warning = Assert.Single(result.Issues, i => i.Code == "W-07");
        Assert.Equal(
            language == "ja"
                ? "予定の時刻（2025年7月11日（金）16:55）からでは、電話に適した時間帯の終わりまで30分もありません。代わりに2025年7月14日（月）10:00〜12:00に電話しましょう。"
                : "The planned call time (Fri 11 July 2025, 16:55) leaves less than 30 minutes before the end of the calling hours; call at Mon 14 July 2025, 10:00–12:00 instead.",
            warning.Message);
    }

    [Theory]
    [InlineData("en", "leaves less than 30 minutes before the lunch hour; call at Thu 10 July 2025, 13:00–17:00 instead.")]
    [InlineData("ja", "からでは、昼休みまで30分もありません。代わりに2025年7月10日（木）13:00〜17:00に電話しましょう。")]
    public void Evaluate_PlannedJustBeforeLunch_SaysWhyTheAfternoonIsSuggested(string language, string expected)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T11:40:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "request": { "plannedContactAt": "2025-07-10T11:45:00+09:00" } }""", language);

        Assert.Equal(new CallSlot(Jst(2025, 7, 10, 13), Jst(2025, 7, 10, 17)), result.CallWindow);
        Assert.Contains(expected, Assert.Single(result.Issues, i => i.Code == "W-07").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "falls in the lunch hour (12:00–13:00)", "Thu 10 July 2025, 13:00–17:00 would be better")]
    [InlineData("ja", "昼休み（12:00〜13:00）にかかり", "2025年7月10日（木）13:00〜17:00の方が適しています")]
    public void Evaluate_PlannedAtLunchFromLunch_WarnsSoftlyAndSuggestsTheAfternoon(string language, string lunch, string suggestion)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T12:30:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "request": { "plannedContactAt": "2025-07-10T12:30:00+09:00" } }""", language);

        Assert.Equal(new CallSlot(Jst(2025, 7, 10, 13), Jst(2025, 7, 10, 17)), result.CallWindow);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-07");
        Assert.Contains(lunch, warning.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "(12:00–13:00)", "Thu 10 July 2025, 10:00–12:00 would be better")]
    [InlineData("ja", "（12:00〜13:00）", "2025年7月10日（木）10:00〜12:00の方が適しています")]
    public void Evaluate_PlannedAtLunchFromTheMorning_SuggestsTheMorningSlotThatEndsAtLunch(string language, string lunch, string suggestion)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-08" }, "request": { "plannedContactAt": "2025-07-10T12:30:00+09:00" } }""", language);

        var slot = result.CallWindow!.Value;
        Assert.Equal(new CallSlot(Jst(2025, 7, 10, 10), Jst(2025, 7, 10, 12)), slot);
        Assert.True(slot.End <= Jst(2025, 7, 10, 12));
        var warning = Assert.Single(result.Issues, i => i.Code == "W-07");
        Assert.Contains(lunch, warning.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "(a public holiday)", "Thu 17 July 2025, 10:00–12:00")]
    [InlineData("ja", "（祝日）", "2025年7月17日（木）10:00〜12:00")]
    public void Evaluate_PlannedOnMarineDay_WarnsItIsAHoliday(string language, string problem, string suggestion)
    {
        // 21 July 2025 is Marine Day (海の日), a Monday.
        var result = Evaluate("""{ "asOf": "2025-07-17T09:00:00+09:00", "decline": { "declinedOn": "2025-07-16" }, "request": { "plannedContactAt": "2025-07-21T10:00:00+09:00" } }""", language);

        var warning = Assert.Single(result.Issues, i => i.Code == "W-07");
        Assert.Contains(problem, warning.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, warning.Message, StringComparison.Ordinal);
        Assert.Equal(Jst(2025, 7, 17, 10), result.CallWindow!.Value.Start);
    }

    [Theory]
    [InlineData("en", "The planned contact (Mon 14 July 2025) is 9 days after you declined, past the 7-day line. The outlook would be possible then, instead of likely now.")]
    [InlineData("ja", "予定の連絡日（2025年7月14日（月））は辞退から9日後で、7日を超えます。そのときの見通しは、現在の「見込みあり」ではなく「可能性あり」になります。")]
    public void Evaluate_PlanPastTheWeek_WarnsAndGivesTheOutlookAtThePlannedTime(string language, string expected)
    {
        var result = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{GoodCase}}, "request": { "plannedContactAt": "2025-07-14T10:00:00+09:00" } }""", language);

        Assert.Equal(Outlook.Likely, result.Outlook);
        var later = result.AtPlannedTime!;
        Assert.True(later.PastBoundary);
        Assert.Equal(Jst(2025, 7, 14, 10), later.At);
        Assert.Equal(new DateOnly(2025, 7, 14), later.Date);
        Assert.Equal(Outlook.Possible, later.Outlook);
        Assert.Equal(Confidence.High, later.Confidence);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-08");
        Assert.Equal("$.request.plannedContactAt", warning.Path);
        Assert.StartsWith(expected, warning.Message, StringComparison.Ordinal);
        Assert.Equal(Jst(2025, 7, 10, 10), result.CallWindow!.Value.Start); // still the first slot after asOf

        var json = EvaluationJson.ToJson(result);
        Assert.Contains("\"atPlannedTime\":", json, StringComparison.Ordinal);
        Assert.Contains("\"pastBoundary\":true", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "is 32 days after you declined, past the 30-day line. The outlook would be unlikely then, instead of possible now.")]
    [InlineData("ja", "は辞退から32日後で、30日を超えます。そのときの見通しは、現在の「可能性あり」ではなく「難しい」になります。")]
    public void Evaluate_PlanPastTheMonth_WarnsAtThe30DayLine(string language, string expected)
    {
        var good = GoodCase.Replace("2025-07-05", "2025-06-12", StringComparison.Ordinal);
        var result = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{good}}, "request": { "plannedContactAt": "2025-07-14T10:00:00+09:00" } }""", language);

        Assert.Equal(Outlook.Possible, result.Outlook);
        Assert.True(result.AtPlannedTime!.PastBoundary);
        Assert.Equal(Outlook.Unlikely, result.AtPlannedTime.Outlook);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-08");
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PlanWithinTheWeek_GivesTheOutlookThenWithoutWarning()
    {
        var result = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{GoodCase}}, "request": { "plannedContactAt": "2025-07-11T10:00:00+09:00" } }""");

        var later = result.AtPlannedTime!;
        Assert.False(later.PastBoundary);
        Assert.Equal(new DateOnly(2025, 7, 11), later.Date);
        Assert.Equal(Outlook.Likely, later.Outlook);
        Assert.DoesNotContain(result.Issues, i => i.Code == "W-08");
        Assert.Contains("\"pastBoundary\":false", EvaluationJson.ToJson(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoPlan_HasNoOutlookAtPlannedTime()
    {
        var result = Evaluate($$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{GoodCase}} }""");

        Assert.Null(result.AtPlannedTime);
        Assert.DoesNotContain(result.Issues, i => i.Code == "W-08");
    }

    [Theory]
    [InlineData("en", "The planned contact (Fri 11 July 2025) is 2 days after the first missed call, past the 1-day line. The outlook would be possible then, instead of likely now.")]
    [InlineData("ja", "予定の連絡日（2025年7月11日（金））は最初の不在着信から2日後で、1日を超えます。そのときの見通しは、現在の「見込みあり」ではなく「可能性あり」になります。")]
    public void Evaluate_MissedCallPlannedPastTheOneDayLine_WarnsWithMW3(string language, string expected)
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-08", "firstMissedCallOn": "2025-07-09", "plannedCallAt": "2025-07-11T10:00:00+09:00" } }""", language);

        Assert.Equal(Outlook.Likely, result.Outlook);
        Assert.True(result.AtPlannedTime!.PastBoundary);
        Assert.Equal(Outlook.Possible, result.AtPlannedTime.Outlook);
        var warning = Assert.Single(result.Issues, i => i.Code == "M-W3");
        Assert.Equal("$.missedContact.plannedCallAt", warning.Path);
        Assert.StartsWith(expected, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-28T16:45:00+09:00", 2027, 1, 4)] // Monday 4 January 2027
    [InlineData("2026-12-28T17:00:00+09:00", 2027, 1, 4)]
    [InlineData("2025-12-26T17:00:00+09:00", 2026, 1, 5)] // 4 January 2026 is a Sunday
    [InlineData("2022-12-28T17:30:00+09:00", 2023, 1, 4)] // 2 January 2023 is a substitute holiday inside the closure
    [InlineData("2019-12-27T17:00:00+09:00", 2020, 1, 6)] // 4 January 2020 is a Saturday
    [InlineData("2031-12-26T17:00:00+09:00", 2032, 1, 5)] // 4 January 2032 is a Sunday
    public void Evaluate_AfterHoursBeforeTheYearEndClosure_GivesTheFirstBusinessDayOfTheNewYear(string asOf, int year, int month, int day)
    {
        var result = Evaluate($$"""{ "asOf": "{{asOf}}", "decline": { "declinedOn": "{{asOf[..10]}}" } }""");

        Assert.Equal(new CallSlot(Jst(year, month, day, 10), Jst(year, month, day, 12)), result.CallWindow);

        // Every day between the asOf and the slot is a weekend, a public holiday or inside the closure.
        var first = new DateOnly(year, month, day);
        Assert.False(JapaneseHolidayCalendar.Instance.IsHoliday(first));
        for (var d = DateOnly.Parse(asOf[..10], System.Globalization.CultureInfo.InvariantCulture).AddDays(1); d < first; d = d.AddDays(1))
        {
            Assert.True(
                d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || JapaneseHolidayCalendar.Instance.IsHoliday(d) || DefaultCompanyCalendar.Instance.IsClosed(d),
                d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Evaluate_LateOnTheLastDayBeforeTheClosure_KeepsAThirtyMinuteSlotThatDay()
    {
        var result = Evaluate("""{ "asOf": "2026-12-28T16:30:00+09:00", "decline": { "declinedOn": "2026-12-25" } }""");

        Assert.Equal(new CallSlot(Jst(2026, 12, 28, 16, 30), Jst(2026, 12, 28, 17)), result.CallWindow);
    }

    [Theory]
    [InlineData("en", "(a day the company is closed)", "Mon 28 December 2026, 10:00–12:00")]
    [InlineData("ja", "（会社の休業日）", "2026年12月28日（月）10:00〜12:00")]
    public void Evaluate_PlannedOnDecember29_WarnsTheCompanyIsClosed(string language, string problem, string suggestion)
    {
        var result = Evaluate("""{ "asOf": "2026-12-28T09:00:00+09:00", "decline": { "declinedOn": "2026-12-25" }, "request": { "plannedContactAt": "2026-12-29T10:00:00+09:00" } }""", language);

        var warning = Assert.Single(result.Issues, i => i.Code == "W-07");
        Assert.Contains(problem, warning.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CompanyClosedDates_ReplaceTheYearEndClosure()
    {
        var result = Evaluate("""{ "asOf": "2026-12-28T17:30:00+09:00", "decline": { "declinedOn": "2026-12-25" }, "company": { "closedDates": ["2026-07-10"] }, "request": { "plannedContactAt": "2026-12-29T10:00:00+09:00" } }""");

        Assert.Equal(new CallSlot(Jst(2026, 12, 29, 10), Jst(2026, 12, 29, 12)), result.CallWindow);
        Assert.DoesNotContain(result.Issues, i => i.Code is "W-07" or "W-10");
    }

    [Fact]
    public void Evaluate_CompanyClosedDates_SkipTheListedDay()
    {
        // Thursday evening; Friday 10 July 2026 is listed as closed, so the slot is Monday 13 July.
        var result = Evaluate("""{ "asOf": "2026-07-09T17:30:00+09:00", "decline": { "declinedOn": "2026-07-08" }, "company": { "closedDates": ["2026-07-10"] } }""");

        Assert.Equal(new CallSlot(Jst(2026, 7, 13, 10), Jst(2026, 7, 13, 12)), result.CallWindow);
    }

    [Theory]
    [InlineData("en", "The suggested time (Wed 13 August 2025, 10:00–12:00) falls on a day many companies close (such as the Obon holidays)")]
    [InlineData("ja", "提案した時間（2025年8月13日（水）10:00〜12:00）は、お盆など休業する会社が多い日にあたります。")]
    public void Evaluate_DuringObon_KeepsTheSlotWithANoteAndAWarning(string language, string expected)
    {
        var result = Evaluate("""{ "asOf": "2025-08-13T09:00:00+09:00", "decline": { "declinedOn": "2025-08-12" } }""", language);

        var slot = result.CallWindow!.Value;
        Assert.Equal(Jst(2025, 8, 13, 10), slot.Start);
        Assert.Equal(CallSlotNotes.OftenClosedDay, slot.Notes);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-10");
        Assert.Equal("$.company.closedDates", warning.Path);
        Assert.StartsWith(expected, warning.Message, StringComparison.Ordinal);
        Assert.Contains("\"notes\":[\"oftenClosedDay\"]", EvaluationJson.ToJson(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The company's hours (11:00–14:00) are too short", "Thu 10 July 2025, 11:00–12:00")]
    [InlineData("ja", "営業時間（11:00〜14:00）が短く", "2025年7月10日（木）11:00〜12:00")]
    public void Evaluate_NarrowBusinessHours_GiveTheBestSlotWithASoftWarning(string language, string hours, string slotText)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-09" }, "company": { "businessHours": { "opens": "11:00", "closes": "14:00" } } }""", language);

        var slot = result.CallWindow!.Value;
        Assert.Equal(Jst(2025, 7, 10, 11), slot.Start);
        Assert.Equal(Jst(2025, 7, 10, 12), slot.End);
        Assert.Equal(CallSlotNotes.NarrowHours, slot.Notes);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-10");
        Assert.Equal("$.company.businessHours", warning.Path);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Contains(hours, warning.Message, StringComparison.Ordinal);
        Assert.Contains(slotText, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Issues, i => i.Code == "W-07"); // never "no slot"
        Assert.Contains("\"notes\":[\"narrowHours\"]", EvaluationJson.ToJson(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Call at Thu 10 July 2025, 09:00–12:00 if you can; otherwise any weekday 09:00–15:00", "Suggested time: Thu 10 July 2025, 09:00–12:00. Any other weekday 09:00–15:00")]
    [InlineData("ja", "できれば2025年7月10日（木）09:00〜12:00に、難しければほかの平日の09:00〜15:00", "おすすめの時間は2025年7月10日（木）09:00〜12:00です。ほかの平日でも、09:00〜15:00")]
    public void Evaluate_KnownBusinessHours_StepAndScriptNameTheComputedWindow(string language, string step, string preamble)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T08:00:00+09:00", "decline": { "declinedOn": "2025-07-09" }, "company": { "businessHours": { "opens": "08:00", "closes": "16:00" } } }""", language);

        Assert.Equal(new CallSlot(Jst(2025, 7, 10, 9), Jst(2025, 7, 10, 12)), result.CallWindow);
        var a05 = result.Actions.Single(a => a.Id == "A-05").Message;
        Assert.Contains(step, a05, StringComparison.Ordinal);
        var phone = result.Drafts.Single(d => d.Id == "D-PHONE").Body;
        Assert.Contains(preamble, phone.Split('\n')[0], StringComparison.Ordinal);
        foreach (var text in result.Actions.Select(a => a.Message).Append(phone))
        {
            Assert.DoesNotContain("10:00", text, StringComparison.Ordinal);
            Assert.DoesNotContain("17:00", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "10:00–17:00", "Thu 10 July 2025, 10:00–12:00")]
    [InlineData("ja", "10:00〜17:00", "2025年7月10日（木）10:00〜12:00")]
    public void Evaluate_HoursNineToSix_StepAndScriptNameTenToFiveAndTheSlotDate(string language, string window, string slot)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "declinedOn": "2025-07-09" }, "company": { "businessHours": { "opens": "09:00", "closes": "18:00" } } }""", language);

        var a05 = result.Actions.Single(a => a.Id == "A-05").Message;
        var first = result.Drafts.Single(d => d.Id == "D-PHONE").Body.Split('\n')[0];
        foreach (var text in new[] { a05, first })
        {
            Assert.Contains(window, text, StringComparison.Ordinal);
            Assert.Contains(slot, text, StringComparison.Ordinal);
            Assert.DoesNotContain("10:00 and 17:00", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_MissedCallsDuringObon_WarnWithMW5()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-08-13T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-08-08" } }""", "ja");

        Assert.Equal(CallSlotNotes.OftenClosedDay, result.CallWindow!.Value.Notes);
        var warning = Assert.Single(result.Issues, i => i.Code == "M-W5");
        Assert.StartsWith("提案した時間（2025年8月13日（水）10:00〜12:00）は、お盆など休業する会社が多い日にあたります。", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Issues, i => i.Code == "W-10");
    }

    [Fact]
    public void Evaluate_MissedCallPlannedOnJanuary2_WarnsClosedAndPastTheSevenDayLine()
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-12-26T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-12-24", "plannedCallAt": "2026-01-02T10:00:00+09:00" } }""");

        Assert.Equal(new CallSlot(Jst(2025, 12, 26, 10), Jst(2025, 12, 26, 12)), result.CallWindow);
        Assert.Equal(["M-W3", "M-W1"], result.Issues.Select(i => i.Code));
        Assert.Contains("past the 7-day line. The outlook would be unlikely then, instead of possible now.", result.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("(a day the company is closed); call at Fri 26 December 2025, 10:00–12:00 instead.", result.Issues[1].Message, StringComparison.Ordinal);
        Assert.Equal(Outlook.Unlikely, result.AtPlannedTime!.Outlook);
    }

    [Theory]
    [InlineData("en", "The holiday calendar does not cover 11 January 2100, so the suggested time (Mon 11 January 2100, 10:00–12:00) may fall on a public holiday")]
    [InlineData("ja", "祝日の暦が2100年1月11日を扱っていないため、提案した時間（2100年1月11日（月）10:00〜12:00）が祝日にあたる可能性があります。")]
    public void Evaluate_SlotPastTheHolidayCalendar_SaysSoInsteadOfPlanningSilently(string language, string expected)
    {
        // 11 January 2100 would be Coming of Age Day (the second Monday), but the built-in calendar ends with 2099.
        var result = Evaluate("""{ "asOf": "2100-01-11T09:00:00+09:00", "decline": { "declinedOn": "2100-01-10" } }""", language);

        Assert.Equal(Jst(2100, 1, 11, 10), result.CallWindow!.Value.Start);
        var warning = Assert.Single(result.Issues, i => i.Code == "W-10");
        Assert.Equal("$.asOf", warning.Path);
        Assert.StartsWith(expected, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SlotInsideTheHolidayCalendar_GivesNoCalendarWarning()
    {
        var result = Evaluate("""{ "asOf": "2099-12-21T09:00:00+09:00", "decline": { "declinedOn": "2099-12-20" } }""");

        Assert.Equal(Jst(2099, 12, 21, 10), result.CallWindow!.Value.Start);
        Assert.DoesNotContain(result.Issues, i => i.Code == "W-10");
    }
}
