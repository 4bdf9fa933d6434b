using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>What is known about the company's side now. Every fact is optional: <see langword="null"/> or an <c>Unknown</c> member means "not known".</summary>
/// <remarks>This type is immutable and thread-safe. Its invariants are checked on every assignment, including through <see langword="with"/>.</remarks>
public sealed record CompanyContext
{
    /// <summary>Gets a company context about which nothing is known.</summary>
    public static CompanyContext Unknown { get; } = new();

    /// <summary>Gets whether the company still has a seat for the role.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Domain.SeatStatus"/>.</exception>
    public SeatStatus SeatStatus { get; init => field = Guard.Defined(value, nameof(SeatStatus)); }

    /// <summary>Gets whether the company has already offered the seat to another candidate.</summary>
    public bool? SeatOfferedToOther { get; init; }

    /// <summary>Gets whether the company has said that its rules do not allow taking back a candidate who declined.</summary>
    public bool? PolicyForbidsReinstatement { get; init; }

    /// <summary>Gets how the company's need to hire has moved since the decline.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Domain.HiringNeedTrend"/>.</exception>
    public HiringNeedTrend HiringNeedTrend { get; init => field = Guard.Defined(value, nameof(HiringNeedTrend)); }

    /// <summary>Gets whether the company pressed the candidate to decline, or rescinded the offer unfairly.</summary>
    public bool? UnfairPressureOrRescission { get; init; }

    /// <summary>Gets the company's business hours (Japan time), used to choose when to phone; <see langword="null"/> when not known.</summary>
    public Scheduling.BusinessHours? BusinessHours { get; init; }
}
