namespace OfferRules.Domain;

/// <summary>Whether the decline was sent soon after the candidate decided.</summary>
public enum Promptness
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Soon after deciding, or before the answer deadline.</summary>
    Prompt,

    /// <summary>After a delay.</summary>
    Delayed,
}
