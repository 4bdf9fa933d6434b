using System.Collections.Immutable;
using System.Globalization;
using OfferRules.Domain;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;
using OfferRules.Scheduling;

namespace OfferRules.Evaluation;

/// <summary>
/// Turns a decided case into advice: the dated action plan, the call slot, the drafts, the caveats and the fallbacks.
/// Which items appear is decided by the rule set's conditions; this class only dates and renders them.
/// </summary>
internal static class Recommender
{
    private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);

    public sealed record Advice(
        ImmutableArray<ActionStep> Actions,
        CallSlot? CallWindow,
        ImmutableArray<MessageDraft> Drafts,
        ImmutableArray<Evaluation.Advice> Caveats,
        ImmutableArray<Evaluation.Advice> Fallbacks)
    {
        /// <summary>No advice: no advice part was asked for.</summary>
        public static Advice None { get; } = new([], null, [], [], []);
    }

    /// <summary>The parts that need the call slot: the plan dates its steps by it, and any text may name it.</summary>
    public const EvaluationParts SlotParts = EvaluationParts.Actions | EvaluationParts.CallSlot | EvaluationParts.Drafts | EvaluationParts.Caveats | EvaluationParts.Fallbacks;

    /// <summary>
    /// Dates and renders the advice parts asked for. The call slot is planned when any asked part needs it; its
    /// warnings go to <paramref name="issues"/> only when the call slot itself is asked. Drafts render on first read.
    /// </summary>
    public static Advice Recommend(
        OfferCase @case,
        PolicyPlan policy,
        ref PlanContext context,
        int[] facts,
        DateTimeOffset now,
        CallWindowPlanner planner,
        int followUpDays,
        List<ValidationIssue> issues,
        Language language,
        EvaluationParts parts)
    {
        if ((parts & SlotParts) == 0)
        {
            return Advice.None;
        }

        // Which steps apply; the call is planned only when one of them is timed by it.
        var actions = policy.Actions;
        var conditions = policy.Recommendations;
        Span<bool> applies = actions.Length <= 256 ? stackalloc bool[actions.Length] : new bool[actions.Length];
        var count = 0;
        var needsCall = false;
        for (var i = 0; i < actions.Length; i++)
        {
            if (conditions.Eval(conditions.Actions[i], ref context) == Truth.True)
            {
                applies[i] = true;
                count++;
                needsCall |= actions[i].Model.Timing is ActionTiming.BeforeCall or ActionTiming.AtCall or ActionTiming.AfterCall or ActionTiming.FollowUp;
            }
        }

        var hours = @case.Company.BusinessHours;
        var slot = needsCall ? PlanCall(@case, now, planner, hours, (parts & EvaluationParts.CallSlot) != 0 ? issues : null, language) : null;
        CallWindow? window = slot is { } s ? planner.GetWindow(DateOnly.FromDateTime(s.Start.DateTime), hours) : null;
        var text = new TextContext(@case, slot, window, followUpDays);

        var steps = ImmutableArray<ActionStep>.Empty;
        if ((parts & EvaluationParts.Actions) != 0)
        {
            var builder = ImmutableArray.CreateBuilder<ActionStep>(count);
            for (var i = 0; i < actions.Length; i++)
            {
                if (!applies[i])
                {
                    continue;
                }

                var model = actions[i].Model;
                builder.Add(new ActionStep(
                    builder.Count + 1,
                    model.Id,
                    model.Channel,
                    model.Timing,
                    When(model.Timing, now, slot, planner, hours, followUpDays),
                    Texts.Render(model.Text.Get(language), language, facts, text)));
            }

            steps = builder.MoveToImmutable();
        }

        var drafts = (parts & EvaluationParts.Drafts) != 0 ? Drafts(policy, ref context, facts, text, language) : [];
        return new Advice(
            steps,
            (parts & EvaluationParts.CallSlot) != 0 ? slot : null,
            drafts,
            (parts & EvaluationParts.Caveats) != 0 ? Select(policy.Caveats, conditions.Caveats, conditions, ref context, facts, text, language) : [],
            (parts & EvaluationParts.Fallbacks) != 0 ? Select(policy.Fallbacks, conditions.Fallbacks, conditions, ref context, facts, text, language) : []);
    }

    /// <summary>
    /// Chooses the drafts and the parts of each that apply now, while the case's memo is at hand, and leaves the
    /// rendering to the first read (<see cref="DraftSource"/>).
    /// </summary>
    private static ImmutableArray<MessageDraft> Drafts(PolicyPlan policy, ref PlanContext context, int[] facts, in TextContext text, Language language)
    {
        ImmutableArray<MessageDraft>.Builder? drafts = null;
        int[]? snapshot = null;
        var conditions = policy.Recommendations;
        for (var d = 0; d < policy.Drafts.Length; d++)
        {
            var draft = policy.Drafts[d];
            if (conditions.Eval(conditions.Drafts[d], ref context) != Truth.True)
            {
                continue;
            }

            var selected = new Template[draft.Parts.Length];
            var n = 0;
            var partRoots = conditions.DraftParts[d];
            for (var p = 0; p < draft.Parts.Length; p++)
            {
                if (partRoots[p] < 0 || conditions.Eval(partRoots[p], ref context) == Truth.True)
                {
                    selected[n++] = draft.Parts[p].Text.Get(language);
                }
            }

            if (n < selected.Length)
            {
                Array.Resize(ref selected, n);
            }

            // One copy of the facts for all drafts, so that a later read renders from the facts of this evaluation.
            snapshot ??= (int[])facts.Clone();
            var model = draft.Model;
            drafts ??= ImmutableArray.CreateBuilder<MessageDraft>(policy.Drafts.Length);
            drafts.Add(new MessageDraft(model.Id, model.Kind, new DraftSource(model.Title.Get(language), model.Subject?.Get(language), selected, snapshot, text, language)));
        }

        return drafts is null ? [] : drafts.ToImmutable();
    }

    private static ImmutableArray<Evaluation.Advice> Select(ImmutableArray<ItemPlan<AdviceModel>> items, int[] roots, RecommendationProgram conditions, ref PlanContext context, int[] facts, in TextContext text, Language language)
    {
        var result = ImmutableArray.CreateBuilder<Evaluation.Advice>();
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (conditions.Eval(roots[i], ref context) == Truth.True)
            {
                result.Add(new Evaluation.Advice(item.Model.Id, Texts.Render(item.Model.Text.Get(language), language, facts, text)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Chooses the call slot: always the first good slot after <paramref name="now"/>, because time works against the
    /// candidate. A planned moment is only judged: one that has passed or is a poor time to phone gets a warning that
    /// names the suggested slot instead.
    /// </summary>
    /// <remarks>Without <paramref name="issues"/> (the call slot was not asked for) only the slot is planned, without its warnings.</remarks>
    private static CallSlot? PlanCall(OfferCase @case, DateTimeOffset now, CallWindowPlanner planner, BusinessHours? hours, List<ValidationIssue>? issues, Language language)
    {
        var (planned, path, code) = PlannedContact(@case);
        CallSlot first;
        try
        {
            first = planner.NextGoodSlot(now, hours);
        }
        catch (InvalidOperationException)
        {
            // Business hours that leave no usable minute at all (for example, only the lunch hour) give no slot.
            issues?.Add(Warning(code, "$.company.businessHours", language,
                "No good time to phone was found within 30 days with these business hours; check them.",
                "この営業時間では、30日以内に電話に適した時間が見つかりません。営業時間を確認してください。"));
            return null;
        }

        if (issues is null)
        {
            return first;
        }

        Notes(first, code, hours, planner, issues, language);
        if (planned is not { } at)
        {
            return first;
        }

        var suggestedEn = Texts.Slot(first, Language.English);
        var suggestedJa = Texts.Slot(first, Language.Japanese);
        if (at < now)
        {
            issues.Add(Warning(code, path, language,
                $"The planned call time ({Moment(at, Language.English)}) has already passed; call at {suggestedEn} instead.",
                $"予定していた電話の時刻（{Moment(at, Language.Japanese)}）はすでに過ぎています。代わりに{suggestedJa}に電話しましょう。"));
            return first;
        }

        var check = planner.Check(at, hours);
        if (!check.IsGood)
        {
            issues.Add(Warning(code, path, language,
                $"The planned call time ({Moment(at, Language.English)}) is not a good time to phone ({Problems(check, Language.English)}); call at {suggestedEn} instead.",
                $"予定の時刻（{Moment(at, Language.Japanese)}）は電話に向いていません（{Problems(check, Language.Japanese)}）。代わりに{suggestedJa}に電話しましょう。"));
        }
        else if (at < first.Start && planner.TryGetStretch(at, hours, out var stretch) && stretch.Notes.HasFlag(CallSlotNotes.ShortStretch))
        {
            // A good moment, but with too little time left before lunch or the end of the calling hours.
            var lunch = TimeOnly.FromDateTime(stretch.End.DateTime) == CallWindowPlanner.LunchStart;
            issues.Add(Warning(code, path, language,
                $"The planned call time ({Moment(at, Language.English)}) leaves less than 30 minutes before {(lunch ? "the lunch hour" : "the end of the calling hours")}; call at {suggestedEn} instead.",
                $"予定の時刻（{Moment(at, Language.Japanese)}）からでは、{(lunch ? "昼休み" : "電話に適した時間帯の終わり")}まで30分もありません。代わりに{suggestedJa}に電話しましょう。"));
        }
        else if (check.Problems.Contains(CallTimeProblem.OftenClosed))
        {
            issues.Add(Warning(code, path, language,
                $"The planned call time ({Moment(at, Language.English)}) falls on a day many companies close (such as the Obon holidays, 13–16 August); call then only if you know the company is open.",
                $"予定の時刻（{Moment(at, Language.Japanese)}）は、お盆（8月13日〜16日）など休業する会社が多い日にあたります。営業していると分かっている場合にだけ電話しましょう。"));
        }
        else if (check.HasSoftWarning)
        {
            issues.Add(Warning(code, path, language,
                $"The planned call time ({Moment(at, Language.English)}) falls in the lunch hour (12:00–13:00), when the person in charge may be out; {suggestedEn} would be better.",
                $"予定の時刻（{Moment(at, Language.Japanese)}）は昼休み（12:00〜13:00）にかかり、担当者が不在の可能性があります。{suggestedJa}の方が適しています。"));
        }

        return first;
    }

    /// <summary>Says what is less than ideal about the suggested slot, so that a compromise is never silent.</summary>
    private static void Notes(CallSlot slot, string code, BusinessHours? hours, CallWindowPlanner planner, List<ValidationIssue> issues, Language language)
    {
        var slotCode = code == "M-W1" ? "M-W5" : "W-10";
        var en = Texts.Slot(slot, Language.English);
        var ja = Texts.Slot(slot, Language.Japanese);
        if (slot.Notes.HasFlag(CallSlotNotes.OftenClosedDay))
        {
            var after = AfterOftenClosedDays(slot, hours, planner);
            var (elseEn, elseJa) = after is { } next
                ? ($" Otherwise, the first good time after those days is {Texts.Slot(next, Language.English)}.", $"そうでなければ、その期間が明けた{Texts.Slot(next, Language.Japanese)}が最初の良い時間です。")
                : (string.Empty, string.Empty);
            issues.Add(Warning(slotCode, "$.company.closedDates", language,
                $"The suggested time ({en}) falls on a day many companies close (such as the Obon holidays): call then only if you know the company is open.{elseEn} If you know its closed days, give them in 'company.closedDates'.",
                $"提案した時間（{ja}）は、お盆など休業する会社が多い日にあたります。営業していると分かっている場合にだけ電話しましょう。{elseJa}休業日が分かれば company.closedDates に指定できます。"));
        }

        if (slot.Notes.HasFlag(CallSlotNotes.NarrowHours) && hours is { } known)
        {
            var open = Texts.Hours(known.Opens, known.Closes, Language.English);
            issues.Add(Warning(slotCode, "$.company.businessHours", language,
                $"The company's hours ({open}) are too short to leave out the first and last hour, so the suggested time ({en}) may be a busy one; keep the call brief.",
                $"営業時間（{Texts.Hours(known.Opens, known.Closes, Language.Japanese)}）が短く、始業直後と終業間際を避けられないため、提案した時間（{ja}）は忙しい時間帯かもしれません。要点を絞って手短に話しましょう。"));
        }

        var slotDay = DateOnly.FromDateTime(slot.Start.DateTime);
        if (!planner.HolidayCalendar.Covers(slotDay))
        {
            // The built-in calendar knows 2000–2099; past it, a holiday would be planned as a working day without a word.
            issues.Add(Warning(slotCode, "$.asOf", language,
                $"The holiday calendar does not cover {Texts.Date(slotDay, Language.English)}, so the suggested time ({en}) may fall on a public holiday; check the calendar before you call.",
                $"祝日の暦が{Texts.Date(slotDay, Language.Japanese)}を扱っていないため、提案した時間（{ja}）が祝日にあたる可能性があります。電話の前に暦を確認しましょう。"));
        }

        if (slot.Notes.HasFlag(CallSlotNotes.ShortStretch))
        {
            issues.Add(Warning(slotCode, hours is null ? "$.asOf" : "$.company.businessHours", language,
                $"The suggested time ({en}) is shorter than 30 minutes, because nothing longer is free soon; call right at its start.",
                $"提案した時間（{ja}）は30分に満たない短い時間帯です（近いうちにこれより長い時間帯がないため）。始まりの時刻ちょうどにかけましょう。"));
        }
    }

    /// <summary>The first good slot after the run of often-closed days that <paramref name="slot"/> falls in.</summary>
    private static CallSlot? AfterOftenClosedDays(CallSlot slot, BusinessHours? hours, CallWindowPlanner planner)
    {
        var day = DateOnly.FromDateTime(slot.Start.DateTime);
        for (var i = 0; i < 31 && planner.CompanyCalendar.IsOftenClosed(day); i++)
        {
            day = day.AddDays(1);
        }

        try
        {
            var next = planner.NextGoodSlot(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), s_japan), hours);
            return next.Notes.HasFlag(CallSlotNotes.OftenClosedDay) ? null : next;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The planned moment of contact of a case, with its JSON path and the code of the call-time warning.</summary>
    internal static (DateTimeOffset? At, string Path, string Code) PlannedContact(OfferCase @case) =>
        @case.Kind == CaseKind.MissedEmployerContact
            ? (@case.MissedContact.PlannedCallAt, "$.missedContact.plannedCallAt", "M-W1")
            : (@case.Request.PlannedContactAt, "$.request.plannedContactAt", "W-07");

    private static string Problems(CallTimeCheck check, Language language) =>
        string.Join(language == Language.Japanese ? "、" : ", ", check.Problems.Select(p => Problem(p, language)));

    private static DateTimeOffset? When(ActionTiming timing, DateTimeOffset now, CallSlot? slot, CallWindowPlanner planner, BusinessHours? hours, int followUpDays) => timing switch
    {
        ActionTiming.Immediately => now.ToOffset(s_japan),
        ActionTiming.BeforeCall => now.ToOffset(s_japan),
        ActionTiming.AtCall => slot?.Start,
        ActionTiming.AfterCall => slot is { } s ? AfterCall(s) : null,
        ActionTiming.FollowUp => slot is { } f ? FollowUp(f.Start, planner, hours, followUpDays) : null,
        _ => null,
    };

    /// <summary>An hour after the call starts, but no later than 18:00 that day and never before the call.</summary>
    private static DateTimeOffset AfterCall(CallSlot slot)
    {
        var start = slot.Start.ToOffset(s_japan);
        var limit = new DateTimeOffset(start.Date + TimeSpan.FromHours(18), s_japan);
        var candidate = start.AddHours(1);
        return candidate < limit ? candidate : (start < limit ? limit : start);
    }

    /// <summary>The given number of business days after the call, at the first good moment of that day.</summary>
    private static DateTimeOffset? FollowUp(DateTimeOffset call, CallWindowPlanner planner, BusinessHours? hours, int businessDays)
    {
        var day = DateOnly.FromDateTime(call.ToOffset(s_japan).DateTime);
        for (var counted = 0; counted < businessDays;)
        {
            day = day.AddDays(1);
            if (planner.IsBusinessDay(day))
            {
                counted++;
            }
        }

        try
        {
            return planner.NextGoodSlot(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), s_japan), hours).Start;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Problem(CallTimeProblem problem, Language language) => (problem, language) switch
    {
        (CallTimeProblem.Weekend, Language.Japanese) => "週末",
        (CallTimeProblem.Holiday, Language.Japanese) => "祝日",
        (CallTimeProblem.BeforeWindow, Language.Japanese) => "始業直後またはそれより前",
        (CallTimeProblem.AfterWindow, Language.Japanese) => "終業間際またはそれより後",
        (CallTimeProblem.Lunch, Language.Japanese) => "昼休み",
        (CallTimeProblem.CompanyClosed, Language.Japanese) => "会社の休業日",
        (CallTimeProblem.OftenClosed, Language.Japanese) => "お盆で休業する会社が多い日",
        (CallTimeProblem.CompanyClosed, _) => "a day the company is closed",
        (CallTimeProblem.OftenClosed, _) => "a day many companies are closed (Obon)",
        (CallTimeProblem.Weekend, _) => "a weekend",
        (CallTimeProblem.Holiday, _) => "a public holiday",
        (CallTimeProblem.BeforeWindow, _) => "too early in the day",
        (CallTimeProblem.AfterWindow, _) => "too late in the day",
        (CallTimeProblem.Lunch, _) => "the lunch hour",
        _ => problem.ToString(),
    };

    /// <summary>Writes a moment in Japan time with its weekday: 2025年7月22日（火）10:00 / Tue 22 July 2025, 10:00.</summary>
    internal static string Moment(DateTimeOffset at, Language language)
    {
        var local = at.ToOffset(s_japan);
        var day = Texts.DateWithWeekday(DateOnly.FromDateTime(local.DateTime), language);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return language == Language.Japanese ? day + time : day + ", " + time;
    }

    private static ValidationIssue Warning(string code, string path, Language language, string en, string ja) =>
        new(IssueSeverity.Warning, code, path, language == Language.Japanese ? ja : en);
}
