using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>The request the candidate is making now: to take the decline back. Every fact is optional.</summary>
/// <remarks>This type is immutable and thread-safe. Its invariants are checked on every assignment, including through <see langword="with"/>.</remarks>
public sealed record WithdrawalRequest
{
    /// <summary>Gets a request about which nothing is known.</summary>
    public static WithdrawalRequest Unknown { get; } = new();

    /// <summary>Gets why the candidate now wants to join after all.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Domain.ChangeOfMindReason"/>.</exception>
    public ChangeOfMindReason ChangeOfMindReason { get; init => field = Guard.Defined(value, nameof(ChangeOfMindReason)); }

    /// <summary>Gets whether the candidate has already asked, and with what result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Domain.PriorRequestOutcome"/>.</exception>
    public PriorRequestOutcome PriorRequestOutcome { get; init => field = Guard.Defined(value, nameof(PriorRequestOutcome)); }

    /// <summary>Gets how the candidate plans to ask.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Domain.PlannedChannel"/>.</exception>
    public PlannedChannel PlannedChannel { get; init => field = Guard.Defined(value, nameof(PlannedChannel)); }

    /// <summary>Gets the moment the candidate plans to contact the company.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date in Japan is before 1900-01-01 or after 2999-12-31.</exception>
    public DateTimeOffset? PlannedContactAt { get; init => field = Guard.SupportedInstant(value, nameof(PlannedContactAt)); }

    /// <summary>Gets whether the candidate is ready to go through the selection again.</summary>
    public bool? WillingToRedoSelection { get; init; }
}
