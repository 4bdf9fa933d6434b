namespace OfferRules.Domain;

/// <summary>Whether the candidate has already asked to take the decline back, and with what result.</summary>
public enum PriorRequestOutcome
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>The candidate has not asked yet.</summary>
    NotYetAsked,

    /// <summary>The candidate asked and is waiting for an answer.</summary>
    PendingNoReply,

    /// <summary>The company has said no.</summary>
    Refused,

    /// <summary>The company offered to select the candidate again.</summary>
    ReselectionOffered,
}
