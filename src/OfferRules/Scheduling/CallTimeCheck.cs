namespace OfferRules.Scheduling;

/// <summary>The verdict on a planned call time, from <see cref="CallWindowPlanner.Check(DateTimeOffset, BusinessHours?)"/>.</summary>
/// <remarks>
/// <para>
/// <see cref="CallTimeProblem.Lunch"/> and <see cref="CallTimeProblem.OftenClosed"/> are soft problems: a time
/// whose only problems are soft is still good (<see cref="IsGood"/> is <see langword="true"/>), but
/// <see cref="HasSoftWarning"/> is set and <see cref="Suggested"/> offers the next good slot. Any other problem
/// (<see cref="CallTimeProblem.CompanyClosed"/> among them) makes the time not good.
/// </para>
/// <para>Two checks are equal when they have the same problems in the same order and the same suggestion. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record CallTimeCheck
{
    internal CallTimeCheck(IReadOnlyList<CallTimeProblem> problems, CallSlot? suggested)
    {
        Problems = problems;
        Suggested = suggested;
        var hard = false;
        var soft = false;
        foreach (var problem in problems)
        {
            if (problem is CallTimeProblem.Lunch or CallTimeProblem.OftenClosed)
            {
                soft = true;
            }
            else
            {
                hard = true;
            }
        }

        IsGood = !hard;
        HasSoftWarning = soft;
    }

    /// <summary>
    /// Gets a value indicating whether the planned time is fine for a call: no problem other than, possibly, the soft
    /// ones, <see cref="CallTimeProblem.Lunch"/> and <see cref="CallTimeProblem.OftenClosed"/>.
    /// </summary>
    public bool IsGood { get; }

    /// <summary>
    /// Gets a value indicating whether there is a soft problem (<see cref="CallTimeProblem.Lunch"/> or
    /// <see cref="CallTimeProblem.OftenClosed"/>) that does not by itself make the time bad.
    /// </summary>
    public bool HasSoftWarning { get; }

    /// <summary>Gets every problem found with the planned time, hard and soft, in the order of <see cref="CallTimeProblem"/>; empty when there is none.</summary>
    public IReadOnlyList<CallTimeProblem> Problems { get; }

    /// <summary>
    /// Gets the next good slot at or after the planned time when there is any problem (including a soft one);
    /// <see langword="null"/> when the planned time has no problem at all.
    /// </summary>
    public CallSlot? Suggested { get; }

    /// <inheritdoc/>
    public bool Equals(CallTimeCheck? other) =>
        other is not null
        && Suggested == other.Suggested
        && Problems.SequenceEqual(other.Problems);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Suggested);
        foreach (var problem in Problems)
        {
            hash.Add(problem);
        }

        return hash.ToHashCode();
    }
}
