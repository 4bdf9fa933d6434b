using OfferRules.Domain;
using OfferRules.Facts;
using static System.FormattableString;

namespace OfferRules.Evaluation;

/// <summary>
/// The checks that run before a case is evaluated: contradictions that make a case impossible (errors, V-xx) and
/// facts that look wrong or have no effect (warnings, W-xx and M-Wx).
/// </summary>
internal static class CaseValidator
{
    /// <summary>Returns whether the case has an error. With a <see langword="null"/> sink it stops at the first error and allocates nothing.</summary>
    public static bool Validate(OfferCase c, DateOnly asOf, List<ValidationIssue>? sink, Language language)
    {
        var errors = false;
        var offer = c.Offer;
        var decline = c.Decline;

        if (c.Kind == CaseKind.DeclineWithdrawal)
        {
            if (decline.DeclinedOn < offer.OfferedOn)
            {
                if (sink is null)
                {
                    return true;
                }

                errors = true;
                Add(sink, IssueSeverity.Error, "V-01", "$.decline.declinedOn", language,
                    Invariant($"The decline ({decline.DeclinedOn:yyyy-MM-dd}) is dated before the offer ({offer.OfferedOn:yyyy-MM-dd}): there was nothing to decline yet."),
                    Invariant($"辞退日（{decline.DeclinedOn:yyyy-MM-dd}）が内定日（{offer.OfferedOn:yyyy-MM-dd}）より前になっています。まだ辞退できる内定がありません。"));
            }

            if (decline.DeclinedOn is { } declinedOn && asOf < declinedOn)
            {
                if (sink is null)
                {
                    return true;
                }

                errors = true;
                Add(sink, IssueSeverity.Error, "V-02", "$.decline.declinedOn", language,
                    Invariant($"The decline ({declinedOn:yyyy-MM-dd}) is after the evaluation date ({asOf:yyyy-MM-dd}): there is no decline to take back yet."),
                    Invariant($"辞退日（{declinedOn:yyyy-MM-dd}）が判定日（{asOf:yyyy-MM-dd}）より後です。取り消す辞退がまだありません。"));

                if (c.Request.PriorRequestOutcome is PriorRequestOutcome.Refused or PriorRequestOutcome.ReselectionOffered or PriorRequestOutcome.PendingNoReply)
                {
                    Add(sink, IssueSeverity.Error, "V-05", "$.request.priorRequestOutcome", language,
                        "A request to take the decline back is recorded, but the decline itself lies in the future.",
                        "辞退の撤回を申し出た記録がありますが、辞退そのものが未来の日付です。");
                }
            }

            if (offer.StartsOn < offer.OfferedOn)
            {
                if (sink is null)
                {
                    return true;
                }

                errors = true;
                Add(sink, IssueSeverity.Error, "V-03", "$.offer.startsOn", language,
                    Invariant($"The start date ({offer.StartsOn:yyyy-MM-dd}) is before the offer date ({offer.OfferedOn:yyyy-MM-dd})."),
                    Invariant($"入社予定日（{offer.StartsOn:yyyy-MM-dd}）が内定日（{offer.OfferedOn:yyyy-MM-dd}）より前です。"));
            }

            if (decline.Channel == DeclineChannel.NoContact && (decline.ExplainedReason == true || decline.ExpressedThanks == true))
            {
                if (sink is null)
                {
                    return true;
                }

                errors = true;
                Add(sink, IssueSeverity.Error, "V-04", "$.decline.channel", language,
                    "The decline is recorded as 'no contact', yet a reason or thanks were given: both cannot be true.",
                    "辞退の連絡をしていない（channel が「noContact」）とされていますが、理由の説明や感謝を伝えたともされています。両立しません。");
            }
        }
        else
        {
            var missed = c.MissedContact;
            if (missed.FirstMissedCallOn < missed.InterviewedOn)
            {
                if (sink is null)
                {
                    return true;
                }

                errors = true;
                Add(sink, IssueSeverity.Error, "V-06", "$.missedContact.firstMissedCallOn", language,
                    Invariant($"The first missed call ({missed.FirstMissedCallOn:yyyy-MM-dd}) is dated before the interview ({missed.InterviewedOn:yyyy-MM-dd})."),
                    Invariant($"最初の不在着信（{missed.FirstMissedCallOn:yyyy-MM-dd}）が面接日（{missed.InterviewedOn:yyyy-MM-dd}）より前になっています。"));
            }

            var (date, path) = missed.FirstMissedCallOn is { } first ? (first, "$.missedContact.firstMissedCallOn") : (missed.InterviewedOn ?? asOf, "$.missedContact.interviewedOn");
            if (asOf < date)
            {
                if (sink is null)
                {
                    return true;
                }

                errors = true;
                Add(sink, IssueSeverity.Error, "V-06", path, language,
                    Invariant($"The date {date:yyyy-MM-dd} is after the evaluation date ({asOf:yyyy-MM-dd}), which gives a negative number of days."),
                    Invariant($"{date:yyyy-MM-dd} が判定日（{asOf:yyyy-MM-dd}）より後のため、経過日数が負になります。"));
            }
        }

        if (sink is null || errors)
        {
            return errors;
        }

        IgnoredSections(c, sink, language);
        if (c.Kind == CaseKind.DeclineWithdrawal)
        {
            AddWarnings(c, asOf, sink, language);
        }
        else if (c.MissedContact.PlannedChannel == MissedContactChannel.EmailOnly)
        {
            Add(sink, IssueSeverity.Warning, "M-W2", "$.missedContact.plannedChannel", language,
                "Answering by email alone is weak: call back first, and offer email as a second way to reach you.",
                "メールだけの返信では不十分です。まず電話をかけ直し、メールは予備の連絡手段として伝えましょう。");
        }

        return false;
    }

    /// <summary>Warns about sections that the case's kind does not read, so that a form sending the wrong kind is noticed.</summary>
    private static void IgnoredSections(OfferCase c, List<ValidationIssue> sink, Language language)
    {
        if (c.Kind == CaseKind.DeclineWithdrawal)
        {
            if (c.MissedContact != MissedContact.Unknown)
            {
                Ignored(sink, "W-09", "$.missedContact", 0, language);
            }

            return;
        }

        if (c.Decline != DeclineEvent.Unknown)
        {
            Ignored(sink, "M-W4", "$.decline", 1, language);
        }

        if (c.Request != WithdrawalRequest.Unknown)
        {
            Ignored(sink, "M-W4", "$.request", 2, language);
        }

        // The business hours and closed days plan the call; the rest of the company's side is about a declined offer.
        if (!c.Company.Equals(CompanyContext.Unknown) && c.Company with { BusinessHours = null, ClosedDates = [] } != CompanyContext.Unknown)
        {
            Ignored(sink, "M-W4", "$.company", 3, language);
        }
    }

    /// <summary>The texts of the ignored-section warnings, by section (missedContact, decline, request, company) and language: built once, they never vary.</summary>
    private static readonly string[][] s_ignoredTexts =
    [
        [IgnoredText("missedContact", "declineWithdrawal", Language.English), IgnoredText("missedContact", "declineWithdrawal", Language.Japanese)],
        [IgnoredText("decline", "missedEmployerContact", Language.English), IgnoredText("decline", "missedEmployerContact", Language.Japanese)],
        [IgnoredText("request", "missedEmployerContact", Language.English), IgnoredText("request", "missedEmployerContact", Language.Japanese)],
        [IgnoredText("company", "missedEmployerContact", Language.English), IgnoredText("company", "missedEmployerContact", Language.Japanese)],
    ];

    private static void Ignored(List<ValidationIssue> sink, string code, string path, int section, Language language) =>
        sink.Add(new ValidationIssue(IssueSeverity.Warning, code, path, s_ignoredTexts[section][(int)language]));

    private static string IgnoredText(string section, string kind, Language language) =>
        Pick(language,
            section == "company"
                ? Invariant($"Only 'businessHours' and 'closedDates' of the 'company' section are read for a '{kind}' case; its other facts are ignored. Check that the case kind is right.")
                : Invariant($"The '{section}' section is ignored for a '{kind}' case. Check that the case kind is right."),
            section == "company"
                ? Invariant($"「{kind}」のケースでは、company のうち businessHours と closedDates 以外は判定に使われません。ケースの種類が正しいか確認してください。")
                : Invariant($"「{kind}」のケースでは {section} の内容は判定に使われません。ケースの種類が正しいか確認してください。"));

    private static string Pick(Language language, string en, string ja) => language == Language.Japanese ? ja : en;

    private static void AddWarnings(OfferCase c, DateOnly asOf, List<ValidationIssue> sink, Language language)
    {
        var offer = c.Offer;
        var decline = c.Decline;
        if (decline.EvidenceAvailable == true && decline.OriginalReason is DeclineReason.Unknown or DeclineReason.AcceptedOtherOffer or DeclineReason.FitOrConditions)
        {
            Add(sink, IssueSeverity.Warning, "W-01", "$.decline.evidenceAvailable", language,
                "Documents only help when the decline had an unavoidable reason (family or health); with this reason they change nothing.",
                "書類が役立つのは、家族や健康などやむを得ない理由で辞退した場合だけです。この理由では結果は変わりません。");
        }

        if (offer.StageAtDecline == OfferStage.AfterOfferCeremony)
        {
            if (offer.Track == HiringTrack.PartTime)
            {
                Add(sink, IssueSeverity.Warning, "W-02", "$.offer.stageAtDecline", language,
                    "Part-time hiring rarely has an offer ceremony; check the offer stage.",
                    "アルバイト・パートの採用で内定式があるのはまれです。内定の段階を確認してください。");
            }
            else if (offer.Track == HiringTrack.NewGraduate && decline.DeclinedOn is { } declinedOn && CeremonyEarliest(offer) is { } ceremony && declinedOn < ceremony)
            {
                Add(sink, IssueSeverity.Warning, "W-02", "$.offer.stageAtDecline", language,
                    Invariant($"The decline ({declinedOn:yyyy-MM-dd}) is before {ceremony:yyyy-MM-dd}, when offer ceremonies for new graduates usually begin; check the offer stage."),
                    Invariant($"辞退日（{declinedOn:yyyy-MM-dd}）は、新卒の内定式が通常始まる{ceremony:yyyy-MM-dd}より前です。内定の段階を確認してください。"));
            }
        }

        if (c.Company.SeatStatus == SeatStatus.Filled && c.Company.SeatOfferedToOther == false)
        {
            Add(sink, IssueSeverity.Warning, "W-03", "$.company.seatOfferedToOther", language,
                "The seat is recorded as filled, but also as not offered to anyone else; the evaluation treats it as filled.",
                "採用枠は埋まったとされていますが、他の候補者には提示されていないともされています。判定では「埋まった」として扱います。");
        }

        if (offer.StartsOn is { } startsOn && startsOn >= asOf && startsOn.DayNumber - asOf.DayNumber < 14)
        {
            Add(sink, IssueSeverity.Warning, "W-04", "$.offer.startsOn", language,
                Invariant($"The start date is only {startsOn.DayNumber - asOf.DayNumber} days away, which leaves the company very little room."),
                Invariant($"入社予定日まであと{startsOn.DayNumber - asOf.DayNumber}日しかなく、企業側に調整の余地がほとんどありません。"));
        }

        if (c.Request.PlannedChannel is PlannedChannel.EmailOnly or PlannedChannel.LetterOnly)
        {
            Add(sink, IssueSeverity.Warning, "W-05", "$.request.plannedChannel", language,
                "Asking in writing alone is discouraged: phone the person in charge (or visit) first, then follow up in writing.",
                "書面だけで申し出るのは避けましょう。まず担当者に電話（または訪問）し、その後に書面で補いましょう。");
        }

        if (decline.CircumstanceChanged == true && decline.OriginalReason is not (DeclineReason.Unknown or DeclineReason.FamilyEmergency or DeclineReason.Health))
        {
            Add(sink, IssueSeverity.Warning, "W-06", "$.decline.circumstanceChanged", language,
                "A changed situation only counts when the decline had an unavoidable reason (family or health); here it has no effect.",
                "事情の変化が考慮されるのは、家族や健康などやむを得ない理由で辞退した場合だけです。この場合は影響しません。");
        }
    }

    /// <summary>The first day of October of the hiring year, when new-graduate offer ceremonies usually start.</summary>
    private static DateOnly? CeremonyEarliest(Offer offer)
    {
        if (offer.StartsOn is { } starts)
        {
            return new DateOnly(starts.Year - 1, 10, 1);
        }

        if (offer.OfferedOn is { } offered)
        {
            return new DateOnly(offered.Month >= 4 ? offered.Year : offered.Year - 1, 10, 1);
        }

        return null;
    }

    private static void Add(List<ValidationIssue>? sink, IssueSeverity severity, string code, string path, Language language, string en, string ja) =>
        sink?.Add(new ValidationIssue(severity, code, path, language == Language.Japanese ? ja : en));
}
