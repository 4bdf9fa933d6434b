namespace OfferRules.Evaluation;

/// <summary>The kind of a message draft.</summary>
public enum DraftKind
{
    /// <summary>What to say on the phone, line by line.</summary>
    PhoneScript = 0,

    /// <summary>An email, with a subject.</summary>
    Email,

    /// <summary>A posted letter.</summary>
    Letter,
}
