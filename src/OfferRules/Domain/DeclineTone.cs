namespace OfferRules.Domain;

/// <summary>The wording and attitude of the decline.</summary>
public enum DeclineTone
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Polite and considerate.</summary>
    Polite,

    /// <summary>Matter-of-fact.</summary>
    Neutral,

    /// <summary>Rude or improper.</summary>
    Rude,
}
