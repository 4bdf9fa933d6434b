using System.Globalization;
using System.Text;
using OfferRules.Domain;
using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Evaluation;

/// <summary>What a text may name besides the facts: the case's own texts and the plan's call slot and settings.</summary>
/// <param name="Case">The case.</param>
/// <param name="Slot">The suggested call slot, when the plan has one.</param>
/// <param name="Window">The calling hours of the slot's day, when the plan has a slot.</param>
/// <param name="FollowUpDays">The rule set's follow-up delay in business days.</param>
internal readonly record struct TextContext(OfferCase Case, Scheduling.CallSlot? Slot, Scheduling.CallWindow? Window, int FollowUpDays);

/// <summary>Renders message templates and the few words the evaluator itself says, in English and Japanese.</summary>
internal static class Texts
{
    private static readonly string[] s_outlookEn = ["very unlikely", "unlikely", "possible", "likely"];
    private static readonly string[] s_outlookJa = ["ほぼ不可能", "難しい", "可能性あり", "見込みあり"];
    private static readonly string[] s_bandEn = ["unknown", "within the first days", "within a week", "more than a week ago", "more than a month ago"];
    private static readonly string[] s_bandJa = ["不明", "数日以内", "1週間以内", "1週間を超えて経過", "1か月を超えて経過"];
    private static readonly string[] s_conductEn = ["unknown", "hostile", "poor", "mixed", "good"];
    private static readonly string[] s_conductJa = ["不明", "不適切", "不十分", "一部不十分", "良好"];

    public static string Outlook(Outlook outlook, Language language) =>
        (language == Language.Japanese ? s_outlookJa : s_outlookEn)[(int)outlook];

    public static string Render(Template template, Language language, ReadOnlySpan<int> facts, OfferCase @case) =>
        Render(template, language, facts, new TextContext(@case, null, null, Rules.PlanningModel.Default.FollowUpBusinessDays));

    public static string Render(Template template, Language language, ReadOnlySpan<int> facts, in TextContext context)
    {
        var segments = template.Segments;
        if (segments.Length == 1 && segments[0].Literal is { } only)
        {
            return only;
        }

        if (segments.IsEmpty)
        {
            return string.Empty;
        }

        var builder = AcquireBuilder();
        RenderTo(builder, template, language, facts, context);
        return ReleaseBuilder(builder);
    }

    /// <summary>One builder per thread for the texts of an evaluation, so that a text costs only its string.</summary>
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Builders that grew past this many characters are not kept.</summary>
    private const int MaxCachedBuilder = 16 * 1024;

    /// <summary>Takes this thread's cached builder, empty, or a new one; give it back with <see cref="ReleaseBuilder"/>.</summary>
    public static StringBuilder AcquireBuilder()
    {
        var builder = t_builder;
        if (builder is null)
        {
            return new StringBuilder(1024);
        }

        t_builder = null;
        return builder.Clear();
    }

    /// <summary>Returns the builder's text and keeps the builder for the next text on this thread.</summary>
    public static string ReleaseBuilder(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxCachedBuilder)
        {
            t_builder = builder;
        }

        return text;
    }

    /// <summary>Renders a template at the end of <paramref name="builder"/>, formatting numbers and dates in place.</summary>
    public static void RenderTo(StringBuilder builder, Template template, Language language, ReadOnlySpan<int> facts, in TextContext context)
    {
        foreach (var segment in template.Segments)
        {
            if (segment.Literal is { } literal)
            {
                builder.Append(literal);
            }
            else if (segment.Fact is { } fact)
            {
                AppendValue(builder, fact, facts[(int)fact.Id], language);
            }
            else
            {
                AppendText(builder, segment, facts, context, language);
            }
        }
    }

    /// <summary>Appends what <see cref="Value"/> returns, without a string for a number or a date.</summary>
    private static void AppendValue(StringBuilder builder, FactDefinition fact, int code, Language language)
    {
        if (code != FactCatalog.Unknown)
        {
            switch (fact.Type)
            {
                case FactType.Int:
                    builder.Append(CultureInfo.InvariantCulture, $"{code}");
                    return;
                case FactType.Date:
                    builder.Append(CultureInfo.InvariantCulture, $"{DateOnly.FromDayNumber(code):yyyy-MM-dd}");
                    return;
            }
        }

        builder.Append(Value(fact, code, language));
    }

    public static string Value(FactDefinition fact, int code, Language language)
    {
        var ja = language == Language.Japanese;
        if (code == FactCatalog.Unknown)
        {
            return ja ? "不明" : "unknown";
        }

        return fact.Type switch
        {
            FactType.Int => code.ToString(CultureInfo.InvariantCulture),
            FactType.Date => DateOnly.FromDayNumber(code).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FactType.Bool => code == 1 ? (ja ? "はい" : "yes") : (ja ? "いいえ" : "no"),
            _ when fact.Id == FactId.TimingBand => (ja ? s_bandJa : s_bandEn)[code],
            _ when fact.Id == FactId.Conduct => (ja ? s_conductJa : s_conductEn)[code],
            _ => fact.EnumNames[code],
        };
    }

    /// <summary>Appends a text placeholder (<see cref="Template.TextPlaceholders"/>, by its position there).</summary>
    private static void AppendText(StringBuilder builder, Template.Segment segment, ReadOnlySpan<int> facts, in TextContext context, Language language)
    {
        var ja = language == Language.Japanese;
        var @case = context.Case;
        switch (segment.Text)
        {
            case 0:
                builder.Append(@case.Offer.Company ?? (ja ? "[会社名]" : "[company]"));
                break;
            case 1:
                builder.Append(@case.Offer.Position ?? (ja ? "[職種]" : "[position]"));
                break;
            case 2:
                builder.Append(@case.Offer.Department ?? (ja ? "[部署名]" : "[department]"));
                break;
            case 3:
                builder.Append(@case.Offer.ContactPerson ?? (ja ? "[ご担当者名]" : "[contact person]"));
                break;
            case 4:
                builder.Append(@case.Candidate.Name ?? (ja ? "[氏名]" : "[your name]"));
                break;
            case 5:
                builder.Append(@case.Candidate.School ?? (ja ? "[学校名]" : "[your school]"));
                break;
            case 6:
                if (context.Slot is { } slot)
                {
                    AppendSlot(builder, slot, language);
                }
                else
                {
                    builder.Append(ja ? "[平日の電話に適した時間]" : "[a good time on a weekday]");
                }

                break;
            case 7:
                if (context.Window is { } window)
                {
                    AppendHours(builder, window.Start, window.End, language);
                }
                else
                {
                    AppendHours(builder, new TimeOnly(10, 0), new TimeOnly(17, 0), language);
                }

                break;
            case 8:
                builder.Append(CultureInfo.InvariantCulture, $"{context.FollowUpDays}");
                break;
            case 9:
                AppendLetterDate(builder, facts[(int)FactId.AsOf], language, "[日付]", "[date]");
                break;
            case 10:
                AppendLetterDate(builder, facts[(int)FactId.DeclineDeclinedOn], language, "[辞退した日付]", "[date you declined]");
                break;
            case 11:
                AppendLetterDate(builder, facts[(int)FactId.MissedContactInterviewedOn], language, "[面接日]", "[interview date]");
                break;
            case 12:
                AppendLetterDate(builder, facts[(int)FactId.MissedContactFirstMissedCallOn], language, "[最初の着信日]", "[date of the first call]");
                break;
            default:
                builder.Append('{').Append(segment.Name).Append('}');
                break;
        }
    }

    private static void AppendLetterDate(StringBuilder builder, int code, Language language, string blankJa, string blankEn)
    {
        if (code == FactCatalog.Unknown)
        {
            builder.Append(language == Language.Japanese ? blankJa : blankEn);
        }
        else
        {
            AppendDate(builder, DateOnly.FromDayNumber(code), language);
        }
    }

    /// <summary>Appends what <see cref="Date"/> returns.</summary>
    private static void AppendDate(StringBuilder builder, DateOnly date, Language language)
    {
        if (language == Language.Japanese)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"{date:d MMMM yyyy}");
        }
    }

    /// <summary>Appends what <see cref="DateWithWeekday"/> returns.</summary>
    private static void AppendDateWithWeekday(StringBuilder builder, DateOnly date, Language language)
    {
        if (language == Language.Japanese)
        {
            AppendDate(builder, date, language);
            builder.Append('（').Append(s_weekdaysJa[(int)date.DayOfWeek]).Append('）');
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"{date:ddd d MMMM yyyy}");
        }
    }

    /// <summary>Appends what <see cref="Hours"/> returns.</summary>
    private static void AppendHours(StringBuilder builder, TimeOnly start, TimeOnly end, Language language) =>
        builder.Append(CultureInfo.InvariantCulture, $"{start:HH:mm}{(language == Language.Japanese ? "〜" : "–")}{end:HH:mm}");

    /// <summary>Appends what <see cref="Slot"/> returns.</summary>
    private static void AppendSlot(StringBuilder builder, Scheduling.CallSlot slot, Language language)
    {
        var start = slot.Start.ToOffset(Scheduling.CallWindowPlanner.JapanOffset);
        var end = slot.End.ToOffset(Scheduling.CallWindowPlanner.JapanOffset);
        AppendDateWithWeekday(builder, DateOnly.FromDateTime(start.DateTime), language);
        if (language != Language.Japanese)
        {
            builder.Append(", ");
        }

        AppendHours(builder, TimeOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(end.DateTime), language);
    }

    private static readonly string[] s_weekdaysJa = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>Writes a day the way a letter does: 2025年7月1日 / 1 July 2025.</summary>
    public static string Date(DateOnly date, Language language) => language == Language.Japanese
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日")
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Writes a day with its weekday: 2025年7月1日（火） / Tue 1 July 2025.</summary>
    public static string DateWithWeekday(DateOnly date, Language language) => language == Language.Japanese
        ? Date(date, language) + "（" + s_weekdaysJa[(int)date.DayOfWeek] + "）"
        : date.ToString("ddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Writes a span of hours: 10:00〜12:00 / 10:00–12:00.</summary>
    public static string Hours(TimeOnly start, TimeOnly end, Language language) =>
        start.ToString("HH:mm", CultureInfo.InvariantCulture) + (language == Language.Japanese ? "〜" : "–") + end.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Writes a call slot: 2025年7月9日（水）10:00〜12:00 / Wed 9 July 2025, 10:00–12:00.</summary>
    public static string Slot(Scheduling.CallSlot slot, Language language)
    {
        var start = slot.Start.ToOffset(Scheduling.CallWindowPlanner.JapanOffset);
        var end = slot.End.ToOffset(Scheduling.CallWindowPlanner.JapanOffset);
        var day = DateWithWeekday(DateOnly.FromDateTime(start.DateTime), language);
        var hours = Hours(TimeOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(end.DateTime), language);
        return language == Language.Japanese ? day + hours : day + ", " + hours;
    }

    public static string MissingFact(FactDefinition fact, Outlook? raise, Outlook? lower, Language language)
    {
        var label = fact.Label(language);
        if (language == Language.Japanese)
        {
            return (raise, lower) switch
            {
                ({ } r, { } l) => $"「{label}」が分かれば、見通しは「{Outlook(r, language)}」まで上がることも「{Outlook(l, language)}」まで下がることもあります。",
                ({ } r, null) => $"「{label}」が分かれば、見通しが「{Outlook(r, language)}」まで上がる可能性があります。",
                (null, { } l) => $"「{label}」によっては、見通しが「{Outlook(l, language)}」まで下がる可能性があります。",
                _ => string.Empty,
            };
        }

        return (raise, lower) switch
        {
            ({ } r, { } l) => $"Knowing {label} could raise the outlook to {Outlook(r, language)} or lower it to {Outlook(l, language)}.",
            ({ } r, null) => $"Knowing {label} could raise the outlook to {Outlook(r, language)}.",
            (null, { } l) => $"Depending on {label}, the outlook could fall to {Outlook(l, language)}.",
            _ => string.Empty,
        };
    }

    public static string Suggestion(string statement, SuggestionKind kind, Outlook outlook, Language language)
    {
        // The only fact a candidate can still change today is whether documents back up the reason.
        var level = Outlook(outlook, language);
        if (language == Language.Japanese)
        {
            return kind == SuggestionKind.Act
                ? $"診断書や関係者の書面など、理由を裏付ける書類をそろえれば、見通しは「{level}」になります。"
                : $"「{statement}」と分かれば、見通しは「{level}」になります。";
        }

        return kind == SuggestionKind.Act
            ? $"If you gather documents that back up your reason (a doctor's certificate, letters from those involved), the outlook becomes {level}."
            : $"If it turns out that {statement}, the outlook becomes {level}.";
    }

    public static string KindNotSupported(CaseKind kind, Language language) => language == Language.Japanese
        ? $"このルールセットには「{Internal.JsonNames<CaseKind>.Of(kind)}」のケースを判定するポリシーがありません。"
        : $"This rule set has no policy for cases of the kind '{Internal.JsonNames<CaseKind>.Of(kind)}'.";
}
