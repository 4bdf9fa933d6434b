namespace OfferRules.Scheduling;

/// <summary>A reason why a planned call time is not ideal.</summary>
/// <remarks>
/// <see cref="Lunch"/> and <see cref="OftenClosed"/> are soft problems: the call is possible but needs a warning.
/// Every other member is hard: the time is not good for a call.
/// </remarks>
public enum CallTimeProblem
{
    /// <summary>The day is a Saturday or a Sunday.</summary>
    Weekend = 1,

    /// <summary>The day is a public holiday.</summary>
    Holiday,

    /// <summary>The time is before the day's calling window.</summary>
    BeforeWindow,

    /// <summary>The time is at or after the end of the day's calling window.</summary>
    AfterWindow,

    /// <summary>The time is in the lunch hour (12:00 to 13:00). This is a soft problem: the call is possible but best moved.</summary>
    Lunch,

    /// <summary>The company is closed that day (<see cref="ICompanyCalendar.IsClosed(DateOnly)"/>, such as the year-end closure). This is a hard problem.</summary>
    CompanyClosed,

    /// <summary>
    /// Many companies close that day (<see cref="ICompanyCalendar.IsOftenClosed(DateOnly)"/>, such as お盆). This is a
    /// soft problem: call only if the company is known to be open.
    /// </summary>
    OftenClosed,
}
