namespace OfferRules.Facts;

/// <summary>How long ago the candidate declined, in the bands the rule set defines.</summary>
internal enum TimingBand
{
    Unknown = 0,
    Immediate,
    WithinWeek,
    Late,
    VeryLate,
}

/// <summary>How well the candidate behaved when declining, as the rule set derives it.</summary>
internal enum ConductQuality
{
    Unknown = 0,
    Hostile,
    Poor,
    Mixed,
    Good,
}
