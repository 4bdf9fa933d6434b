namespace OfferRules.Scheduling;

/// <summary>A stretch of time that is good for phoning a company, in Japan time (offset +09:00).</summary>
/// <param name="Start">The first good moment.</param>
/// <param name="End">The end of the stretch (exclusive): the start of the lunch hour or the end of the day's window.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct CallSlot(DateTimeOffset Start, DateTimeOffset End);
