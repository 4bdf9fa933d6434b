using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Benchmarks.Peers;

/// <summary>
/// The floor: the default policy's decision (validation errors, outlook and confidence) written by hand as plain
/// <c>if</c>s over the domain types, with the rule set's settings (the 2/7/30-day bands) as constants. Nothing is
/// configurable, nothing is explained. It is what OfferRules' decision-only path is measured against.
/// </summary>
public static class FloorPolicy
{
    private const int WithinWeekMaxDays = 7;
    private const int LateMaxDays = 30;
    private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);

    private enum Conduct
    {
        Unknown,
        Hostile,
        Poor,
        Mixed,
        Good,
    }

    /// <summary>Decides a case the way the default policy does.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The decision; invalid for the same contradictions the library rejects (V-01…V-06).</returns>
    public static Decision Decide(OfferCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var instant = @case.AsOf ?? TimeProvider.System.GetUtcNow();
        var asOf = DateOnly.FromDateTime(instant.ToOffset(s_japan).DateTime);
        return @case.Kind == CaseKind.DeclineWithdrawal ? DecideDecline(@case, asOf) : DecideMissedContact(@case.MissedContact, asOf);
    }

    private static Decision DecideDecline(OfferCase c, DateOnly asOf)
    {
        var offer = c.Offer;
        var decline = c.Decline;
        var company = c.Company;
        var request = c.Request;

        // V-01..V-04.
        if (decline.DeclinedOn < offer.OfferedOn
            || decline.DeclinedOn > asOf
            || offer.StartsOn < offer.OfferedOn
            || (decline.Channel == DeclineChannel.NoContact && (decline.ExplainedReason == true || decline.ExpressedThanks == true)))
        {
            return new Decision(EvaluationStatus.Invalid, null, null);
        }

        int? days = decline.DeclinedOn is { } declinedOn ? asOf.DayNumber - declinedOn.DayNumber : null;
        int? daysUntilStart = offer.StartsOn is { } startsOn ? startsOn.DayNumber - asOf.DayNumber : null;
        var conduct = ConductOf(decline);
        var seat = company.SeatStatus;

        var known = (seat != SeatStatus.Unknown ? 1 : 0) + (days is not null ? 1 : 0) + (conduct != Conduct.Unknown ? 1 : 0);
        var confidence = known == 3 ? Confidence.High : known == 2 ? Confidence.Medium : Confidence.Low;

        // Terminal rules: the first that holds settles the outlook.
        if (request.PriorRequestOutcome == PriorRequestOutcome.Refused || daysUntilStart <= 0)
        {
            return Evaluated(Outlook.VeryUnlikely, confidence);
        }

        if (request.PriorRequestOutcome == PriorRequestOutcome.ReselectionOffered)
        {
            return Evaluated(Outlook.Possible, confidence);
        }

        // The legal floor: pressure or an unfair rescission; the score and the caps still run, and the floor wins.
        var floor = company.UnfairPressureOrRescission == true || decline.OriginalReason == DeclineReason.PressuredByCompany
            ? (int)(decline.EvidenceAvailable == true ? Outlook.Likely : Outlook.Possible)
            : (int)Outlook.VeryUnlikely;

        // Base, then one step up or down per factor.
        var late = days > WithinWeekMaxDays;
        var score = (int)Outlook.Unlikely;
        if (seat == SeatStatus.Open)
        {
            score++;
        }

        if (offer.Evaluation == CandidateEvaluation.High)
        {
            score++;
        }

        if (decline.OriginalReason is DeclineReason.FamilyEmergency or DeclineReason.Health
            && decline.EvidenceAvailable == true
            && decline.CircumstanceChanged == true
            && days <= WithinWeekMaxDays
            && seat != SeatStatus.Filled)
        {
            score++;
        }

        if (conduct == Conduct.Good)
        {
            score++;
        }

        if (company.HiringNeedTrend == HiringNeedTrend.Increased)
        {
            score++;
        }

        if (late)
        {
            score--;
        }

        if (request.ChangeOfMindReason == ChangeOfMindReason.NoClearReason)
        {
            score--;
        }

        if (conduct == Conduct.Poor)
        {
            score--;
        }

        if (company.SeatOfferedToOther == true)
        {
            score--;
        }

        if (company.HiringNeedTrend == HiringNeedTrend.Decreased)
        {
            score--;
        }

        score = Math.Clamp(score, (int)Outlook.VeryUnlikely, (int)Outlook.Likely);

        // Caps: the lowest applicable ceiling wins.
        var cap = (int)Outlook.Likely;
        if (seat == SeatStatus.Filled
            || company.PolicyForbidsReinstatement == true
            || conduct == Conduct.Hostile
            || decline.PreviouslyReversed == true)
        {
            cap = (int)Outlook.VeryUnlikely;
        }

        if (seat != SeatStatus.Open || days is null)
        {
            cap = Math.Min(cap, (int)Outlook.Possible);
        }

        if (late && seat != SeatStatus.Open)
        {
            cap = Math.Min(cap, (int)Outlook.Unlikely);
        }

        if (days > LateMaxDays)
        {
            cap = Math.Min(cap, seat == SeatStatus.Open ? (int)Outlook.Unlikely : (int)Outlook.VeryUnlikely);
        }

        return Evaluated((Outlook)Math.Max(floor, Math.Min(score, cap)), confidence);
    }

    private static Decision DecideMissedContact(MissedContact missed, DateOnly asOf)
    {
        // V-06.
        if (missed.FirstMissedCallOn < missed.InterviewedOn || asOf < (missed.FirstMissedCallOn ?? missed.InterviewedOn ?? asOf))
        {
            return new Decision(EvaluationStatus.Invalid, null, null);
        }

        var confidence = missed.FirstMissedCallOn is not null ? Confidence.High
            : missed.InterviewedOn is not null ? Confidence.Medium
            : Confidence.Low;
        if (missed.EmployerSaidPositionFilled == true)
        {
            return Evaluated(Outlook.VeryUnlikely, confidence);
        }

        int? days = (missed.FirstMissedCallOn ?? missed.InterviewedOn) is { } since ? asOf.DayNumber - since.DayNumber : null;
        var score = (int)Outlook.Possible;
        if (days <= 1)
        {
            score++;
        }

        if (days >= 8)
        {
            score--;
        }

        return Evaluated((Outlook)Math.Clamp(score, (int)Outlook.VeryUnlikely, (int)Outlook.Likely), confidence);
    }

    private static Conduct ConductOf(DeclineEvent d)
    {
        if (d.Tone == DeclineTone.Rude || d.Channel == DeclineChannel.NoContact)
        {
            return Conduct.Hostile;
        }

        var delayed = d.Promptness == Promptness.Delayed;
        if (d.Channel == DeclineChannel.ProxyService
            || (d.Channel is DeclineChannel.Email or DeclineChannel.ChatMessage or DeclineChannel.Letter && (delayed || d.ExplainedReason == false))
            || (delayed && d.ExplainedReason == false))
        {
            return Conduct.Poor;
        }

        if (d.Channel is DeclineChannel.Phone or DeclineChannel.InPerson or DeclineChannel.ViaAgent
            && d.Promptness == Promptness.Prompt
            && d.ExplainedReason == true
            && d.ExpressedThanks == true)
        {
            return Conduct.Good;
        }

        if (d.Channel == DeclineChannel.Unknown && d.Promptness == Promptness.Unknown && d.ExplainedReason is null && d.ExpressedThanks is null && d.Tone == DeclineTone.Unknown)
        {
            return Conduct.Unknown;
        }

        return Conduct.Mixed;
    }

    private static Decision Evaluated(Outlook outlook, Confidence confidence) => new(EvaluationStatus.Evaluated, outlook, confidence);
}
