namespace OfferRules.Evaluation;

/// <summary>How firmly the outlook rests on known facts.</summary>
public enum Confidence
{
    /// <summary>Two or more key facts are unknown.</summary>
    Low = 0,

    /// <summary>One key fact is unknown.</summary>
    Medium = 1,

    /// <summary>Every key fact is known.</summary>
    High = 2,
}
