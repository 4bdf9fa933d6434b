using FsCheck.Xunit;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Tests.Properties;

/// <summary>
/// Properties of the default policy over generated cases: more favourable facts never lower the outlook, an unknown
/// fact never gives an outlook outside the range its known values give, and JSON round trips change nothing.
/// </summary>
public sealed class PolicyProperties
{
    private const int Cases = 10_000;

    /// <summary>
    /// The order of favourability, per fact, in one place: each fact lists levels from least to most favourable; values
    /// on the same level are not ranked against each other. Setters return null when a value is not applicable.
    /// </summary>
    internal static readonly (string Fact, Func<OfferCase, object?, OfferCase> Set, object?[][] Levels)[] Orders =
    [
        ("company.seatStatus", (c, v) => c with { Company = c.Company with { SeatStatus = (SeatStatus)v! } }, [[SeatStatus.Filled], [SeatStatus.Unknown], [SeatStatus.Open]]),
        ("offer.evaluation", (c, v) => c with { Offer = c.Offer with { Evaluation = (CandidateEvaluation)v! } }, [[CandidateEvaluation.Normal, CandidateEvaluation.Unknown], [CandidateEvaluation.High]]),
        ("decline.tone", (c, v) => c with { Decline = c.Decline with { Tone = (DeclineTone)v! } }, [[DeclineTone.Rude], [DeclineTone.Unknown, DeclineTone.Neutral, DeclineTone.Polite]]),
        ("decline.channel", (c, v) => c with { Decline = c.Decline with { Channel = (DeclineChannel)v! } }, [[DeclineChannel.NoContact], [DeclineChannel.ProxyService], [DeclineChannel.Email, DeclineChannel.ChatMessage, DeclineChannel.Letter], [DeclineChannel.Phone, DeclineChannel.InPerson, DeclineChannel.ViaAgent]]),
        ("decline.promptness", (c, v) => c with { Decline = c.Decline with { Promptness = (Promptness)v! } }, [[Promptness.Delayed], [Promptness.Unknown], [Promptness.Prompt]]),
        ("decline.explainedReason", (c, v) => c with { Decline = c.Decline with { ExplainedReason = (bool?)v } }, [[false], [null], [true]]),
        ("decline.expressedThanks", (c, v) => c with { Decline = c.Decline with { ExpressedThanks = (bool?)v } }, [[false, null], [true]]),
        ("decline.evidenceAvailable", (c, v) => c with { Decline = c.Decline with { EvidenceAvailable = (bool?)v } }, [[false, null], [true]]),
        ("decline.previouslyReversed", (c, v) => c with { Decline = c.Decline with { PreviouslyReversed = (bool?)v } }, [[true], [false, null]]),
        ("company.seatOfferedToOther", (c, v) => c with { Company = c.Company with { SeatOfferedToOther = (bool?)v } }, [[true], [false, null]]),
        ("company.policyForbidsReinstatement", (c, v) => c with { Company = c.Company with { PolicyForbidsReinstatement = (bool?)v } }, [[true], [false, null]]),
        ("company.hiringNeedTrend", (c, v) => c with { Company = c.Company with { HiringNeedTrend = (HiringNeedTrend)v! } }, [[HiringNeedTrend.Decreased], [HiringNeedTrend.Stable, HiringNeedTrend.Unknown], [HiringNeedTrend.Increased]]),
        ("company.unfairPressureOrRescission", (c, v) => c with { Company = c.Company with { UnfairPressureOrRescission = (bool?)v } }, [[false, null], [true]]),
        ("decline.originalReason", (c, v) => c with { Decline = c.Decline with { OriginalReason = (DeclineReason)v! } }, [[DeclineReason.Unknown, DeclineReason.AcceptedOtherOffer, DeclineReason.FitOrConditions, DeclineReason.FamilyEmergency, DeclineReason.Health, DeclineReason.OtherPath, DeclineReason.Other], [DeclineReason.PressuredByCompany]]),
        ("decline.circumstanceChanged", (c, v) => c with { Decline = c.Decline with { CircumstanceChanged = (bool?)v } }, [[false, null], [true]]),
        ("request.priorRequestOutcome", (c, v) => c with { Request = c.Request with { PriorRequestOutcome = (PriorRequestOutcome)v! } }, [[PriorRequestOutcome.Refused], [PriorRequestOutcome.Unknown, PriorRequestOutcome.NotYetAsked, PriorRequestOutcome.PendingNoReply]]),
        ("missedContact.employerSaidPositionFilled", (c, v) => c with { MissedContact = c.MissedContact with { EmployerSaidPositionFilled = (bool?)v } }, [[true], [false, null]]),
        ("request.changeOfMindReason", (c, v) => c with { Request = c.Request with { ChangeOfMindReason = (ChangeOfMindReason)v! } }, [[ChangeOfMindReason.NoClearReason], [ChangeOfMindReason.Unknown, ChangeOfMindReason.OtherOfferFellThrough, ChangeOfMindReason.OtherPathFellThrough, ChangeOfMindReason.ReconsideredAfterReflection, ChangeOfMindReason.UnavoidableCircumstanceResolved]]),
        ("offer.daysUntilStart", (c, v) => c with { Offer = c.Offer with { StartsOn = v is null ? null : DateOnly.FromDateTime(c.AsOf!.Value.DateTime).AddDays((int)v) } }, [[-3, 0], [1, 30, 400, null]]),
        ("decline.daysAgo", (c, v) => c with { Decline = c.Decline with { DeclinedOn = DateOnly.FromDateTime(c.AsOf!.Value.DateTime).AddDays(-(int)v!) } }, [[45], [31], [30], [20], [8], [7], [5], [3], [2], [0]]),
        ("missedContact.daysAgo", (c, v) => c with { MissedContact = c.MissedContact with { FirstMissedCallOn = DateOnly.FromDateTime(c.AsOf!.Value.DateTime).AddDays(-(int)v!), InterviewedOn = null } }, [[20], [8], [7], [2], [1], [0]]),
    ];

    /// <summary>Facts that only shape the advice and its wording: whatever their value, the decision stays the same.</summary>
    internal static readonly (string Fact, Func<OfferCase, Random, OfferCase> Set)[] Neutral =
    [
        ("offer.track", (c, r) => c with { Offer = c.Offer with { Track = (HiringTrack)r.Next(4) } }),
        ("offer.stageAtDecline", (c, r) => c with { Offer = c.Offer with { StageAtDecline = (OfferStage)r.Next(5) } }),
        ("offer.viaRecruitmentAgent", (c, r) => c with { Offer = c.Offer with { ViaRecruitmentAgent = r.Next(3) switch { 0 => null, 1 => false, _ => true } } }),
        ("request.plannedChannel", (c, r) => c with { Request = c.Request with { PlannedChannel = (PlannedChannel)r.Next(6) } }),
        ("request.willingToRedoSelection", (c, r) => c with { Request = c.Request with { WillingToRedoSelection = r.Next(3) switch { 0 => null, 1 => false, _ => true } } }),
        ("request.plannedContactAt", (c, r) => c with { Request = c.Request with { PlannedContactAt = c.AsOf!.Value.AddHours(r.Next(1, 24 * 60)) } }),
        ("missedContact.cause", (c, r) => c with { MissedContact = c.MissedContact with { Cause = (MissedContactCause)r.Next(5) } }),
        ("missedContact.plannedChannel", (c, r) => c with { MissedContact = c.MissedContact with { PlannedChannel = (MissedContactChannel)r.Next(4) } }),
        ("missedContact.hasBackupContact", (c, r) => c with { MissedContact = c.MissedContact with { HasBackupContact = r.Next(3) switch { 0 => null, 1 => false, _ => true } } }),
        ("missedContact.plannedCallAt", (c, r) => c with { MissedContact = c.MissedContact with { PlannedCallAt = c.AsOf!.Value.AddHours(r.Next(1, 24 * 60)) } }),
    ];

    /// <summary>Catalogued input facts that are in neither list, each with the reason.</summary>
    private static readonly Dictionary<string, string> s_unordered = new(StringComparer.Ordinal)
    {
        ["offer.offeredOn"] = "read only by the validation (a decline or a start before the offer is invalid)",
        ["offer.startsOn"] = "ordered as offer.daysUntilStart",
        ["decline.declinedOn"] = "ordered as decline.daysAgo",
        ["missedContact.interviewedOn"] = "ordered as missedContact.daysAgo (the fallback date)",
        ["missedContact.firstMissedCallOn"] = "ordered as missedContact.daysAgo",
        ["request.priorRequestOutcome:reselectionOffered"] = "a re-selection offer settles the outlook at possible, which can be below a case that was never asked",
    };

    [Fact]
    public void Orders_EveryInputFact_IsOrderedNeutralOrExplained()
    {
        var covered = Orders.Select(o => o.Fact).Concat(Neutral.Select(n => n.Fact)).Concat(s_unordered.Keys).ToHashSet(StringComparer.Ordinal);
        var inputs = OfferRules.Facts.FactCatalog.All.Where(f => !f.IsDerived).Select(f => f.Name);

        Assert.DoesNotContain(inputs, name => !covered.Contains(name));
    }

    [Property(MaxTest = Cases)]
    public bool Outlook_NeutralFact_NeverChangesIt(int seed)
    {
        var random = new Random(seed);
        var @case = EvaluationProperties.RandomCase(random);
        var (_, set) = Neutral[random.Next(Neutral.Length)];
        var before = OfferEvaluator.Default.Decide(@case);
        var after = OfferEvaluator.Default.Decide(set(@case, random));
        return before == after;
    }

    [Property(MaxTest = Cases)]
    public bool Outlook_MoreFavourableFact_NeverLowersIt(int seed)
    {
        var random = new Random(seed);
        var @case = EvaluationProperties.RandomCase(random);
        var (_, set, levels) = Orders[random.Next(Orders.Length)];
        var lower = random.Next(levels.Length - 1);
        var higher = random.Next(lower + 1, levels.Length);
        var worse = Decide(set(@case, Pick(levels[lower], random)));
        var better = Decide(set(@case, Pick(levels[higher], random)));
        return worse is null || better is null || worse <= better;
    }

    [Property(MaxTest = Cases)]
    public bool Outlook_UnknownFact_LiesBetweenItsKnownExtremes(int seed)
    {
        var random = new Random(seed);
        var @case = EvaluationProperties.RandomCase(random);
        var (_, set, levels) = Orders[random.Next(Orders.Length - 3)]; // the day counts have no unknown level
        var all = levels.SelectMany(l => l).ToArray();
        var unknown = all.FirstOrDefault(v => v is null || v.ToString() == "Unknown");
        if (!all.Contains(unknown) || (unknown is not null && unknown.ToString() != "Unknown"))
        {
            return true;
        }

        var outlooks = all.Where(v => !Equals(v, unknown)).Select(v => Decide(set(@case, v))).Where(o => o is not null).ToArray();
        var withUnknown = Decide(set(@case, unknown));
        return withUnknown is null || outlooks.Length == 0 || (outlooks.Min() <= withUnknown && withUnknown <= outlooks.Max());
    }

    [Property(MaxTest = Cases)]
    public bool Evaluate_AfterCaseJsonRoundTrip_IsIdentical(int seed)
    {
        var @case = EvaluationProperties.RandomCase(new Random(seed));
        var read = CaseJson.Read(CaseJson.ToJson(@case));
        return read.Success
            && read.Value == @case
            && OfferEvaluator.Default.Decide(read.Value) == OfferEvaluator.Default.Decide(@case);
    }

    [Fact]
    public void Evaluate_AfterRuleSetJsonRoundTrip_IsIdenticalButForTheHash()
    {
        var original = OfferEvaluator.Default;
        var copy = new OfferEvaluator(RuleSetJson.Load(RuleSetJson.ToJson(original.RuleSet)).GetValueOrThrow());

        for (var seed = 0; seed < 10_000; seed++)
        {
            var @case = EvaluationProperties.RandomCase(new Random(seed));
            var a = EvaluationJson.ToJson(original.Evaluate(@case)).Replace(original.RuleSet.ContentHash, "#", StringComparison.Ordinal);
            var b = EvaluationJson.ToJson(copy.Evaluate(@case)).Replace(copy.RuleSet.ContentHash, "#", StringComparison.Ordinal);
            Assert.Equal(a, b);
        }

        Assert.Equal(RuleSetJson.ToJson(copy.RuleSet), RuleSetJson.ToJson(original.RuleSet));
    }

    private static Outlook? Decide(OfferCase @case) => OfferEvaluator.Default.Decide(@case).Outlook;

    private static object? Pick(object?[] level, Random random) => level[random.Next(level.Length)];
}
