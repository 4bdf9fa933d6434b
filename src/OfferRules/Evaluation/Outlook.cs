namespace OfferRules.Evaluation;

/// <summary>
/// How likely it is that the company lets the candidate take the decline back (or, for a missed contact, recover).
/// The members are ordered: a larger value is a better outlook. There is deliberately no "certain".
/// </summary>
public enum Outlook
{
    /// <summary>Practically ruled out.</summary>
    VeryUnlikely = 0,

    /// <summary>Possible only as an exception; this is where a reversal starts.</summary>
    Unlikely = 1,

    /// <summary>A real chance, worth asking.</summary>
    Possible = 2,

    /// <summary>The company may well agree to talk or to select the candidate again. Never a guarantee of an offer.</summary>
    Likely = 3,
}
