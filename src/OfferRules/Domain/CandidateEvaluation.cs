namespace OfferRules.Domain;

/// <summary>How highly the company rated the candidate.</summary>
public enum CandidateEvaluation
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>No sign of a particularly high rating.</summary>
    Normal,

    /// <summary>Clear signs of a high rating: the company tried to keep the candidate, improved its terms, or called them a top candidate.</summary>
    High,
}
