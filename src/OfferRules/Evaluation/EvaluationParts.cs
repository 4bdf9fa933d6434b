namespace OfferRules.Evaluation;

/// <summary>
/// The parts of an explained result to compute (<see cref="EvaluationOptions.Parts"/>). A part not asked for is not
/// computed: its collection is empty and its value <see langword="null"/>, exactly as when the case gives nothing for
/// it, and the JSON keeps its key with <c>[]</c> or <c>null</c>, so every result still has the shape of the evaluation
/// schema. The status, outlook, confidence, validation issues and rule-set stamp are always filled.
/// </summary>
[Flags]
public enum EvaluationParts
{
    /// <summary>No explanation: the same result as <see cref="EvaluationOptions.Explain"/> set to <see langword="false"/>.</summary>
    None = 0,

    /// <summary><see cref="EvaluationResult.Findings"/>: every rule that fired, with its message and basis.</summary>
    Findings = 1 << 0,

    /// <summary><see cref="EvaluationResult.Conditions"/> and <see cref="EvaluationResult.FailureReasons"/>: the named conditions and failure reasons.</summary>
    Conditions = 1 << 1,

    /// <summary><see cref="EvaluationResult.MissingFacts"/>: the unknown facts whose value could change the outlook.</summary>
    MissingFacts = 1 << 2,

    /// <summary><see cref="EvaluationResult.WhatWouldHelp"/>: the facts whose value would raise the outlook.</summary>
    WhatWouldHelp = 1 << 3,

    /// <summary><see cref="EvaluationResult.Actions"/>: the dated action plan.</summary>
    Actions = 1 << 4,

    /// <summary>
    /// <see cref="EvaluationResult.CallWindow"/>: the suggested call slot, with the warnings about the call time
    /// (codes <c>W-07</c>, <c>W-10</c>, <c>M-W1</c> and <c>M-W5</c>) in <see cref="EvaluationResult.Issues"/>.
    /// </summary>
    CallSlot = 1 << 5,

    /// <summary><see cref="EvaluationResult.Drafts"/>: the message drafts, whose texts are rendered only when read.</summary>
    Drafts = 1 << 6,

    /// <summary><see cref="EvaluationResult.Caveats"/>: the caveats that apply to the case.</summary>
    Caveats = 1 << 7,

    /// <summary><see cref="EvaluationResult.Fallbacks"/>: what to do if the request fails or is hopeless.</summary>
    Fallbacks = 1 << 8,

    /// <summary>
    /// <see cref="EvaluationResult.AtPlannedTime"/>: the outlook at a planned contact later than today, with the
    /// warning when that contact lies past a line the rules draw (codes <c>W-08</c> and <c>M-W3</c>).
    /// </summary>
    PlannedTime = 1 << 9,

    /// <summary>Every part: the default.</summary>
    All = Findings | Conditions | MissingFacts | WhatWouldHelp | Actions | CallSlot | Drafts | Caveats | Fallbacks | PlannedTime,
}
