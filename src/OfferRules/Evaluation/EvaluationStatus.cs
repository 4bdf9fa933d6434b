namespace OfferRules.Evaluation;

/// <summary>Whether a case could be evaluated.</summary>
public enum EvaluationStatus
{
    /// <summary>The case was evaluated; the result has an outlook.</summary>
    Evaluated = 0,

    /// <summary>The case has errors; the result lists them and has no outlook.</summary>
    Invalid = 1,
}
