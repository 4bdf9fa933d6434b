namespace OfferRules.Scheduling;

/// <summary>Tells which days are public holidays.</summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface IHolidayCalendar
{
    /// <summary>Tells whether a day is a public holiday.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns><see langword="true"/> if <paramref name="day"/> is a public holiday; otherwise <see langword="false"/>.</returns>
    bool IsHoliday(DateOnly day);

    /// <summary>Gets the holiday that falls on a day, if there is one.</summary>
    /// <param name="day">The day to look at.</param>
    /// <param name="holiday">When this method returns <see langword="true"/>, the holiday on <paramref name="day"/>; otherwise the default value.</param>
    /// <returns><see langword="true"/> if <paramref name="day"/> is a public holiday; otherwise <see langword="false"/>.</returns>
    bool TryGetHoliday(DateOnly day, out Holiday holiday);

    /// <summary>Tells whether the calendar knows the holidays of a day's year.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns>
    /// <see langword="true"/> if the calendar knows whether <paramref name="day"/> is a holiday; <see langword="false"/> if it
    /// reports the day as ordinary only because it lies outside the years it covers. A plan that uses such a day says so.
    /// The default implementation returns <see langword="true"/>.
    /// </returns>
    bool Covers(DateOnly day) => true;
}
