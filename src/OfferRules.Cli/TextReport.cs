using OfferRules.Evaluation;

namespace OfferRules.Cli;

/// <summary>Writes an evaluation as a plain-text explanation for a person, in English or Japanese.</summary>
internal static class TextReport
{
    private static readonly string[] s_outlookEn = ["very unlikely", "unlikely", "possible", "likely"];
    private static readonly string[] s_outlookJa = ["ほぼ不可能", "難しい", "可能性あり", "見込みあり"];
    private static readonly string[] s_confidenceEn = ["low", "medium", "high"];
    private static readonly string[] s_confidenceJa = ["低", "中", "高"];

    /// <summary>Gets the name of an outlook, as the report prints it.</summary>
    internal static string OutlookName(Outlook outlook, bool ja) => (ja ? s_outlookJa : s_outlookEn)[(int)outlook];

    /// <summary>Gets the name of a confidence, as the report prints it.</summary>
    internal static string ConfidenceName(Confidence confidence, bool ja) => (ja ? s_confidenceJa : s_confidenceEn)[(int)confidence];

    public static void Write(TextWriter output, string input, EvaluationResult result, bool ja)
    {
        output.WriteLine($"== {input}");
        if (result.Status == EvaluationStatus.Invalid)
        {
            output.WriteLine(ja ? "判定できません。入力に次の問題があります：" : "Cannot evaluate: the case has these problems:");
            foreach (var issue in result.Issues)
            {
                output.WriteLine($"  {issue.Code,-22} {issue.Path}: {issue.Message}");
            }

            return;
        }

        var outlook = (ja ? s_outlookJa : s_outlookEn)[(int)result.Outlook!.Value];
        var confidence = (ja ? s_confidenceJa : s_confidenceEn)[(int)result.Confidence!.Value];
        output.WriteLine(ja
            ? $"見通し：{outlook}（確度：{confidence}、判定日 {result.AsOf:yyyy-MM-dd}）"
            : $"Outlook: {outlook} (confidence: {confidence}, as of {result.AsOf:yyyy-MM-dd})");
        if (result.AtPlannedTime is { } planned)
        {
            var then = (ja ? s_outlookJa : s_outlookEn)[(int)planned.Outlook];
            var thenConfidence = (ja ? s_confidenceJa : s_confidenceEn)[(int)planned.Confidence];
            output.WriteLine(ja
                ? $"予定の連絡日（{Time(planned.At, ja)}）に連絡した場合：{then}（確度：{thenConfidence}）"
                : $"If you make contact as planned ({Time(planned.At, ja)}): {then} (confidence: {thenConfidence})");
        }

        output.WriteLine();
        output.WriteLine(ja ? "理由：" : "Why:");
        foreach (var f in result.Findings)
        {
            output.WriteLine($"  {f.RuleId,-6} {Effect(f, ja),-22} {f.Message}");
        }

        // When a reversal is all but ruled out, the alternatives come first: they are what the candidate should act on.
        var fallbacksFirst = result.Outlook == Outlook.VeryUnlikely;
        if (fallbacksFirst)
        {
            WriteFallbacks(output, result, ja);
        }

        if (!result.Conditions.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine(ja ? (result.Kind == OfferRules.Domain.CaseKind.MissedEmployerContact ? "挽回の条件：" : "撤回の条件：") : "Conditions:");
            foreach (var c in result.Conditions)
            {
                output.WriteLine($"  [{State(c.State, ja)}] {c.Title}: {c.Message}");
            }
        }

        if (!result.FailureReasons.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine(ja ? "失敗する理由：" : "Failure reasons:");
            foreach (var c in result.FailureReasons)
            {
                output.WriteLine($"  [{FailureState(c.State, ja)}] {c.Title}: {c.Message}");
            }
        }

        if (!result.MissingFacts.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine(ja ? "確認すると見通しが変わりうること：" : "Still unknown, and worth finding out:");
            foreach (var m in result.MissingFacts)
            {
                output.WriteLine($"  - {m.Message}");
            }
        }

        if (!result.WhatWouldHelp.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine(ja ? "見通しを良くするもの：" : "What would help:");
            foreach (var h in result.WhatWouldHelp)
            {
                output.WriteLine($"  - {h.Message}");
            }
        }

        if (result.CallWindow is { } slot)
        {
            output.WriteLine();
            output.WriteLine(ja
                ? $"電話に適した時間：{Time(slot.Start, ja)}〜{slot.End:HH:mm}（日本時間）"
                : $"When to call: {Time(slot.Start, ja)} to {slot.End:HH:mm} (Japan time)");
        }

        if (!result.Actions.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine(ja ? "行動プラン：" : "Plan:");
            foreach (var a in result.Actions)
            {
                var when = a.At is { } at ? Time(at, ja)
                    : a.Timing == ActionTiming.Conditional ? (ja ? "該当する場合" : "if it applies")
                    : (ja ? "随時" : "any time");
                output.WriteLine(ja
                    ? $"  {a.Order,2}. [{when}] （{Channel(a.Channel, ja)}）{a.Message}"
                    : $"  {a.Order,2}. [{when}] ({Channel(a.Channel, ja)}) {a.Message}");
            }
        }

        foreach (var d in result.Drafts)
        {
            output.WriteLine();
            output.WriteLine($"--- {d.Title} ---");
            if (d.Subject is { } subject)
            {
                output.WriteLine((ja ? "件名：" : "Subject: ") + subject);
                output.WriteLine();
            }

            output.WriteLine(d.Body);
        }

        if (!result.Caveats.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine(ja ? "注意点：" : "Keep in mind:");
            foreach (var c in result.Caveats)
            {
                output.WriteLine($"  - {c.Message}");
            }
        }

        if (!fallbacksFirst)
        {
            WriteFallbacks(output, result, ja);
        }

        if (!result.Issues.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine(ja ? "注意：" : "Warnings:");
            foreach (var issue in result.Issues)
            {
                output.WriteLine($"  {issue.Code} {issue.Path}: {issue.Message}");
            }
        }
    }

    private static void WriteFallbacks(TextWriter output, EvaluationResult result, bool ja)
    {
        if (result.Fallbacks.IsEmpty)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(ja ? "うまくいかなかったときは：" : "If it does not work out:");
        foreach (var b in result.Fallbacks)
        {
            output.WriteLine($"  - {b.Message}");
        }
    }

    internal static string Effect(Finding f, bool ja)
    {
        string Name(Outlook o) => (ja ? s_outlookJa : s_outlookEn)[(int)o];
        return f.Stage switch
        {
            RuleStage.Adjust => f.Score > 0 ? $"+{f.Score}" : f.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RuleStage.Cap => (ja ? $"上限 {Name(f.Outlook!.Value)}" : $"cap {Name(f.Outlook!.Value)}") + (f.Changed ? string.Empty : ja ? "（影響なし）" : " (no effect)"),
            RuleStage.Info => ja ? "参考" : "note",
            RuleStage.Base => ja ? $"出発点 {Name(f.Outlook!.Value)}" : $"start {Name(f.Outlook!.Value)}",
            RuleStage.Override => (ja ? $"下限 {Name(f.Outlook!.Value)}" : $"floor {Name(f.Outlook!.Value)}") + (f.Changed ? string.Empty : ja ? "（影響なし）" : " (no effect)"),
            _ => ja ? $"確定 {Name(f.Outlook!.Value)}" : $"settles {Name(f.Outlook!.Value)}",
        };
    }

    private static readonly string[] s_weekdaysJa = ["日", "月", "火", "水", "木", "金", "土"];

    internal static string Time(DateTimeOffset at, bool ja)
    {
        var date = at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var day = ja ? $"（{s_weekdaysJa[(int)at.DayOfWeek]}）" : $" ({at.ToString("ddd", System.Globalization.CultureInfo.InvariantCulture)})";
        return at.TimeOfDay == TimeSpan.Zero ? date + day : $"{date}{day} {at:HH:mm}";
    }

    internal static string Channel(ActionChannel channel, bool ja) => channel switch
    {
        ActionChannel.Phone => ja ? "電話" : "phone",
        ActionChannel.Visit => ja ? "訪問" : "visit",
        ActionChannel.Email => ja ? "メール" : "email",
        ActionChannel.Letter => ja ? "郵送" : "letter",
        ActionChannel.Agent => ja ? "エージェント" : "agent",
        ActionChannel.Notes => ja ? "準備" : "notes",
        ActionChannel.Documents => ja ? "書類" : "documents",
        ActionChannel.Web => ja ? "調べる" : "look up",
        ActionChannel.Consultation => ja ? "相談" : "advice",
        _ => "-",
    };

    internal static string State(ConditionState state, bool ja) => state switch
    {
        ConditionState.Met => ja ? "満たす" : "met",
        ConditionState.NotMet => ja ? "満たさない" : "not met",
        _ => ja ? "不明" : "unknown",
    };

    internal static string FailureState(ConditionState state, bool ja) => state switch
    {
        ConditionState.Met => ja ? "該当" : "applies",
        ConditionState.NotMet => ja ? "該当せず" : "does not apply",
        _ => ja ? "不明" : "unknown",
    };
}
