namespace OfferRules.Domain;

/// <summary>How far the offer had gone when the candidate declined it.</summary>
public enum OfferStage
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>An informal offer (内々定), usually before 1 October for new graduates.</summary>
    InformalOffer,

    /// <summary>A formal offer (内定) that the candidate had not yet accepted.</summary>
    FormalNotYetAccepted,

    /// <summary>An offer the candidate had accepted, for example with a signed acceptance form (内定承諾書).</summary>
    Accepted,

    /// <summary>After the offer ceremony (内定式).</summary>
    AfterOfferCeremony,
}
