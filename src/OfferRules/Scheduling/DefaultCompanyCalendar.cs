namespace OfferRules.Scheduling;

/// <summary>
/// The closures most Japanese companies keep: closed over the year-end and New Year holidays (年末年始),
/// 29 December to 3 January inclusive, and often closed for お盆, 13 to 16 August inclusive.
/// </summary>
/// <remarks>
/// Nothing else is closed: weekends and public holidays are the holiday calendar's concern. The same days apply in
/// every year. This type is immutable and thread-safe.
/// </remarks>
public sealed class DefaultCompanyCalendar : ICompanyCalendar
{
    private DefaultCompanyCalendar()
    {
    }

    /// <summary>Gets the shared instance.</summary>
    public static DefaultCompanyCalendar Instance { get; } = new();

    /// <summary>Tells whether a day falls in the year-end closure, 29 December to 3 January inclusive.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns><see langword="true"/> from 29 December to 31 December and from 1 January to 3 January; otherwise <see langword="false"/>.</returns>
    public bool IsClosed(DateOnly day) => day.Month switch
    {
        12 => day.Day >= 29,
        1 => day.Day <= 3,
        _ => false,
    };

    /// <summary>Tells whether a day falls in お盆, 13 to 16 August inclusive, when many companies close.</summary>
    /// <param name="day">The day to look at.</param>
    /// <returns><see langword="true"/> from 13 August to 16 August; otherwise <see langword="false"/>.</returns>
    public bool IsOftenClosed(DateOnly day) => day.Month == 8 && day.Day is >= 13 and <= 16;
}
