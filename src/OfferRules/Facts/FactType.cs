namespace OfferRules.Facts;

/// <summary>The value type of a catalogued fact. A rule's literal must have the same type as the fact it is compared with.</summary>
internal enum FactType
{
    Bool,
    Enum,
    Int,
    Date,
}
