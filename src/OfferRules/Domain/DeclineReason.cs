namespace OfferRules.Domain;

/// <summary>Why the candidate declined the offer.</summary>
public enum DeclineReason
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>The candidate accepted another offer.</summary>
    AcceptedOtherOffer,

    /// <summary>The role, the company or the conditions did not fit.</summary>
    FitOrConditions,

    /// <summary>An urgent family matter.</summary>
    FamilyEmergency,

    /// <summary>A health problem.</summary>
    Health,

    /// <summary>Another path, such as graduate school, the civil service or moving home.</summary>
    OtherPath,

    /// <summary>The company pressed or induced the candidate to decline.</summary>
    PressuredByCompany,

    /// <summary>Some other reason.</summary>
    Other,
}
