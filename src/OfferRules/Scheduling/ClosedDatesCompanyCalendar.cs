using System.Collections.Frozen;

namespace OfferRules.Scheduling;

/// <summary>A company's own closed days, given date by date.</summary>
/// <remarks>
/// This calendar replaces <see cref="DefaultCompanyCalendar"/>: a company that lists its own closed days is closed
/// exactly on them, so it gets neither the year-end closure nor the お盆 warning unless it lists those days itself.
/// <see cref="IsOftenClosed(DateOnly)"/> is always <see langword="false"/>. This type is immutable and thread-safe.
/// </remarks>
public sealed class ClosedDatesCompanyCalendar : ICompanyCalendar
{
    private readonly FrozenSet<DateOnly> _closed;

    /// <summary>Initializes a new instance of the <see cref="ClosedDatesCompanyCalendar"/> class.</summary>
    /// <param name="closedDates">The days the company is closed, in any order; repeats are ignored. The sequence is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="closedDates"/> is <see langword="null"/>.</exception>
    public ClosedDatesCompanyCalendar(IEnumerable<DateOnly> closedDates)
    {
        ArgumentNullException.ThrowIfNull(closedDates);
        _closed = closedDates.ToFrozenSet();
    }

    /// <summary>Tells whether a day is one of the company's closed days.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns><see langword="true"/> if <paramref name="day"/> was given to the constructor; otherwise <see langword="false"/>.</returns>
    public bool IsClosed(DateOnly day) => _closed.Contains(day);

    /// <summary>Always returns <see langword="false"/>: the company's own list says exactly when it is closed.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns><see langword="false"/>.</returns>
    public bool IsOftenClosed(DateOnly day) => false;
}
