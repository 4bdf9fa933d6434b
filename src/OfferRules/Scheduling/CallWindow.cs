using System.Diagnostics.CodeAnalysis;

namespace OfferRules.Scheduling;

/// <summary>The good time to phone a company on one day, in Japan time.</summary>
/// <param name="Date">The day.</param>
/// <param name="Start">The start of the window (inclusive).</param>
/// <param name="End">The end of the window (exclusive).</param>
/// <remarks>
/// The lunch hour, <see cref="LunchStart"/> to <see cref="LunchEnd"/>, lies inside the window on most days;
/// calls then are possible but best avoided. This type is immutable and thread-safe.
/// </remarks>
public readonly record struct CallWindow(DateOnly Date, TimeOnly Start, TimeOnly End)
{
    /// <summary>Gets the start of the lunch hour (inclusive): 12:00.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read from a window value, next to Start and End.")]
    public TimeOnly LunchStart => CallWindowPlanner.LunchStart;

    /// <summary>Gets the end of the lunch hour (exclusive): 13:00.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read from a window value, next to Start and End.")]
    public TimeOnly LunchEnd => CallWindowPlanner.LunchEnd;
}
