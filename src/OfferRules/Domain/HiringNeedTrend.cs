namespace OfferRules.Domain;

/// <summary>How the company's need to hire has moved since the decline.</summary>
public enum HiringNeedTrend
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>The need has grown, for example through expansion or a better economy.</summary>
    Increased,

    /// <summary>No visible change.</summary>
    Stable,

    /// <summary>The need has shrunk.</summary>
    Decreased,
}
