using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using OfferRules.Domain;
using OfferRules.Internal;

namespace OfferRules.Facts;

/// <summary>
/// The fixed, typed catalog of facts that rules can read, and the code that lays a case out as a fact vector.
/// A rule file can only name facts listed here; nothing is looked up by reflection.
/// </summary>
internal static class FactCatalog
{
    /// <summary>The encoded value of a fact that is not known.</summary>
    public const int Unknown = int.MinValue;

    public static readonly FactDefinition[] All =
    [
        Enum<HiringTrack>(FactId.OfferTrack, "offer.track", "the hiring track", "採用区分"),
        Input(FactId.OfferOfferedOn, "offer.offeredOn", FactType.Date, "the offer date", "内定日"),
        Input(FactId.OfferStartsOn, "offer.startsOn", FactType.Date, "the start date", "入社予定日"),
        Enum<OfferStage>(FactId.OfferStageAtDecline, "offer.stageAtDecline", "how far the offer had gone when you declined", "辞退時の内定段階"),
        Input(FactId.OfferViaRecruitmentAgent, "offer.viaRecruitmentAgent", FactType.Bool, "whether the offer came through a recruitment agent", "転職エージェント経由の内定か"),
        Enum<CandidateEvaluation>(FactId.OfferEvaluation, "offer.evaluation", "how highly the company rated you", "企業からの評価"),
        Input(FactId.DeclineDeclinedOn, "decline.declinedOn", FactType.Date, "the date you declined", "辞退した日"),
        Enum<DeclineChannel>(FactId.DeclineChannel, "decline.channel", "how you declined", "辞退の伝え方"),
        Enum<Promptness>(FactId.DeclinePromptness, "decline.promptness", "whether you declined promptly", "辞退連絡の早さ"),
        Input(FactId.DeclineExplainedReason, "decline.explainedReason", FactType.Bool, "whether you explained the reason", "辞退理由を説明したか"),
        Input(FactId.DeclineExpressedThanks, "decline.expressedThanks", FactType.Bool, "whether you thanked them", "感謝を伝えたか"),
        Enum<DeclineTone>(FactId.DeclineTone, "decline.tone", "the tone of your decline", "辞退時の態度"),
        Enum<DeclineReason>(FactId.DeclineOriginalReason, "decline.originalReason", "why you declined", "辞退した理由"),
        Input(FactId.DeclineCircumstanceChanged, "decline.circumstanceChanged", FactType.Bool, "whether the situation behind the decline has changed", "辞退の事情が変わったか"),
        Input(FactId.DeclineEvidenceAvailable, "decline.evidenceAvailable", FactType.Bool, "whether documents back up the reason", "事情を示す書類があるか"),
        Input(FactId.DeclinePreviouslyReversed, "decline.previouslyReversed", FactType.Bool, "whether you have gone back and forth with this company before", "以前にも翻意したことがあるか"),
        Enum<SeatStatus>(FactId.CompanySeatStatus, "company.seatStatus", "whether the seat is still open", "採用枠が空いているか"),
        Input(FactId.CompanySeatOfferedToOther, "company.seatOfferedToOther", FactType.Bool, "whether the seat was offered to someone else", "枠が他の候補者に提示されたか"),
        Input(FactId.CompanyPolicyForbidsReinstatement, "company.policyForbidsReinstatement", FactType.Bool, "whether company rules forbid taking you back", "社内規程で再受け入れが禁じられているか"),
        Enum<HiringNeedTrend>(FactId.CompanyHiringNeedTrend, "company.hiringNeedTrend", "how the company's hiring need has moved", "企業の採用ニーズの変化"),
        Input(FactId.CompanyUnfairPressureOrRescission, "company.unfairPressureOrRescission", FactType.Bool, "whether the company pressed you to decline or rescinded unfairly", "企業による辞退の強要や不当な取り消しがあったか"),
        Enum<ChangeOfMindReason>(FactId.RequestChangeOfMindReason, "request.changeOfMindReason", "why you now want to join", "入社を希望し直した理由"),
        Enum<PriorRequestOutcome>(FactId.RequestPriorRequestOutcome, "request.priorRequestOutcome", "whether you have already asked, and the answer", "すでに申し出たか、その結果"),
        Enum<PlannedChannel>(FactId.RequestPlannedChannel, "request.plannedChannel", "how you plan to ask", "申し出の方法"),
        Input(FactId.RequestWillingToRedoSelection, "request.willingToRedoSelection", FactType.Bool, "whether you would go through selection again", "再選考を受ける意思があるか"),
        Input(FactId.MissedContactInterviewedOn, "missedContact.interviewedOn", FactType.Date, "the interview date", "面接日"),
        Input(FactId.MissedContactFirstMissedCallOn, "missedContact.firstMissedCallOn", FactType.Date, "the date of the first missed call", "最初の不在着信の日"),
        Enum<MissedContactCause>(FactId.MissedContactCause, "missedContact.cause", "why the calls were missed", "電話に出られなかった理由"),
        Input(FactId.MissedContactEmployerSaidPositionFilled, "missedContact.employerSaidPositionFilled", FactType.Bool, "whether the employer said the position is filled", "採用枠が埋まったと言われたか"),
        Enum<MissedContactChannel>(FactId.MissedContactPlannedChannel, "missedContact.plannedChannel", "how you plan to respond", "連絡の方法"),
        Input(FactId.MissedContactHasBackupContact, "missedContact.hasBackupContact", FactType.Bool, "whether you can offer a second way to reach you", "別の連絡手段を用意できるか"),
        Derived(FactId.AsOf, "asOf", FactType.Date, "the evaluation date", "判定日"),
        Derived(FactId.DaysSinceDecline, "daysSinceDecline", FactType.Int, "the number of days since the decline", "辞退からの日数"),
        Derived(FactId.DaysUntilStart, "daysUntilStart", FactType.Int, "the number of days until the start date", "入社予定日までの日数"),
        new(FactId.TimingBand, "timingBand", FactType.Enum, JsonNames<TimingBand>.Names, true, "the time since the decline", "辞退からの経過"),
        new(FactId.Conduct, "conduct", FactType.Enum, JsonNames<ConductQuality>.Names, true, "how you declined, overall", "辞退時の対応の総合評価"),
        Derived(FactId.DaysSinceMissedContact, "daysSinceMissedContact", FactType.Int, "the number of days since the missed contact", "不在着信からの日数"),
        new(FactId.Outlook, "outlook", FactType.Enum, ["unknown", .. JsonNames<Evaluation.Outlook>.Names], true, "the outlook", "見通し"),
    ];

    /// <summary>The length of a fact vector: one slot per <see cref="FactId"/>. A unit test checks it against <see cref="All"/>.</summary>
    public const int Count = (int)FactId.Outlook + 1;

    private static readonly FrozenDictionary<string, FactDefinition> s_byName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static FactDefinition Get(FactId id) => All[(int)id];

    public static bool TryGet(string name, out FactDefinition definition) =>
        s_byName.TryGetValue(name, out definition!);

    /// <summary>Gets the catalogued names closest to a misspelt one, for "did you mean" hints.</summary>
    public static string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var fact in All)
        {
            var distance = Levenshtein(name, fact.Name, limit: 4);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = fact.Name;
            }
        }

        return bestDistance <= 3 ? best : null;
    }

    /// <summary>Writes the input facts of a case into <paramref name="facts"/>; derived facts are left unknown.</summary>
    public static void Fill(OfferCase @case, DateOnly asOf, Span<int> facts) => Fill(@case, asOf, facts, FactSections.All);

    /// <summary>
    /// Writes the input facts of the sections in <paramref name="sections"/> and the evaluation date into
    /// <paramref name="facts"/>, and marks every derived fact unknown. The slots of the other sections are left as they
    /// are: a policy that reads none of their facts never looks at them.
    /// </summary>
    public static void Fill(OfferCase @case, DateOnly asOf, Span<int> facts, FactSections sections)
    {
        _ = facts[Count - 1]; // one bounds check for the whole vector
        if ((sections & FactSections.Offer) != 0)
        {
            var offer = @case.Offer;
            facts[(int)FactId.OfferTrack] = Code(offer.Track);
            facts[(int)FactId.OfferOfferedOn] = Code(offer.OfferedOn);
            facts[(int)FactId.OfferStartsOn] = Code(offer.StartsOn);
            facts[(int)FactId.OfferStageAtDecline] = Code(offer.StageAtDecline);
            facts[(int)FactId.OfferViaRecruitmentAgent] = Code(offer.ViaRecruitmentAgent);
            facts[(int)FactId.OfferEvaluation] = Code(offer.Evaluation);
        }

        if ((sections & FactSections.Decline) != 0)
        {
            var decline = @case.Decline;
            facts[(int)FactId.DeclineDeclinedOn] = Code(decline.DeclinedOn);
            facts[(int)FactId.DeclineChannel] = Code(decline.Channel);
            facts[(int)FactId.DeclinePromptness] = Code(decline.Promptness);
            facts[(int)FactId.DeclineExplainedReason] = Code(decline.ExplainedReason);
            facts[(int)FactId.DeclineExpressedThanks] = Code(decline.ExpressedThanks);
            facts[(int)FactId.DeclineTone] = Code(decline.Tone);
            facts[(int)FactId.DeclineOriginalReason] = Code(decline.OriginalReason);
            facts[(int)FactId.DeclineCircumstanceChanged] = Code(decline.CircumstanceChanged);
            facts[(int)FactId.DeclineEvidenceAvailable] = Code(decline.EvidenceAvailable);
            facts[(int)FactId.DeclinePreviouslyReversed] = Code(decline.PreviouslyReversed);
        }

        if ((sections & FactSections.Company) != 0)
        {
            var company = @case.Company;
            facts[(int)FactId.CompanySeatStatus] = Code(company.SeatStatus);
            facts[(int)FactId.CompanySeatOfferedToOther] = Code(company.SeatOfferedToOther);
            facts[(int)FactId.CompanyPolicyForbidsReinstatement] = Code(company.PolicyForbidsReinstatement);
            facts[(int)FactId.CompanyHiringNeedTrend] = Code(company.HiringNeedTrend);
            facts[(int)FactId.CompanyUnfairPressureOrRescission] = Code(company.UnfairPressureOrRescission);
        }

        if ((sections & FactSections.Request) != 0)
        {
            var request = @case.Request;
            facts[(int)FactId.RequestChangeOfMindReason] = Code(request.ChangeOfMindReason);
            facts[(int)FactId.RequestPriorRequestOutcome] = PriorRequestOutcomeCode(request.PriorRequestOutcome);
            facts[(int)FactId.RequestPlannedChannel] = Code(request.PlannedChannel);
            facts[(int)FactId.RequestWillingToRedoSelection] = Code(request.WillingToRedoSelection);
        }

        if ((sections & FactSections.MissedContact) != 0)
        {
            var missed = @case.MissedContact;
            facts[(int)FactId.MissedContactInterviewedOn] = Code(missed.InterviewedOn);
            facts[(int)FactId.MissedContactFirstMissedCallOn] = Code(missed.FirstMissedCallOn);
            facts[(int)FactId.MissedContactCause] = Code(missed.Cause);
            facts[(int)FactId.MissedContactEmployerSaidPositionFilled] = Code(missed.EmployerSaidPositionFilled);
            facts[(int)FactId.MissedContactPlannedChannel] = Code(missed.PlannedChannel);
            facts[(int)FactId.MissedContactHasBackupContact] = Code(missed.HasBackupContact);
        }

        facts[(int)FactId.AsOf] = asOf.DayNumber;
        facts[(int)FactId.DaysSinceDecline] = Unknown;
        facts[(int)FactId.DaysUntilStart] = Unknown;
        facts[(int)FactId.TimingBand] = Unknown;
        facts[(int)FactId.Conduct] = Unknown;
        facts[(int)FactId.DaysSinceMissedContact] = Unknown;
        facts[(int)FactId.Outlook] = Unknown;
    }

    /// <summary>
    /// Writes one input fact's code into a fact vector: the one entry point for a reader that fills the vector straight
    /// from its input. <paramref name="code"/> must come from one of the <c>Code</c> overloads (or be
    /// <see cref="Unknown"/>); for <see cref="FactId.RequestPriorRequestOutcome"/> use <see cref="PriorRequestOutcomeCode"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(Span<int> facts, FactId fact, int code) => facts[(int)fact] = code;

    /// <summary>Gets the section of the case a fact is read from, or <see cref="FactSections.None"/> for a derived fact.</summary>
    public static FactSections SectionOf(FactId fact) => fact switch
    {
        <= FactId.OfferEvaluation => FactSections.Offer,
        <= FactId.DeclinePreviouslyReversed => FactSections.Decline,
        <= FactId.CompanyUnfairPressureOrRescission => FactSections.Company,
        <= FactId.RequestWillingToRedoSelection => FactSections.Request,
        <= FactId.MissedContactHasBackupContact => FactSections.MissedContact,
        _ => FactSections.None,
    };

    /// <summary>
    /// Gets the code of a prior request's outcome: a request that is not recorded has not been made (§4.5), so an absent
    /// outcome is "not yet asked", never missing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PriorRequestOutcomeCode(PriorRequestOutcome outcome) =>
        outcome == PriorRequestOutcome.Unknown ? (int)PriorRequestOutcome.NotYetAsked : (int)outcome;

    /// <summary>Gets the fact code of an outlook.</summary>
    public static int Code(Evaluation.Outlook outlook) => (int)outlook + 1;

    /// <summary>Computes the day counts from the dates in a fact vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DeriveDayCounts(Span<int> facts)
    {
        var asOf = facts[(int)FactId.AsOf];
        facts[(int)FactId.DaysSinceDecline] = Difference(asOf, facts[(int)FactId.DeclineDeclinedOn]);
        facts[(int)FactId.DaysUntilStart] = Difference(facts[(int)FactId.OfferStartsOn], asOf);
        var first = facts[(int)FactId.MissedContactFirstMissedCallOn];
        var missedOn = first == Unknown ? facts[(int)FactId.MissedContactInterviewedOn] : first;

        facts[(int)FactId.DaysSinceMissedContact] = Difference(asOf, missedOn);
    }

    /// <summary>Gets the code of an enum value: its number, or <see cref="Unknown"/> for 0 (every catalogued enum's unknown member).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Code<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        // Every catalogued enum is int-based, so this reinterprets the value without boxing.
        var code = Unsafe.As<TEnum, int>(ref value);
        return code == 0 ? Unknown : code;
    }

    /// <summary>Gets the code of a yes/no fact: 1, 0, or <see cref="Unknown"/>; without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Code(bool? value)
    {
        // (HasValue - 1) is 0 or -1: all bits set exactly when the value is missing.
        var has = value.HasValue;
        var truth = value.GetValueOrDefault();
        return unchecked(Unsafe.As<bool, byte>(ref truth) | ((Unsafe.As<bool, byte>(ref has) - 1) & Unknown));
    }

    /// <summary>Gets the code of a date fact: its day number, or <see cref="Unknown"/>; without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Code(DateOnly? value)
    {
        var has = value.HasValue;
        return unchecked(value.GetValueOrDefault().DayNumber | ((Unsafe.As<bool, byte>(ref has) - 1) & Unknown));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Difference(int later, int earlier)
    {
        var difference = unchecked(later - earlier);
        return (later == Unknown) | (earlier == Unknown) ? Unknown : difference;
    }

    private static FactDefinition Enum<TEnum>(FactId id, string name, string labelEn, string labelJa)
        where TEnum : struct, System.Enum =>
        new(id, name, FactType.Enum, JsonNames<TEnum>.Names, false, labelEn, labelJa);

    private static FactDefinition Input(FactId id, string name, FactType type, string labelEn, string labelJa) =>
        new(id, name, type, null, false, labelEn, labelJa);

    private static FactDefinition Derived(FactId id, string name, FactType type, string labelEn, string labelJa) =>
        new(id, name, type, null, true, labelEn, labelJa);

    private static int Levenshtein(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return int.MaxValue;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
