namespace OfferRules.Domain;

/// <summary>Why the candidate now wants to join after all.</summary>
public enum ChangeOfMindReason
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>The unavoidable circumstance behind the decline has been resolved.</summary>
    UnavoidableCircumstanceResolved,

    /// <summary>The other offer fell through.</summary>
    OtherOfferFellThrough,

    /// <summary>The other path (study, civil service, moving home) fell through.</summary>
    OtherPathFellThrough,

    /// <summary>The candidate thought it over again and changed their mind.</summary>
    ReconsideredAfterReflection,

    /// <summary>There is no clear reason.</summary>
    NoClearReason,
}
