namespace OfferRules.Scheduling;

/// <summary>A reason why a planned call time is not ideal.</summary>
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
}
