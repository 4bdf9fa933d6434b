namespace OfferRules.Evaluation;

/// <summary>One step of the action plan.</summary>
/// <param name="Order">The 1-based position of the step in the plan.</param>
/// <param name="Id">The stable id of the step, for example <c>A-05</c>.</param>
/// <param name="Channel">How the step is carried out.</param>
/// <param name="Timing">When the step happens, relative to the suggested call.</param>
/// <param name="At">The concrete moment (Japan time) for the step; <see langword="null"/> when it has no particular time.</param>
/// <param name="Message">What to do, in words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ActionStep(int Order, string Id, ActionChannel Channel, ActionTiming Timing, DateTimeOffset? At, string Message);
