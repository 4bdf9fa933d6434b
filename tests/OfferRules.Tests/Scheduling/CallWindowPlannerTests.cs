using System.Globalization;
using OfferRules.Scheduling;

namespace OfferRules.Tests.Scheduling;

public sealed class CallWindowPlannerTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    private readonly CallWindowPlanner _planner = new(JapaneseHolidayCalendar.Instance);

    [Fact]
    public void Constructor_NullCalendar_ThrowsArgumentNull()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new CallWindowPlanner(null!));

        Assert.Equal("calendar", exception.ParamName);
    }

    [Fact]
    public void GetWindow_NoHours_Is10To17WithLunch12To13()
    {
        var window = _planner.GetWindow(new DateOnly(2025, 6, 9), null);

        Assert.Equal(new CallWindow(new DateOnly(2025, 6, 9), new TimeOnly(10, 0), new TimeOnly(17, 0)), window);
        Assert.Equal(new TimeOnly(12, 0), window.LunchStart);
        Assert.Equal(new TimeOnly(13, 0), window.LunchEnd);
    }

    [Theory]
    [InlineData("09:00", "18:00", "10:00", "17:00")]
    [InlineData("08:30", "17:30", "09:30", "16:30")]
    [InlineData("10:00", "12:30", "11:00", "11:30")]
    [InlineData("09:00", "11:00", "09:00", "11:00")] // Less than two hours: the whole opening time.
    [InlineData("09:00", "10:30", "09:00", "10:30")]
    [InlineData("22:30", "23:59", "22:30", "23:59")]
    [InlineData("00:00", "23:00", "01:00", "22:00")]
    [InlineData("11:00", "14:00", "11:00", "14:00")] // Less the margins only lunch is left: the whole opening time.
    [InlineData("10:30", "14:00", "11:30", "13:00")] // 11:30-12:00 is a stretch of 30 minutes: the margins stay.
    [InlineData("10:40", "14:20", "10:40", "14:20")] // 11:40-12:00 and 13:00-13:20 are both shorter than 30 minutes.
    public void GetWindow_CompanyHours_SkipsFirstAndLastHourOrFallsBack(string opens, string closes, string start, string end)
    {
        var hours = new BusinessHours(Time(opens), Time(closes));

        var window = _planner.GetWindow(new DateOnly(2025, 6, 9), hours);

        Assert.Equal(Time(start), window.Start);
        Assert.Equal(Time(end), window.End);
    }

    [Fact]
    public void GetWindow_DefaultHoursValue_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => _planner.GetWindow(new DateOnly(2025, 6, 9), default(BusinessHours)));

        Assert.Equal("hours", exception.ParamName);
    }

    [Theory]
    [InlineData("2025-06-09", true)] // Monday
    [InlineData("2025-06-13", true)] // Friday
    [InlineData("2025-06-14", false)] // Saturday
    [InlineData("2025-06-15", false)] // Sunday
    [InlineData("2025-07-21", false)] // 海の日 (Monday)
    [InlineData("2026-09-22", false)] // 国民の休日
    [InlineData("2026-05-06", false)] // 振替休日
    [InlineData("1999-06-07", true)] // Outside the calendar's range: an ordinary Monday.
    public void IsBusinessDay_Date_ReturnsExpected(string date, bool expected)
    {
        Assert.Equal(expected, _planner.IsBusinessDay(Date(date)));
    }

    [Fact]
    public void NextGoodSlot_SaturdayBeforeHolidayMonday_IsTuesdayAt10()
    {
        // 2025-07-19 is a Saturday and 2025-07-21 is 海の日.
        var slot = _planner.NextGoodSlot(Jp("2025-07-19 09:05"), null);

        Assert.Equal(new CallSlot(Jp("2025-07-22 10:00"), Jp("2025-07-22 12:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_SaturdayBeforeOrdinaryMonday_IsMondayAt10()
    {
        var slot = _planner.NextGoodSlot(Jp("2025-06-07 09:05"), null);

        Assert.Equal(Jp("2025-06-09 10:00"), slot.Start);
    }

    [Fact]
    public void NextGoodSlot_BeforeWindow_IsWindowStartSameDay()
    {
        var slot = _planner.NextGoodSlot(Jp("2025-06-09 08:30"), null);

        Assert.Equal(new CallSlot(Jp("2025-06-09 10:00"), Jp("2025-06-09 12:00")), slot);
    }

    [Theory]
    [InlineData("10:07", "10:15", "12:00")]
    [InlineData("10:00", "10:00", "12:00")]
    [InlineData("10:15", "10:15", "12:00")]
    [InlineData("10:15:01", "10:30", "12:00")]
    [InlineData("11:46", "13:00", "17:00")] // Rounds to 12:00, which is lunch.
    [InlineData("11:45", "13:00", "17:00")] // 11:45-12:00 is too short while 13:00-17:00 follows.
    [InlineData("11:30", "11:30", "12:00")]
    [InlineData("12:30", "13:00", "17:00")]
    [InlineData("12:59", "13:00", "17:00")]
    [InlineData("13:00", "13:00", "17:00")]
    [InlineData("16:30", "16:30", "17:00")]
    public void NextGoodSlot_InsideWindow_RoundsUpToQuarterAndSkipsLunch(string time, string start, string end)
    {
        var slot = _planner.NextGoodSlot(Jp($"2025-06-09 {time}"), null);

        Assert.Equal(new CallSlot(Jp($"2025-06-09 {start}"), Jp($"2025-06-09 {end}")), slot);
    }

    [Theory]
    [InlineData("16:31")] // 16:45-17:00 is too short while the next business day has 10:00-12:00.
    [InlineData("16:44")]
    [InlineData("16:55")]
    [InlineData("16:59")] // Rounds to 17:00, which is outside the window.
    [InlineData("17:00")]
    [InlineData("23:59")]
    public void NextGoodSlot_AtOrNearWindowEnd_IsNextBusinessDayAt10(string time)
    {
        var slot = _planner.NextGoodSlot(Jp($"2025-06-09 {time}"), null);

        Assert.Equal(new CallSlot(Jp("2025-06-10 10:00"), Jp("2025-06-10 12:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_FridayEvening_IsMondayMorning()
    {
        var slot = _planner.NextGoodSlot(Jp("2025-06-13 17:30"), null);

        Assert.Equal(Jp("2025-06-16 10:00"), slot.Start);
    }

    [Fact]
    public void NextGoodSlot_GoldenWeekSaturday_IsThursdayAfterTheHolidays()
    {
        // 2026-05-02 Sat, 05-03 Sun 憲法記念日, 05-04 みどりの日, 05-05 こどもの日, 05-06 振替休日.
        var slot = _planner.NextGoodSlot(Jp("2026-05-02 11:00"), null);

        Assert.Equal(Jp("2026-05-07 10:00"), slot.Start);
    }

    [Fact]
    public void NextGoodSlot_OtherOffset_IsConvertedToJapanTime()
    {
        // 01:07 UTC is 10:07 in Japan.
        var slot = _planner.NextGoodSlot(new DateTimeOffset(2025, 6, 9, 1, 7, 0, TimeSpan.Zero), null);

        Assert.Equal(Jp("2025-06-09 10:15"), slot.Start);
        Assert.Equal(Jst, slot.Start.Offset);
        Assert.Equal(Jst, slot.End.Offset);
    }

    [Fact]
    public void NextGoodSlot_OffsetCrossingDate_UsesJapanDate()
    {
        // Monday 20:00 in New York (-04:00) is Tuesday 09:00 in Japan.
        var slot = _planner.NextGoodSlot(new DateTimeOffset(2025, 6, 9, 20, 0, 0, TimeSpan.FromHours(-4)), null);

        Assert.Equal(Jp("2025-06-10 10:00"), slot.Start);
        Assert.Equal(Jst, slot.Start.Offset);
    }

    [Fact]
    public void NextGoodSlot_CompanyHours_UsesShiftedWindow()
    {
        var hours = new BusinessHours(new TimeOnly(8, 30), new TimeOnly(17, 30));

        Assert.Equal(new CallSlot(Jp("2025-06-09 09:30"), Jp("2025-06-09 12:00")), _planner.NextGoodSlot(Jp("2025-06-09 07:00"), hours));
        Assert.Equal(new CallSlot(Jp("2025-06-09 16:00"), Jp("2025-06-09 16:30")), _planner.NextGoodSlot(Jp("2025-06-09 15:55"), hours));
        Assert.Equal(new CallSlot(Jp("2025-06-10 09:30"), Jp("2025-06-10 12:00")), _planner.NextGoodSlot(Jp("2025-06-09 16:10"), hours));
        Assert.Equal(Jp("2025-06-10 09:30"), _planner.NextGoodSlot(Jp("2025-06-09 16:30"), hours).Start);
    }

    [Fact]
    public void NextGoodSlot_WindowStartingInLunch_StartsAt13()
    {
        // Window 12:30-15:00.
        var hours = new BusinessHours(new TimeOnly(11, 30), new TimeOnly(16, 0));

        var slot = _planner.NextGoodSlot(Jp("2025-06-09 08:00"), hours);

        Assert.Equal(new CallSlot(Jp("2025-06-09 13:00"), Jp("2025-06-09 15:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_MorningOnlyWindow_EndsAtWindowEndAndIsNarrow()
    {
        // Window 09:00-11:00 (the hours are too short to skip anything).
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(11, 0));

        var slot = _planner.NextGoodSlot(Jp("2025-06-09 08:00"), hours);

        Assert.Equal(new CallSlot(Jp("2025-06-09 09:00"), Jp("2025-06-09 11:00")) { Notes = CallSlotNotes.NarrowHours }, slot);
    }

    [Fact]
    public void NextGoodSlot_WindowInsideLunch_ThrowsInvalidOperation()
    {
        var hours = new BusinessHours(new TimeOnly(12, 0), new TimeOnly(13, 0));

        var exception = Assert.Throws<InvalidOperationException>(() => _planner.NextGoodSlot(Jp("2025-06-09 08:00"), hours));

        Assert.Contains("30 days", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextGoodSlot_CalendarWithoutBusinessDays_ThrowsInvalidOperation()
    {
        var planner = new CallWindowPlanner(new EveryDayHolidayCalendar());

        Assert.Throws<InvalidOperationException>(() => planner.NextGoodSlot(Jp("2025-06-09 08:00"), null));
    }

    [Fact]
    public void NextGoodSlot_DefaultHoursValue_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => _planner.NextGoodSlot(Jp("2025-06-09 08:00"), default(BusinessHours)));

        Assert.Equal("hours", exception.ParamName);
    }

    [Fact]
    public void NextGoodSlot_EverySevenMinutesOverTwoWeeks_IsGoodAndNotEarlier()
    {
        for (var at = Jp("2025-07-14 00:00"); at < Jp("2025-07-28 00:00"); at = at.AddMinutes(7))
        {
            var slot = _planner.NextGoodSlot(at, null);
            var check = _planner.Check(slot.Start, null);

            Assert.True(slot.Start >= at);
            Assert.True(slot.End > slot.Start);
            Assert.True(check.IsGood);
            Assert.Empty(check.Problems);
            Assert.Equal(0, slot.Start.Minute % 15);
        }
    }

    [Fact]
    public void Check_GoodTime_HasNoProblemAndNoSuggestion()
    {
        var check = _planner.Check(Jp("2025-06-09 16:59"), null);

        Assert.True(check.IsGood);
        Assert.False(check.HasSoftWarning);
        Assert.Empty(check.Problems);
        Assert.Null(check.Suggested);
    }

    [Fact]
    public void Check_AtWindowEnd_IsAfterWindow()
    {
        var check = _planner.Check(Jp("2025-06-09 17:00"), null);

        Assert.False(check.IsGood);
        Assert.Equal([CallTimeProblem.AfterWindow], check.Problems);
        Assert.Equal(Jp("2025-06-10 10:00"), check.Suggested?.Start);
    }

    [Fact]
    public void Check_BeforeWindow_SuggestsWindowStart()
    {
        var check = _planner.Check(Jp("2025-06-09 09:00"), null);

        Assert.False(check.IsGood);
        Assert.Equal([CallTimeProblem.BeforeWindow], check.Problems);
        Assert.Equal(new CallSlot(Jp("2025-06-09 10:00"), Jp("2025-06-09 12:00")), check.Suggested);
    }

    [Fact]
    public void Check_Lunch_IsGoodWithSoftWarningAndSuggests13()
    {
        var check = _planner.Check(Jp("2025-06-09 12:30"), null);

        Assert.True(check.IsGood);
        Assert.True(check.HasSoftWarning);
        Assert.Equal([CallTimeProblem.Lunch], check.Problems);
        Assert.Equal(new CallSlot(Jp("2025-06-09 13:00"), Jp("2025-06-09 17:00")), check.Suggested);
    }

    [Fact]
    public void Check_WeekdayHoliday_IsHolidayProblem()
    {
        var check = _planner.Check(Jp("2025-07-21 11:00"), null);

        Assert.False(check.IsGood);
        Assert.Equal([CallTimeProblem.Holiday], check.Problems);
        Assert.Equal(Jp("2025-07-22 10:00"), check.Suggested?.Start);
    }

    [Fact]
    public void Check_SundayHolidayEvening_ListsEveryProblemInOrder()
    {
        // 2025-11-23 is 勤労感謝の日 on a Sunday; the Monday after is its substitute holiday.
        var check = _planner.Check(Jp("2025-11-23 18:00"), null);

        Assert.False(check.IsGood);
        Assert.False(check.HasSoftWarning);
        Assert.Equal([CallTimeProblem.Weekend, CallTimeProblem.Holiday, CallTimeProblem.AfterWindow], check.Problems);
        Assert.Equal(Jp("2025-11-25 10:00"), check.Suggested?.Start);
    }

    [Fact]
    public void Check_SaturdayLunch_IsNotGoodAndHasSoftWarning()
    {
        var check = _planner.Check(Jp("2025-06-14 12:15"), null);

        Assert.False(check.IsGood);
        Assert.True(check.HasSoftWarning);
        Assert.Equal([CallTimeProblem.Weekend, CallTimeProblem.Lunch], check.Problems);
        Assert.Equal(Jp("2025-06-16 10:00"), check.Suggested?.Start);
    }

    [Fact]
    public void Check_OtherOffset_IsConvertedToJapanTime()
    {
        // 03:30 UTC is 12:30 in Japan.
        var check = _planner.Check(new DateTimeOffset(2025, 6, 9, 3, 30, 0, TimeSpan.Zero), null);

        Assert.Equal([CallTimeProblem.Lunch], check.Problems);
        Assert.Equal(Jp("2025-06-09 13:00"), check.Suggested?.Start);
    }

    [Fact]
    public void Check_CompanyHours_UsesShiftedWindow()
    {
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(18, 0));

        Assert.Equal([CallTimeProblem.BeforeWindow], _planner.Check(Jp("2025-06-09 09:59"), hours).Problems);
        Assert.Empty(_planner.Check(Jp("2025-06-09 10:00"), hours).Problems);
        Assert.Empty(_planner.Check(Jp("2025-06-09 16:59"), hours).Problems);
        Assert.Equal([CallTimeProblem.AfterWindow], _planner.Check(Jp("2025-06-09 17:00"), hours).Problems);
    }

    [Fact]
    public void Check_NoSlotWithin30Days_HasNoSuggestion()
    {
        var planner = new CallWindowPlanner(new EveryDayHolidayCalendar());

        var check = planner.Check(Jp("2025-06-09 11:00"), null);

        Assert.Equal([CallTimeProblem.Holiday], check.Problems);
        Assert.Null(check.Suggested);
    }

    [Fact]
    public void Check_SameInputTwice_GivesEqualResults()
    {
        var first = _planner.Check(Jp("2025-06-14 12:15"), null);
        var second = _planner.Check(Jp("2025-06-14 12:15"), null);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, _planner.Check(Jp("2025-06-09 12:30"), null));
    }

    [Fact]
    public void Constructor_NoCompanyCalendar_UsesDefault()
    {
        Assert.Same(DefaultCompanyCalendar.Instance, _planner.CompanyCalendar);
        Assert.Same(DefaultCompanyCalendar.Instance, new CallWindowPlanner(JapaneseHolidayCalendar.Instance, null).CompanyCalendar);
    }

    [Fact]
    public void WithCompanyCalendar_OtherCalendar_KeepsHolidaysAndLeavesOriginalUnchanged()
    {
        var company = new ClosedDatesCompanyCalendar([new DateOnly(2025, 6, 10)]);

        var planner = _planner.WithCompanyCalendar(company);

        Assert.NotSame(_planner, planner);
        Assert.Same(company, planner.CompanyCalendar);
        Assert.Same(DefaultCompanyCalendar.Instance, _planner.CompanyCalendar);
        Assert.False(planner.IsBusinessDay(new DateOnly(2025, 6, 10)));
        Assert.True(_planner.IsBusinessDay(new DateOnly(2025, 6, 10)));
        Assert.False(planner.IsBusinessDay(new DateOnly(2025, 7, 21))); // 海の日 still counts.
    }

    [Fact]
    public void WithCompanyCalendar_Null_ThrowsArgumentNull()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => _planner.WithCompanyCalendar(null!));

        Assert.Equal("companyCalendar", exception.ParamName);
    }

    [Theory]
    [InlineData("2025-12-26", true)] // Friday before the closure.
    [InlineData("2025-12-29", false)] // Monday, closed.
    [InlineData("2025-12-30", false)]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-05", true)] // Monday after the closure.
    [InlineData("2025-08-13", true)] // お盆 is only a warning.
    [InlineData("2025-08-15", true)]
    public void IsBusinessDay_DefaultCompanyCalendar_SkipsYearEndButNotObon(string date, bool expected)
    {
        Assert.Equal(expected, _planner.IsBusinessDay(Date(date)));
    }

    /// <summary>The first slot after the last working evening before each year-end closure, and the weekday it lands on.</summary>
    [Theory]
    [InlineData("2024-12-27 17:30", "2025-01-06")] // 4 January 2025 is a Saturday: Monday 6 January.
    [InlineData("2025-12-26 17:30", "2026-01-05")] // 4 January 2026 is a Sunday: Monday 5 January.
    [InlineData("2026-12-28 17:00", "2027-01-04")] // 1 January 2027 is a Friday; the closure ends on Sunday 3 January.
    [InlineData("2026-12-28 16:45", "2027-01-04")] // 16:45-17:00 is too short while 4 January has 10:00-12:00.
    [InlineData("2027-12-28 17:00", "2028-01-04")] // Tuesday 4 January 2028.
    [InlineData("2030-12-27 17:00", "2031-01-06")] // 4 January 2031 is a Saturday: Monday 6 January.
    [InlineData("2025-12-29 09:00", "2026-01-05")] // From inside the closure.
    [InlineData("2027-01-01 10:00", "2027-01-04")] // New Year's Day, a Friday.
    public void NextGoodSlot_YearEndClosure_IsFirstBusinessDayAfterIt(string after, string expectedDay)
    {
        var slot = _planner.NextGoodSlot(Jp(after), null);

        Assert.Equal(new CallSlot(Jp($"{expectedDay} 10:00"), Jp($"{expectedDay} 12:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_YearEndClosure_AgreesWithHolidayCalendarEveryYear()
    {
        var holidays = JapaneseHolidayCalendar.Instance;
        for (var year = 2000; year <= 2098; year++)
        {
            var expected = new DateOnly(year + 1, 1, 4);
            while (expected.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.IsHoliday(expected))
            {
                expected = expected.AddDays(1);
            }

            var slot = _planner.NextGoodSlot(Jp($"{year}-12-28 17:00"), null);

            Assert.Equal(new DateTimeOffset(expected.ToDateTime(new TimeOnly(10, 0)), Jst), slot.Start);
        }
    }

    [Fact]
    public void NextGoodSlot_ObonDay_IsPlannedWithOftenClosedNote()
    {
        // 2025-08-13 is a Wednesday in お盆.
        var slot = _planner.NextGoodSlot(Jp("2025-08-13 09:00"), null);

        Assert.Equal(new CallSlot(Jp("2025-08-13 10:00"), Jp("2025-08-13 12:00")) { Notes = CallSlotNotes.OftenClosedDay }, slot);
    }

    [Fact]
    public void NextGoodSlot_DayAfterObon_HasNoNote()
    {
        var slot = _planner.NextGoodSlot(Jp("2025-08-16 09:00"), null);

        Assert.Equal(new CallSlot(Jp("2025-08-18 10:00"), Jp("2025-08-18 12:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_ClosedDatesCalendar_ReplacesBothDefaults()
    {
        var planner = _planner.WithCompanyCalendar(new ClosedDatesCompanyCalendar([new DateOnly(2025, 6, 10)]));

        Assert.Equal(Jp("2025-06-11 10:00"), planner.NextGoodSlot(Jp("2025-06-09 17:00"), null).Start);
        Assert.Equal(new CallSlot(Jp("2025-12-30 10:00"), Jp("2025-12-30 12:00")), planner.NextGoodSlot(Jp("2025-12-30 09:00"), null));
        Assert.Equal(new CallSlot(Jp("2025-08-13 10:00"), Jp("2025-08-13 12:00")), planner.NextGoodSlot(Jp("2025-08-13 09:00"), null));
    }

    [Fact]
    public void NextGoodSlot_FridayAt1655_IsMondayMorningStretch()
    {
        var slot = _planner.NextGoodSlot(Jp("2025-06-13 16:55"), null);

        Assert.Equal(new CallSlot(Jp("2025-06-16 10:00"), Jp("2025-06-16 12:00")), slot);
    }

    [Theory]
    [InlineData("16:40")]
    [InlineData("16:55")]
    public void NextGoodSlot_FridayLateBeforeHolidayMonday_IsTuesdayMorningStretch(string time)
    {
        // 2025-07-21 is 海の日.
        var slot = _planner.NextGoodSlot(Jp($"2025-07-18 {time}"), null);

        Assert.Equal(new CallSlot(Jp("2025-07-22 10:00"), Jp("2025-07-22 12:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_MondayAt1145_IsAfternoonNotQuarterBeforeLunch()
    {
        var slot = _planner.NextGoodSlot(Jp("2025-06-09 11:45"), null);

        Assert.Equal(new CallSlot(Jp("2025-06-09 13:00"), Jp("2025-06-09 17:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_ShortStretchBeforeLongClosure_IsOfferedWithShortStretchNote()
    {
        // Closed from the next day for 40 days: nothing better within reach.
        var planner = _planner.WithCompanyCalendar(new ClosedDatesCompanyCalendar(Enumerable.Range(1, 40).Select(d => new DateOnly(2025, 6, 9).AddDays(d))));

        var slot = planner.NextGoodSlot(Jp("2025-06-09 16:40"), null);

        Assert.Equal(new CallSlot(Jp("2025-06-09 16:45"), Jp("2025-06-09 17:00")) { Notes = CallSlotNotes.ShortStretch }, slot);
    }

    [Fact]
    public void NextGoodSlot_ShortStretchBeforeShortClosure_IsFirstDayAfterClosure()
    {
        // Closed for five days; the next business day, after the closure, has a full morning.
        var planner = _planner.WithCompanyCalendar(new ClosedDatesCompanyCalendar(Enumerable.Range(1, 5).Select(d => new DateOnly(2025, 6, 9).AddDays(d))));

        var slot = planner.NextGoodSlot(Jp("2025-06-09 16:40"), null);

        Assert.Equal(new CallSlot(Jp("2025-06-16 10:00"), Jp("2025-06-16 12:00")), slot);
    }

    [Fact]
    public void NextGoodSlot_OnlyShortStretchesEveryDay_IsFirstShortStretch()
    {
        // 11:45-13:15 leaves 11:45-12:00 and 13:00-13:15, every day.
        var hours = new BusinessHours(new TimeOnly(11, 45), new TimeOnly(13, 15));

        var slot = _planner.NextGoodSlot(Jp("2025-06-09 08:00"), hours);

        Assert.Equal(new CallSlot(Jp("2025-06-09 11:45"), Jp("2025-06-09 12:00")) { Notes = CallSlotNotes.NarrowHours | CallSlotNotes.ShortStretch }, slot);
    }

    [Fact]
    public void NextGoodSlot_QuarterHourOpening_IsShortAndNarrow()
    {
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(9, 15));

        var slot = _planner.NextGoodSlot(Jp("2025-06-09 09:05"), hours);

        Assert.Equal(new CallSlot(Jp("2025-06-10 09:00"), Jp("2025-06-10 09:15")) { Notes = CallSlotNotes.NarrowHours | CallSlotNotes.ShortStretch }, slot);
    }

    [Theory]
    [InlineData("08:00", "2025-06-09 11:00", "2025-06-09 12:00")]
    [InlineData("12:30", "2025-06-09 13:00", "2025-06-09 14:00")]
    [InlineData("13:50", "2025-06-10 11:00", "2025-06-10 12:00")] // 13:50-14:00 is too short.
    public void NextGoodSlot_NarrowHours11To14_UsesWholeHoursWithNarrowNote(string after, string start, string end)
    {
        var hours = new BusinessHours(new TimeOnly(11, 0), new TimeOnly(14, 0));

        var slot = _planner.NextGoodSlot(Jp($"2025-06-09 {after}"), hours);

        Assert.Equal(new CallSlot(Jp(start), Jp(end)) { Notes = CallSlotNotes.NarrowHours }, slot);
    }

    [Fact]
    public void NextGoodSlot_MarginsLeaveExactlyHalfAnHour_KeepsMarginsWithoutNote()
    {
        // 10:00-12:30 less the margins is 11:00-11:30.
        var hours = new BusinessHours(new TimeOnly(10, 0), new TimeOnly(12, 30));

        var slot = _planner.NextGoodSlot(Jp("2025-06-09 08:00"), hours);

        Assert.Equal(new CallSlot(Jp("2025-06-09 11:00"), Jp("2025-06-09 11:30")), slot);
    }

    [Fact]
    public void NextGoodSlot_EveryFiveMinutesOverAYear_StaysInsideOneStretchOfOneBusinessDay()
    {
        var hours = new BusinessHours(new TimeOnly(8, 30), new TimeOnly(17, 30));
        for (var at = Jp("2025-01-01 00:00"); at < Jp("2026-01-10 00:00"); at = at.AddMinutes(5))
        {
            foreach (var known in new BusinessHours?[] { null, hours })
            {
                var slot = _planner.NextGoodSlot(at, known);
                var day = DateOnly.FromDateTime(slot.Start.DateTime);

                Assert.True(slot.Start >= at);
                Assert.True(slot.End > slot.Start);
                Assert.Equal(day, DateOnly.FromDateTime(slot.End.DateTime));
                Assert.True(_planner.IsBusinessDay(day));
                Assert.False(slot.Start.TimeOfDay < new TimeSpan(13, 0, 0) && slot.End.TimeOfDay > new TimeSpan(12, 0, 0), $"{slot} runs into lunch.");
                Assert.Equal(CallSlotNotes.None, slot.Notes & CallSlotNotes.ShortStretch);
                Assert.True(_planner.Check(slot.Start, known).IsGood);
            }
        }
    }

    [Theory]
    [InlineData("2025-06-09 10:30", "2025-06-09 12:00", CallSlotNotes.None)]
    [InlineData("2025-06-09 10:07:30", "2025-06-09 12:00", CallSlotNotes.None)] // Not rounded.
    [InlineData("2025-06-09 13:00", "2025-06-09 17:00", CallSlotNotes.None)]
    [InlineData("2025-06-09 11:45", "2025-06-09 12:00", CallSlotNotes.ShortStretch)]
    [InlineData("2025-06-09 16:55", "2025-06-09 17:00", CallSlotNotes.ShortStretch)]
    [InlineData("2025-08-14 14:00", "2025-08-14 17:00", CallSlotNotes.OftenClosedDay)]
    public void TryGetStretch_InsideGoodStretch_ReturnsRestOfStretch(string at, string end, CallSlotNotes notes)
    {
        Assert.True(_planner.TryGetStretch(Jp(at), null, out var slot));

        Assert.Equal(new CallSlot(Jp(at), Jp(end)) { Notes = notes }, slot);
    }

    [Theory]
    [InlineData("2025-06-09 12:30")] // Lunch.
    [InlineData("2025-06-09 12:00")]
    [InlineData("2025-06-09 09:59")] // Before the window.
    [InlineData("2025-06-09 17:00")] // At its end.
    [InlineData("2025-06-14 10:30")] // Saturday.
    [InlineData("2025-07-21 10:30")] // 海の日.
    [InlineData("2025-12-30 10:30")] // Year-end closure.
    public void TryGetStretch_OutsideGoodStretch_ReturnsFalse(string at)
    {
        Assert.False(_planner.TryGetStretch(Jp(at), null, out var slot));
        Assert.Equal(default, slot);
    }

    [Fact]
    public void TryGetStretch_OtherOffset_IsConvertedToJapanTime()
    {
        // 01:30 UTC is 10:30 in Japan.
        Assert.True(_planner.TryGetStretch(new DateTimeOffset(2025, 6, 9, 1, 30, 0, TimeSpan.Zero), null, out var slot));

        Assert.Equal(new CallSlot(Jp("2025-06-09 10:30"), Jp("2025-06-09 12:00")), slot);
        Assert.Equal(Jst, slot.Start.Offset);
    }

    [Fact]
    public void TryGetStretch_NarrowHours_HasNarrowNote()
    {
        var hours = new BusinessHours(new TimeOnly(11, 0), new TimeOnly(14, 0));

        Assert.True(_planner.TryGetStretch(Jp("2025-06-09 13:30"), hours, out var slot));

        Assert.Equal(new CallSlot(Jp("2025-06-09 13:30"), Jp("2025-06-09 14:00")) { Notes = CallSlotNotes.NarrowHours }, slot);
    }

    [Fact]
    public void TryGetStretch_DefaultHoursValue_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => _planner.TryGetStretch(Jp("2025-06-09 10:30"), default(BusinessHours), out _));

        Assert.Equal("hours", exception.ParamName);
    }

    [Fact]
    public void Check_YearEndWeekday_IsCompanyClosedAndSuggestsFirstDayAfter()
    {
        var check = _planner.Check(Jp("2025-12-30 11:00"), null);

        Assert.False(check.IsGood);
        Assert.False(check.HasSoftWarning);
        Assert.Equal([CallTimeProblem.CompanyClosed], check.Problems);
        Assert.Equal(new CallSlot(Jp("2026-01-05 10:00"), Jp("2026-01-05 12:00")), check.Suggested);
    }

    [Fact]
    public void Check_NewYearsDayLunch_ListsEveryProblemInOrder()
    {
        var check = _planner.Check(Jp("2026-01-01 12:10"), null);

        Assert.False(check.IsGood);
        Assert.True(check.HasSoftWarning);
        Assert.Equal([CallTimeProblem.Holiday, CallTimeProblem.Lunch, CallTimeProblem.CompanyClosed], check.Problems);
    }

    [Fact]
    public void Check_ObonMorning_IsGoodWithSoftWarning()
    {
        var check = _planner.Check(Jp("2025-08-14 10:30"), null);

        Assert.True(check.IsGood);
        Assert.True(check.HasSoftWarning);
        Assert.Equal([CallTimeProblem.OftenClosed], check.Problems);
        Assert.Equal(new CallSlot(Jp("2025-08-14 10:30"), Jp("2025-08-14 12:00")) { Notes = CallSlotNotes.OftenClosedDay }, check.Suggested);
    }

    [Fact]
    public void Check_ObonLunch_HasBothSoftProblems()
    {
        var check = _planner.Check(Jp("2025-08-14 12:30"), null);

        Assert.True(check.IsGood);
        Assert.Equal([CallTimeProblem.Lunch, CallTimeProblem.OftenClosed], check.Problems);
    }

    [Fact]
    public void Check_ClosedDatesCalendar_ReportsOwnDaysOnly()
    {
        var planner = _planner.WithCompanyCalendar(new ClosedDatesCompanyCalendar([new DateOnly(2025, 6, 10)]));

        Assert.Equal([CallTimeProblem.CompanyClosed], planner.Check(Jp("2025-06-10 11:00"), null).Problems);
        Assert.Empty(planner.Check(Jp("2025-12-30 11:00"), null).Problems);
        Assert.Empty(planner.Check(Jp("2025-08-14 11:00"), null).Problems);
    }

    [Fact]
    public void Check_NarrowHours11To14_AcceptsTheirFirstHour()
    {
        var hours = new BusinessHours(new TimeOnly(11, 0), new TimeOnly(14, 0));

        Assert.Empty(_planner.Check(Jp("2025-06-09 11:15"), hours).Problems);
        Assert.Equal([CallTimeProblem.AfterWindow], _planner.Check(Jp("2025-06-09 14:00"), hours).Problems);
    }

    [Fact]
    public void BusinessHours_Constructor_KeepsTimes()
    {
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(18, 0));

        Assert.Equal(new TimeOnly(9, 0), hours.Opens);
        Assert.Equal(new TimeOnly(18, 0), hours.Closes);
    }

    [Theory]
    [InlineData("18:00", "09:00")]
    [InlineData("09:00", "09:00")]
    public void BusinessHours_OpensNotBeforeCloses_ThrowsArgumentException(string opens, string closes)
    {
        var exception = Assert.Throws<ArgumentException>(() => new BusinessHours(Time(opens), Time(closes)));

        Assert.Equal("opens", exception.ParamName);
    }

    [Fact]
    public void BusinessHours_WithInvalidOpens_ThrowsArgumentException()
    {
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(18, 0));

        var exception = Assert.Throws<ArgumentException>(() => hours with { Opens = new TimeOnly(18, 0) });

        Assert.Equal("Opens", exception.ParamName);
    }

    [Fact]
    public void BusinessHours_WithInvalidCloses_ThrowsArgumentException()
    {
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(18, 0));

        var exception = Assert.Throws<ArgumentException>(() => hours with { Closes = new TimeOnly(8, 0) });

        Assert.Equal("Closes", exception.ParamName);
    }

    [Fact]
    public void BusinessHours_WithValidChange_KeepsOtherTime()
    {
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(18, 0));

        var later = hours with { Closes = new TimeOnly(19, 0) };

        Assert.Equal(new BusinessHours(new TimeOnly(9, 0), new TimeOnly(19, 0)), later);
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly Time(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset Jp(string value)
    {
        var format = value.Length > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
        var local = DateTime.ParseExact(value, format, CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Jst);
    }

    private sealed class EveryDayHolidayCalendar : IHolidayCalendar
    {
        public bool IsHoliday(DateOnly day) => true;

        public bool TryGetHoliday(DateOnly day, out Holiday holiday)
        {
            holiday = new Holiday(day, "休日", "Holiday");
            return true;
        }
    }
}
