namespace OfferRules.Scheduling;

/// <summary>What a caller should know about a <see cref="CallSlot"/> that is not an ordinary good stretch.</summary>
[Flags]
public enum CallSlotNotes
{
    /// <summary>An ordinary slot: nothing to note.</summary>
    None = 0,

    /// <summary>
    /// The slot uses the company's first or last hour of business: its opening hours are too narrow to leave a good
    /// stretch of at least 30 minutes after the usual margins, so the whole of the opening hours is used.
    /// </summary>
    NarrowHours = 1,

    /// <summary>
    /// The slot's day is one on which many companies close (<see cref="ICompanyCalendar.IsOftenClosed(DateOnly)"/>,
    /// such as お盆): call only if the company is known to be open.
    /// </summary>
    OftenClosedDay = 2,

    /// <summary>The slot is shorter than 30 minutes, because no longer stretch was found soon enough.</summary>
    ShortStretch = 4,
}
