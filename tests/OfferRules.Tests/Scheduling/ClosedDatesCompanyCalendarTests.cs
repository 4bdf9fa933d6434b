using OfferRules.Scheduling;

namespace OfferRules.Tests.Scheduling;

public sealed class ClosedDatesCompanyCalendarTests
{
    [Fact]
    public void Constructor_Null_ThrowsArgumentNull()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new ClosedDatesCompanyCalendar(null!));

        Assert.Equal("closedDates", exception.ParamName);
    }

    [Fact]
    public void IsClosed_GivenDates_ClosedExactlyOnThem()
    {
        var calendar = new ClosedDatesCompanyCalendar([new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 28)]);

        Assert.True(calendar.IsClosed(new DateOnly(2026, 12, 28)));
        Assert.True(calendar.IsClosed(new DateOnly(2027, 1, 4)));
        Assert.False(calendar.IsClosed(new DateOnly(2026, 12, 29)));
        Assert.False(calendar.IsClosed(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void IsClosedAndIsOftenClosed_ReplaceTheDefaults()
    {
        var calendar = new ClosedDatesCompanyCalendar([]);

        Assert.False(calendar.IsClosed(new DateOnly(2025, 12, 30)));
        Assert.False(calendar.IsOftenClosed(new DateOnly(2025, 8, 14)));
    }

    [Fact]
    public void Constructor_SourceChangedLater_KeepsItsOwnCopy()
    {
        var dates = new List<DateOnly> { new(2025, 6, 10) };
        var calendar = new ClosedDatesCompanyCalendar(dates);

        dates.Add(new DateOnly(2025, 6, 11));

        Assert.False(calendar.IsClosed(new DateOnly(2025, 6, 11)));
    }

    [Fact]
    public void IsClosed_ManyThreads_AgreeWithTheList()
    {
        var dates = Enumerable.Range(0, 500).Select(i => new DateOnly(2025, 1, 1).AddDays(i * 2)).ToArray();
        var calendar = new ClosedDatesCompanyCalendar(dates);

        Parallel.For(0, 2000, i =>
        {
            var day = new DateOnly(2025, 1, 1).AddDays(i % 1000);
            Assert.Equal(i % 1000 % 2 == 0, calendar.IsClosed(day));
        });
    }
}
