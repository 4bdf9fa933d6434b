namespace OfferRules.Scheduling;

/// <summary>A stretch of time that is good for phoning a company, in Japan time (offset +09:00).</summary>
/// <param name="Start">The first good moment.</param>
/// <param name="End">
/// The end of the stretch (exclusive): the start of the lunch hour or the end of the day's window. It is always on
/// the same day as <paramref name="Start"/>.
/// </param>
/// <remarks>
/// Two slots are equal when their start, end and <see cref="Notes"/> are equal. This type is immutable and thread-safe.
/// </remarks>
public readonly record struct CallSlot(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Gets what is unusual about the slot (narrow hours, an often-closed day, a short stretch); <see cref="CallSlotNotes.None"/> for an ordinary slot.</summary>
    public CallSlotNotes Notes { get; init; }
}
