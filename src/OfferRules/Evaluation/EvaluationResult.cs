using System.Collections.Immutable;
using OfferRules.Domain;

namespace OfferRules.Evaluation;

/// <summary>
/// The explained result of evaluating one case: the outlook and how firmly it rests on facts, every rule that fired,
/// the named conditions and failure reasons, the unknown facts worth finding out, and any problems with the case.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Evaluating the same case with the same rule set gives an equal result.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.EvaluationResultJsonConverter))]
public sealed class EvaluationResult
{
    internal EvaluationResult()
    {
    }

    /// <summary>Creates an invalid result for input that never became a case, stamped with the rule set.</summary>
    internal static EvaluationResult CreateInvalid(Rules.RuleSet ruleSet, ImmutableArray<ValidationIssue> issues) => new()
    {
        Status = EvaluationStatus.Invalid,
        Issues = issues,
        RuleSetId = ruleSet.Id,
        RuleSetVersion = ruleSet.Version,
        RuleSetHash = ruleSet.ContentHash,
    };

    /// <summary>Gets whether the case could be evaluated.</summary>
    public EvaluationStatus Status { get; internal init; }

    /// <summary>
    /// Gets the parts of the explanation this result holds (<see cref="EvaluationOptions.Parts"/>):
    /// <see cref="EvaluationParts.None"/> for an invalid result or one that was not explained. A part not held has an
    /// empty collection or a <see langword="null"/> value, which here does not mean that the case gave nothing for it.
    /// </summary>
    public EvaluationParts Parts { get; internal init; }

    /// <summary>Gets the kind of case.</summary>
    public CaseKind Kind { get; internal init; }

    /// <summary>Gets the date the case was evaluated at (a date in Japan); <see langword="null"/> when the case could not be read.</summary>
    public DateOnly? AsOf { get; internal init; }

    /// <summary>Gets the outlook; <see langword="null"/> when the case is invalid.</summary>
    public Outlook? Outlook { get; internal init; }

    /// <summary>Gets how firmly the outlook rests on known facts; <see langword="null"/> when the case is invalid.</summary>
    public Confidence? Confidence { get; internal init; }

    /// <summary>Gets every rule that fired, in the order it ran, including caps that did not change the result.</summary>
    public ImmutableArray<Finding> Findings { get; internal init; } = [];

    /// <summary>Gets the named conditions that make a reversal possible (for a decline: the five withdrawal conditions).</summary>
    public ImmutableArray<NamedCondition> Conditions { get; internal init; } = [];

    /// <summary>Gets the named reasons a reversal fails (for a decline: fairness, filled seats, internal controls).</summary>
    public ImmutableArray<NamedCondition> FailureReasons { get; internal init; } = [];

    /// <summary>Gets the unknown facts whose value could change the outlook, the most promising first.</summary>
    public ImmutableArray<MissingFact> MissingFacts { get; internal init; } = [];

    /// <summary>Gets the action plan: the steps to follow, in order, each with a concrete time where it has one.</summary>
    public ImmutableArray<ActionStep> Actions { get; internal init; } = [];

    /// <summary>Gets the suggested call slot (Japan time): the next good moment to phone, or the planned one when it is good.</summary>
    public Scheduling.CallSlot? CallWindow { get; internal init; }

    /// <summary>
    /// Gets the outlook at a planned contact later than today (<c>request.plannedContactAt</c> or
    /// <c>missedContact.plannedCallAt</c>), beside <see cref="Outlook"/>, the outlook now; <see langword="null"/> when no
    /// later contact is planned, the request has already been made, or the case was not explained.
    /// </summary>
    public PlannedTimeOutlook? AtPlannedTime { get; internal init; }

    /// <summary>
    /// Gets the message drafts (phone script, email, letter), personalised from the case. Each draft renders its texts
    /// when one of them is first read.
    /// </summary>
    public ImmutableArray<MessageDraft> Drafts { get; internal init; } = [];

    /// <summary>Gets the caveats that apply to the case.</summary>
    public ImmutableArray<Advice> Caveats { get; internal init; } = [];

    /// <summary>Gets what to do if the request fails or is hopeless.</summary>
    public ImmutableArray<Advice> Fallbacks { get; internal init; } = [];

    /// <summary>Gets the facts whose value would raise the outlook, with the outlook each would give, the largest gain first.</summary>
    public ImmutableArray<Suggestion> WhatWouldHelp { get; internal init; } = [];

    /// <summary>Gets the problems found in the case: errors when it is invalid, warnings otherwise.</summary>
    public ImmutableArray<ValidationIssue> Issues { get; internal init; } = [];

    /// <summary>Gets the id of the rule set that produced this result.</summary>
    public string RuleSetId { get; internal init; } = string.Empty;

    /// <summary>Gets the version of the rule set that produced this result.</summary>
    public string RuleSetVersion { get; internal init; } = string.Empty;

    /// <summary>Gets the content hash of the rule set that produced this result.</summary>
    public string RuleSetHash { get; internal init; } = string.Empty;
}
