namespace OfferRules.Domain;

/// <summary>How the candidate plans to respond to the missed calls.</summary>
public enum MissedContactChannel
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>By phone.</summary>
    Phone,

    /// <summary>By email only.</summary>
    EmailOnly,

    /// <summary>In person.</summary>
    Visit,
}
