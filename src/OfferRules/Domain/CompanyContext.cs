using System.Collections.Immutable;
using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>What is known about the company's side now. Every fact is optional: <see langword="null"/> or an <c>Unknown</c> member means "not known".</summary>
/// <remarks>
/// This type is immutable and thread-safe. Its invariants are checked on every assignment, including through
/// <see langword="with"/>. Two contexts are equal when every fact is equal; <see cref="ClosedDates"/> are compared
/// item by item.
/// </remarks>
public sealed record CompanyContext
{
    /// <summary>The most closed dates a context holds.</summary>
    internal const int MaxClosedDates = 1000;

    private readonly ValueArray<DateOnly> _closedDates;

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

    /// <summary>
    /// Gets the days the company has said it is closed (Japan time), sorted and without repeats; empty when not known.
    /// A list that is not empty is meant to replace the usual closures (the year-end holidays and お盆) when planning
    /// a call: give it to <see cref="Scheduling.ClosedDatesCompanyCalendar"/>.
    /// </summary>
    /// <remarks>
    /// The default (uninitialized) array is read as empty. The dates are sorted and repeats removed when set.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">On set, a date is outside 1900-01-01 to 2999-12-31.</exception>
    /// <exception cref="ArgumentException">On set, there are more than 1,000 different dates.</exception>
    public ImmutableArray<DateOnly> ClosedDates
    {
        get => _closedDates.Items;
        init => _closedDates = new ValueArray<DateOnly>(Guard.SupportedDates(value, MaxClosedDates, nameof(ClosedDates)));
    }
}
