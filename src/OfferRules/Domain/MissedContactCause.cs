namespace OfferRules.Domain;

/// <summary>Why the candidate missed the employer's calls.</summary>
public enum MissedContactCause
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>The phone was broken, in repair or replaced by a loaner.</summary>
    DeviceIssue,

    /// <summary>Calls from withheld numbers were not answered.</summary>
    WithheldNumberScreening,

    /// <summary>The candidate was busy and could not answer.</summary>
    Busy,

    /// <summary>Some other cause.</summary>
    Other,
}
