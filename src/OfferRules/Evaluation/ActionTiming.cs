namespace OfferRules.Evaluation;

/// <summary>When a step of the action plan happens, relative to the suggested call.</summary>
public enum ActionTiming
{
    /// <summary>No particular time.</summary>
    None = 0,

    /// <summary>Now: at the evaluation moment.</summary>
    Immediately,

    /// <summary>Before the call, as preparation.</summary>
    BeforeCall,

    /// <summary>During the call, at the suggested call slot.</summary>
    AtCall,

    /// <summary>The same day, after the call.</summary>
    AfterCall,

    /// <summary>Some business days after the call (the rule set's <c>planning.followUpBusinessDays</c>).</summary>
    FollowUp,

    /// <summary>Only if something happens (for example, the company asks you to come in); such a step has no date.</summary>
    Conditional,
}
