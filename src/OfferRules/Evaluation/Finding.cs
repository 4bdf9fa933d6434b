namespace OfferRules.Evaluation;

/// <summary>One rule that fired, with what it did and why, in the language the evaluation was asked for.</summary>
/// <param name="RuleId">The stable id of the rule, for example <c>R-C5</c>.</param>
/// <param name="Stage">The stage the rule ran in.</param>
/// <param name="Outlook">For terminal, override and base rules the outlook set; for caps the ceiling; otherwise <see langword="null"/>.</param>
/// <param name="Score">For adjustments the score change (+1, -1, ...); otherwise 0.</param>
/// <param name="Changed">Whether the rule changed the result (a cap that was already below its ceiling did not).</param>
/// <param name="Message">What the rule means for this case.</param>
/// <param name="Basis">Why the rule exists, in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Finding(string RuleId, RuleStage Stage, Outlook? Outlook, int Score, bool Changed, string Message, string Basis);
