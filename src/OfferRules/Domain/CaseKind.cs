namespace OfferRules.Domain;

/// <summary>The kind of situation a case describes.</summary>
public enum CaseKind
{
    /// <summary>The candidate declined an offer and wants to take the decline back.</summary>
    DeclineWithdrawal = 0,

    /// <summary>The candidate missed the employer's calls after an interview and wants to recover.</summary>
    MissedEmployerContact,
}
