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
        ImmutableArray<Evaluation.Advice> Fallbacks);

    public static Advice Recommend(
        OfferCase @case,
        PolicyPlan policy,
        ref PlanContext context,
        int[] facts,
        DateTimeOffset now,
        CallWindowPlanner planner,
        List<ValidationIssue> issues,
        Language language)
    {
        var steps = new List<ItemPlan<ActionModel>>();
        foreach (var action in policy.Actions)
        {
            if (action.When.Evaluate(ref context) == Truth.True)
            {
                steps.Add(action);
            }
        }

        var needsCall = steps.Any(s => s.Model.Timing is ActionTiming.BeforeCall or ActionTiming.AtCall or ActionTiming.AfterCall or ActionTiming.FollowUp);
        var slot = needsCall ? PlanCall(@case, now, planner, issues, language) : null;
        var actions = ImmutableArray.CreateBuilder<ActionStep>(steps.Count);
        foreach (var step in steps)
        {
            var model = step.Model;
            actions.Add(new ActionStep(
                actions.Count + 1,
                model.Id,
                model.Channel,
                model.Timing,
                When(model.Timing, now, slot, planner, @case.Company.BusinessHours),
                Texts.Render(model.Text.Get(language), language, facts, @case)));
        }

        var drafts = ImmutableArray.CreateBuilder<MessageDraft>();
        foreach (var draft in policy.Drafts)
        {
            if (draft.When.Evaluate(ref context) != Truth.True)
            {
                continue;
            }

            var lines = new List<string>();
            foreach (var (when, text) in draft.Parts)
            {
                if (when is null || when.Evaluate(ref context) == Truth.True)
                {
                    lines.Add(Texts.Render(text.Get(language), language, facts, @case));
                }
            }

            var model = draft.Model;
            drafts.Add(new MessageDraft(
                model.Id,
                model.Kind,
                Texts.Render(model.Title.Get(language), language, facts, @case),
                model.Subject is null ? null : Texts.Render(model.Subject.Get(language), language, facts, @case),
                string.Join("\n", lines)));
        }

        return new Advice(
            actions.ToImmutable(),
            slot,
            drafts.ToImmutable(),
            Select(policy.Caveats, ref context, facts, @case, language),
            Select(policy.Fallbacks, ref context, facts, @case, language));
    }

    private static ImmutableArray<Evaluation.Advice> Select(ImmutableArray<ItemPlan<AdviceModel>> items, ref PlanContext context, int[] facts, OfferCase @case, Language language)
    {
        var result = ImmutableArray.CreateBuilder<Evaluation.Advice>();
        foreach (var item in items)
        {
            if (item.When.Evaluate(ref context) == Truth.True)
            {
                result.Add(new Evaluation.Advice(item.Model.Id, Texts.Render(item.Model.Text.Get(language), language, facts, @case)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Chooses the call slot: the planned moment when it is good, otherwise the next good one; warns about a poor plan.</summary>
    private static CallSlot? PlanCall(OfferCase @case, DateTimeOffset now, CallWindowPlanner planner, List<ValidationIssue> issues, Language language)
    {
        var hours = @case.Company.BusinessHours;
        var (planned, path, code) = @case.Kind == CaseKind.MissedEmployerContact
            ? (@case.MissedContact.PlannedCallAt, "$.missedContact.plannedCallAt", "M-W1")
            : (@case.Request.PlannedContactAt, "$.request.plannedContactAt", "W-07");
        try
        {
            if (planned is not { } at)
            {
                return planner.NextGoodSlot(now, hours);
            }

            if (at < now)
            {
                var next = planner.NextGoodSlot(now, hours);
                issues.Add(Warning(code, path, language,
                    $"The planned call time ({Format(at, Language.English)}) has already passed; call at {Format(next.Start, Language.English)} instead.",
                    $"予定していた電話の時刻({Format(at, Language.Japanese)})はすでに過ぎています。代わりに{Format(next.Start, Language.Japanese)}に電話しましょう。"));
                return next;
            }

            var check = planner.Check(at, hours);
            if (check.IsGood)
            {
                if (check.HasSoftWarning)
                {
                    issues.Add(Warning(code, path, language,
                        $"The planned call time ({Format(at, Language.English)}) falls in the lunch hour (12:00–13:00); the person in charge may be out. {Format(check.Suggested?.Start, Language.English)} would be better.",
                        $"予定の時刻({Format(at, Language.Japanese)})は昼休み(12:00〜13:00)にかかり、担当者が不在の可能性があります。{Format(check.Suggested?.Start, Language.Japanese)}の方が適しています。"));
                }

                var stretch = planner.NextGoodSlot(at, hours);
                var start = at.ToOffset(s_japan);
                return new CallSlot(start, stretch.End > start ? stretch.End : start);
            }

            var reasons = string.Join(language == Language.Japanese ? "、" : ", ", check.Problems.Select(p => Problem(p, language)));
            issues.Add(Warning(code, path, language,
                $"The planned call time ({Format(at, Language.English)}) is not a good time to phone ({reasons}); call at {Format(check.Suggested?.Start, Language.English)} instead.",
                $"予定の時刻({Format(at, Language.Japanese)})は電話に向いていません({reasons})。代わりに{Format(check.Suggested?.Start, Language.Japanese)}に電話しましょう。"));
            return check.Suggested;
        }
        catch (InvalidOperationException)
        {
            // Business hours that leave no usable window (for example, only the lunch hour) give no slot at all.
            issues.Add(Warning(code, "$.company.businessHours", language,
                "No good time to phone was found within 30 days with these business hours; check them.",
                "この営業時間では30日以内に電話に適した時間が見つかりません。営業時間を確認してください。"));
            return null;
        }
    }

    private static DateTimeOffset? When(ActionTiming timing, DateTimeOffset now, CallSlot? slot, CallWindowPlanner planner, BusinessHours? hours) => timing switch
    {
        ActionTiming.Immediately => now.ToOffset(s_japan),
        ActionTiming.BeforeCall => now.ToOffset(s_japan),
        ActionTiming.AtCall => slot?.Start,
        ActionTiming.AfterCall => slot is { } s ? Min(s.Start.AddHours(1), s.Start.Date + TimeSpan.FromHours(18), s.Start) : null,
        ActionTiming.FollowUp => slot is { } f ? FollowUp(f.Start, planner, hours) : null,
        _ => null,
    };

    private static DateTimeOffset Min(DateTimeOffset candidate, DateTime endOfDay, DateTimeOffset start)
    {
        var limit = new DateTimeOffset(endOfDay, s_japan);
        return candidate < limit ? candidate : (start < limit ? limit : start);
    }

    /// <summary>Five business days after the call, at the first good moment of that day.</summary>
    private static DateTimeOffset? FollowUp(DateTimeOffset call, CallWindowPlanner planner, BusinessHours? hours)
    {
        var day = DateOnly.FromDateTime(call.ToOffset(s_japan).DateTime);
        for (var counted = 0; counted < 5;)
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
        (CallTimeProblem.Weekend, _) => "a weekend",
        (CallTimeProblem.Holiday, _) => "a public holiday",
        (CallTimeProblem.BeforeWindow, _) => "too early in the day",
        (CallTimeProblem.AfterWindow, _) => "too late in the day",
        (CallTimeProblem.Lunch, _) => "the lunch hour",
        _ => problem.ToString(),
    };

    private static readonly string[] s_weekdaysJa = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>Writes a moment in Japan time with its weekday, for example <c>2025-07-22 (Tue) 10:00</c> or <c>2025-07-22(火) 10:00</c>.</summary>
    public static string Format(DateTimeOffset? at, Language language)
    {
        if (at is not { } value)
        {
            return "-";
        }

        var local = value.ToOffset(s_japan);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        var date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return language == Language.Japanese
            ? $"{date}({s_weekdaysJa[(int)local.DayOfWeek]}) {time}"
            : $"{date} ({local.ToString("ddd", CultureInfo.InvariantCulture)}) {time}";
    }

    private static ValidationIssue Warning(string code, string path, Language language, string en, string ja) =>
        new(IssueSeverity.Warning, code, path, language == Language.Japanese ? ja : en);
}
