using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>What happened when the candidate declined. Every fact is optional: <see langword="null"/> or an <c>Unknown</c> member means "not known".</summary>
/// <remarks>This type is immutable and thread-safe. Its invariants are checked on every assignment, including through <see langword="with"/>.</remarks>
public sealed record DeclineEvent
{
    /// <summary>Gets a decline about which nothing is known.</summary>
    public static DeclineEvent Unknown { get; } = new();

    /// <summary>Gets the date the decline reached the company.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900-01-01 or after 2999-12-31.</exception>
    public DateOnly? DeclinedOn { get; init => field = Guard.SupportedDate(value, nameof(DeclinedOn)); }

    /// <summary>Gets how the decline was delivered.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="DeclineChannel"/>.</exception>
    public DeclineChannel Channel { get; init => field = Guard.Defined(value, nameof(Channel)); }

    /// <summary>Gets whether the decline was sent soon after the candidate decided.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Domain.Promptness"/>.</exception>
    public Promptness Promptness { get; init => field = Guard.Defined(value, nameof(Promptness)); }

    /// <summary>Gets whether the candidate explained the reason for declining.</summary>
    public bool? ExplainedReason { get; init; }

    /// <summary>Gets whether the candidate thanked the company for the selection.</summary>
    public bool? ExpressedThanks { get; init; }

    /// <summary>Gets the wording and attitude of the decline.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="DeclineTone"/>.</exception>
    public DeclineTone Tone { get; init => field = Guard.Defined(value, nameof(Tone)); }

    /// <summary>Gets why the candidate declined.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="DeclineReason"/>.</exception>
    public DeclineReason OriginalReason { get; init => field = Guard.Defined(value, nameof(OriginalReason)); }

    /// <summary>Gets whether the situation behind the decline has changed since.</summary>
    public bool? CircumstanceChanged { get; init; }

    /// <summary>Gets whether documents exist that show the reason (a doctor's certificate, letters, messages).</summary>
    public bool? EvidenceAvailable { get; init; }

    /// <summary>Gets whether the candidate has already gone back and forth with this company before.</summary>
    public bool? PreviouslyReversed { get; init; }
}
