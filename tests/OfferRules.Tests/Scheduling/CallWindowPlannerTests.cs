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
    [InlineData("11:45", "11:45", "12:00")]
    [InlineData("12:30", "13:00", "17:00")]
    [InlineData("12:59", "13:00", "17:00")]
    [InlineData("13:00", "13:00", "17:00")]
    [InlineData("16:44", "16:45", "17:00")]
    public void NextGoodSlot_InsideWindow_RoundsUpToQuarterAndSkipsLunch(string time, string start, string end)
    {
        var slot = _planner.NextGoodSlot(Jp($"2025-06-09 {time}"), null);

        Assert.Equal(new CallSlot(Jp($"2025-06-09 {start}"), Jp($"2025-06-09 {end}")), slot);
    }

    [Theory]
    [InlineData("16:59")] // Rounds to 17:00, which is outside the window.
    [InlineData("17:00")]
    [InlineData("23:59")]
    public void NextGoodSlot_AtOrNearWindowEnd_IsNextBusinessDayAt10(string time)
    {
        var slot = _planner.NextGoodSlot(Jp($"2025-06-09 {time}"), null);

        Assert.Equal(Jp("2025-06-10 10:00"), slot.Start);
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
        Assert.Equal(new CallSlot(Jp("2025-06-09 16:15"), Jp("2025-06-09 16:30")), _planner.NextGoodSlot(Jp("2025-06-09 16:10"), hours));
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
    public void NextGoodSlot_MorningOnlyWindow_EndsAtWindowEnd()
    {
        // Window 09:00-11:00 (the hours are too short to skip anything).
        var hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(11, 0));

        var slot = _planner.NextGoodSlot(Jp("2025-06-09 08:00"), hours);

        Assert.Equal(new CallSlot(Jp("2025-06-09 09:00"), Jp("2025-06-09 11:00")), slot);
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
