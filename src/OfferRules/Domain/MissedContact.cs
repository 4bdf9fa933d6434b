using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>The facts of a <see cref="CaseKind.MissedEmployerContact"/> case: the candidate missed the employer's calls after an interview.</summary>
/// <remarks>This type is immutable and thread-safe. Its invariants are checked on every assignment, including through <see langword="with"/>.</remarks>
public sealed record MissedContact
{
    /// <summary>Gets a missed-contact record about which nothing is known.</summary>
    public static MissedContact Unknown { get; } = new();

    /// <summary>Gets the date of the interview.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900-01-01 or after 2999-12-31.</exception>
    public DateOnly? InterviewedOn { get; init => field = Guard.SupportedDate(value, nameof(InterviewedOn)); }

    /// <summary>Gets the date of the first missed call from the employer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900-01-01 or after 2999-12-31.</exception>
    public DateOnly? FirstMissedCallOn { get; init => field = Guard.SupportedDate(value, nameof(FirstMissedCallOn)); }

    /// <summary>Gets why the calls were missed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="MissedContactCause"/>.</exception>
    public MissedContactCause Cause { get; init => field = Guard.Defined(value, nameof(Cause)); }

    /// <summary>Gets whether the employer has said that the position is filled.</summary>
    public bool? EmployerSaidPositionFilled { get; init; }

    /// <summary>Gets the moment the candidate plans to call back.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date in Japan is before 1900-01-01 or after 2999-12-31.</exception>
    public DateTimeOffset? PlannedCallAt { get; init => field = Guard.SupportedInstant(value, nameof(PlannedCallAt)); }

    /// <summary>Gets how the candidate plans to respond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="MissedContactChannel"/>.</exception>
    public MissedContactChannel PlannedChannel { get; init => field = Guard.Defined(value, nameof(PlannedChannel)); }

    /// <summary>Gets whether the candidate can offer a second way to reach them.</summary>
    public bool? HasBackupContact { get; init; }
}
