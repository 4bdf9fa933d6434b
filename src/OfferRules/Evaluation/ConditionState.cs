namespace OfferRules.Evaluation;

/// <summary>The three-valued state of a named condition.</summary>
public enum ConditionState
{
    /// <summary>The known facts satisfy the condition.</summary>
    Met = 0,

    /// <summary>The known facts rule the condition out.</summary>
    NotMet = 1,

    /// <summary>The condition depends on facts that are not known.</summary>
    Unknown = 2,
}
