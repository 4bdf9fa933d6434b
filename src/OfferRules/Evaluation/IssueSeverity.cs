namespace OfferRules.Evaluation;

/// <summary>How serious a problem with a case is.</summary>
public enum IssueSeverity
{
    /// <summary>The case cannot be evaluated.</summary>
    Error = 0,

    /// <summary>The case is evaluated, but something in it looks wrong or has no effect.</summary>
    Warning = 1,
}
