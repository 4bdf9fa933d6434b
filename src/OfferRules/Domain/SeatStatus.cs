namespace OfferRules.Domain;

/// <summary>Whether the company still has a seat for the role.</summary>
public enum SeatStatus
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Confirmed open: the company said so, or the same posting or additional recruiting is live.</summary>
    Open,

    /// <summary>Confirmed filled: the company said so, or another candidate accepted.</summary>
    Filled,
}
