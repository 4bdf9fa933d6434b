namespace OfferRules.Facts;

/// <summary>The languages every message exists in.</summary>
internal enum Language
{
    English,
    Japanese,
}
