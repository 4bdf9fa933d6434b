namespace OfferRules.Domain;

/// <summary>The kind of hiring an offer belongs to.</summary>
public enum HiringTrack
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Hiring of new graduates (新卒採用).</summary>
    NewGraduate,

    /// <summary>Mid-career hiring (中途採用).</summary>
    MidCareer,

    /// <summary>Part-time or casual work (アルバイト・パート).</summary>
    PartTime,
}
