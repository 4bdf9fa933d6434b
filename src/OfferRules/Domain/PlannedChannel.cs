namespace OfferRules.Domain;

/// <summary>How the candidate plans to ask the company to reconsider.</summary>
public enum PlannedChannel
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>A phone call first, then a written follow-up.</summary>
    PhoneThenWritten,

    /// <summary>A visit first, then a written follow-up.</summary>
    VisitThenWritten,

    /// <summary>A phone call only.</summary>
    PhoneOnly,

    /// <summary>An email only.</summary>
    EmailOnly,

    /// <summary>A posted letter only.</summary>
    LetterOnly,
}
