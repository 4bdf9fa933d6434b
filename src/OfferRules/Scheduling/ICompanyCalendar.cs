namespace OfferRules.Scheduling;

/// <summary>Tells which days a company is closed, beyond weekends and public holidays.</summary>
/// <remarks>
/// <para>
/// A closed day (<see cref="IsClosed(DateOnly)"/>) is a hard stop: <see cref="CallWindowPlanner"/> never plans a call
/// on it. An often-closed day (<see cref="IsOftenClosed(DateOnly)"/>) is soft: a call may be planned on it, with a
/// warning to call only if the company is known to be open that day.
/// </para>
/// <para>Implementations must be thread-safe.</para>
/// </remarks>
public interface ICompanyCalendar
{
    /// <summary>Tells whether the company is closed on a day.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns><see langword="true"/> if the company is closed on <paramref name="day"/>, so no call is planned then; otherwise <see langword="false"/>.</returns>
    bool IsClosed(DateOnly day);

    /// <summary>Tells whether many companies close on a day, so that a call then may find nobody in.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns><see langword="true"/> if a call on <paramref name="day"/> needs a warning; otherwise <see langword="false"/>.</returns>
    bool IsOftenClosed(DateOnly day);
}
