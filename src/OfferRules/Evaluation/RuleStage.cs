namespace OfferRules.Evaluation;

/// <summary>The stages a rule set runs in, in this order.</summary>
public enum RuleStage
{
    /// <summary>Settles the outlook and stops, for example after a refusal.</summary>
    Terminal = 0,

    /// <summary>Settles the outlook on grounds that outrank the score, for example a decline the company pressed for.</summary>
    Override = 1,

    /// <summary>Sets the starting score.</summary>
    Base = 2,

    /// <summary>Raises or lowers the score.</summary>
    Adjust = 3,

    /// <summary>Limits the outlook to at most a given level.</summary>
    Cap = 4,

    /// <summary>Explains without changing the outlook.</summary>
    Info = 5,
}
