using System.Globalization;
using OfferRules.Scheduling;

namespace OfferRules.Tests.Scheduling;

public sealed class DefaultCompanyCalendarTests
{
    private readonly DefaultCompanyCalendar _calendar = DefaultCompanyCalendar.Instance;

    public static TheoryData<int> YearEnds => [2024, 2025, 2026, 2027, 2030];

    [Fact]
    public void Instance_TwoReads_AreTheSameObject()
    {
        Assert.Same(DefaultCompanyCalendar.Instance, DefaultCompanyCalendar.Instance);
    }

    [Theory]
    [MemberData(nameof(YearEnds))]
    public void IsClosed_YearEnd_Is29DecemberTo3JanuaryInclusive(int year)
    {
        var closed = new List<DateOnly>();
        for (var day = new DateOnly(year, 12, 20); day <= new DateOnly(year + 1, 1, 10); day = day.AddDays(1))
        {
            if (_calendar.IsClosed(day))
            {
                closed.Add(day);
            }
        }

        Assert.Equal(
            [
                new DateOnly(year, 12, 29), new DateOnly(year, 12, 30), new DateOnly(year, 12, 31),
                new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 1, 2), new DateOnly(year + 1, 1, 3),
            ],
            closed);
    }

    [Theory]
    [InlineData("2025-08-12", false)]
    [InlineData("2025-08-13", true)]
    [InlineData("2025-08-14", true)]
    [InlineData("2025-08-15", true)]
    [InlineData("2025-08-16", true)]
    [InlineData("2025-08-17", false)]
    [InlineData("2030-08-13", true)]
    [InlineData("2025-12-30", false)] // Closed, not "often closed".
    public void IsOftenClosed_Date_IsObonOnly(string date, bool expected)
    {
        Assert.Equal(expected, _calendar.IsOftenClosed(Date(date)));
    }

    [Fact]
    public void IsClosedAndIsOftenClosed_EveryDayOfALeapYear_OnlyYearEndAndObon()
    {
        var closed = 0;
        var often = 0;
        for (var day = new DateOnly(2028, 1, 1); day.Year == 2028; day = day.AddDays(1))
        {
            closed += _calendar.IsClosed(day) ? 1 : 0;
            often += _calendar.IsOftenClosed(day) ? 1 : 0;
            Assert.False(_calendar.IsClosed(day) && _calendar.IsOftenClosed(day), day.ToString("O", CultureInfo.InvariantCulture));
        }

        Assert.Equal(6, closed);
        Assert.Equal(4, often);
    }

    [Fact]
    public void IsClosed_EndsOfTheCalendar_DoNotThrow()
    {
        Assert.True(_calendar.IsClosed(DateOnly.MinValue));
        Assert.True(_calendar.IsClosed(DateOnly.MaxValue));
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
