using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>The job offer the candidate declined. Every fact is optional: <see langword="null"/> or an <c>Unknown</c> member means "not known".</summary>
/// <remarks>This type is immutable and thread-safe. Its invariants are checked on every assignment, including through <see langword="with"/>.</remarks>
public sealed record Offer
{
    /// <summary>Gets an offer about which nothing is known.</summary>
    public static Offer Unknown { get; } = new();

    /// <summary>Gets the company's name, used only in texts.</summary>
    /// <exception cref="ArgumentException">The value is empty, white space, or longer than 200 characters.</exception>
    public string? Company { get; init => field = Guard.OptionalText(value, nameof(Company)); }

    /// <summary>Gets the position offered, used only in texts.</summary>
    /// <exception cref="ArgumentException">The value is empty, white space, or longer than 200 characters.</exception>
    public string? Position { get; init => field = Guard.OptionalText(value, nameof(Position)); }

    /// <summary>Gets the department that made the offer, used only in texts.</summary>
    /// <exception cref="ArgumentException">The value is empty, white space, or longer than 200 characters.</exception>
    public string? Department { get; init => field = Guard.OptionalText(value, nameof(Department)); }

    /// <summary>Gets the name of the person in charge at the company, used only in texts.</summary>
    /// <exception cref="ArgumentException">The value is empty, white space, or longer than 200 characters.</exception>
    public string? ContactPerson { get; init => field = Guard.OptionalText(value, nameof(ContactPerson)); }

    /// <summary>Gets the kind of hiring.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="HiringTrack"/>.</exception>
    public HiringTrack Track { get; init => field = Guard.Defined(value, nameof(Track)); }

    /// <summary>Gets the date the offer was made.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900-01-01 or after 2999-12-31.</exception>
    public DateOnly? OfferedOn { get; init => field = Guard.SupportedDate(value, nameof(OfferedOn)); }

    /// <summary>Gets the planned first working day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900-01-01 or after 2999-12-31.</exception>
    public DateOnly? StartsOn { get; init => field = Guard.SupportedDate(value, nameof(StartsOn)); }

    /// <summary>Gets how far the offer had gone when the candidate declined.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="OfferStage"/>.</exception>
    public OfferStage StageAtDecline { get; init => field = Guard.Defined(value, nameof(StageAtDecline)); }

    /// <summary>Gets whether the offer came through a recruitment agent.</summary>
    public bool? ViaRecruitmentAgent { get; init; }

    /// <summary>Gets how highly the company rated the candidate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="CandidateEvaluation"/>.</exception>
    public CandidateEvaluation Evaluation { get; init => field = Guard.Defined(value, nameof(Evaluation)); }
}
