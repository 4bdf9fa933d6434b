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
        ("request.changeOfMindReason", (c, v) => c with { Request = c.Request with { ChangeOfMindReason = (ChangeOfMindReason)v! } }, [[ChangeOfMindReason.NoClearReason], [ChangeOfMindReason.Unknown, ChangeOfMindReason.OtherOfferFellThrough, ChangeOfMindReason.OtherPathFellThrough, ChangeOfMindReason.ReconsideredAfterReflection, ChangeOfMindReason.UnavoidableCircumstanceResolved]]),
        ("decline.daysAgo", (c, v) => c with { Decline = c.Decline with { DeclinedOn = DateOnly.FromDateTime(c.AsOf!.Value.DateTime).AddDays(-(int)v!) } }, [[45], [31], [30], [20], [8], [7], [5], [3], [2], [0]]),
        ("missedContact.daysAgo", (c, v) => c with { MissedContact = c.MissedContact with { FirstMissedCallOn = DateOnly.FromDateTime(c.AsOf!.Value.DateTime).AddDays(-(int)v!), InterviewedOn = null } }, [[20], [8], [7], [2], [1], [0]]),
    ];

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
        var (_, set, levels) = Orders[random.Next(Orders.Length - 2)]; // the day counts have no unknown level
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
