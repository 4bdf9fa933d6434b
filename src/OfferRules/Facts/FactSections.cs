namespace OfferRules.Facts;

/// <summary>The sections of a case that input facts are read from, as flags: a policy fills only the sections it reads.</summary>
[Flags]
internal enum FactSections
{
    None = 0,
    Offer = 1,
    Decline = 2,
    Company = 4,
    Request = 8,
    MissedContact = 16,
    All = Offer | Decline | Company | Request | MissedContact,
}
