using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>Everything an evaluation needs: the kind of case, the moment it is evaluated at, and the facts.</summary>
/// <remarks>
/// This type is immutable and thread-safe. Parts that are not given are "nothing known", never <see langword="null"/>.
/// Cross-field consistency (for example a decline dated before the offer) is not an exception here: an evaluator
/// reports it as a validation issue, because such facts come from people and forms.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.OfferCaseJsonConverter))]
public sealed record OfferCase
{
    /// <summary>Gets the kind of case.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="CaseKind"/>.</exception>
    public CaseKind Kind { get; init => field = Guard.Defined(value, nameof(Kind)); }

    /// <summary>
    /// Gets the moment the case is evaluated at ("now"). A date without a time is midnight in Japan (UTC+09:00).
    /// When <see langword="null"/>, the evaluator takes the current date in Japan from its <see cref="TimeProvider"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date in Japan is before 1900-01-01 or after 2999-12-31.</exception>
    public DateTimeOffset? AsOf { get; init => field = Guard.SupportedInstant(value, nameof(AsOf)); }

    /// <summary>Gets the offer.</summary>
    public Offer Offer { get; init => field = value ?? throw new ArgumentNullException(nameof(Offer)); } = Offer.Unknown;

    /// <summary>Gets the decline.</summary>
    public DeclineEvent Decline { get; init => field = value ?? throw new ArgumentNullException(nameof(Decline)); } = DeclineEvent.Unknown;

    /// <summary>Gets the company's side.</summary>
    public CompanyContext Company { get; init => field = value ?? throw new ArgumentNullException(nameof(Company)); } = CompanyContext.Unknown;

    /// <summary>Gets the request being made.</summary>
    public WithdrawalRequest Request { get; init => field = value ?? throw new ArgumentNullException(nameof(Request)); } = WithdrawalRequest.Unknown;

    /// <summary>Gets the candidate, used only in texts.</summary>
    public Candidate Candidate { get; init => field = value ?? throw new ArgumentNullException(nameof(Candidate)); } = Candidate.Unknown;

    /// <summary>Gets the missed-contact facts, used by <see cref="CaseKind.MissedEmployerContact"/> cases.</summary>
    public MissedContact MissedContact { get; init => field = value ?? throw new ArgumentNullException(nameof(MissedContact)); } = MissedContact.Unknown;
}
