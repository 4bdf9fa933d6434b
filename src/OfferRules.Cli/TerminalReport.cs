using OfferRules.Domain;
using OfferRules.Evaluation;
using Spectre.Console;
using Spectre.Console.Rendering;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>
/// Draws an evaluation on a terminal with Spectre.Console: the same content as <see cref="TextReport"/>, in tables
/// that fit the terminal's width and align Japanese by display width, with the outlook and each condition's state in
/// colour. Every text is passed through <see cref="TerminalText.Clean"/> first, so a rule file cannot drive the
/// terminal. Used only when standard output is a terminal; redirected output stays <see cref="TextReport"/>'s.
/// </summary>
internal static class TerminalReport
{
    public static void Write(IAnsiConsole console, string input, EvaluationResult result, bool ja)
    {
        console.Write(new Rule($"[bold]{E(input)}[/]") { Justification = Justify.Left });
        if (result.Status == EvaluationStatus.Invalid)
        {
            console.MarkupLine($"[red]{E(Say(ja, "Cannot evaluate: the case has these problems:", "判定できません。入力に次の問題があります："))}[/]");
            var issues = NewTable(ja ? ["コード", "場所", "内容"] : ["Code", "Path", "Problem"]);
            foreach (var issue in result.Issues)
            {
                issues.AddRow(Plain(issue.Code, "red"), Plain(issue.Path), Plain(issue.Message));
            }

            console.Write(issues);
            return;
        }

        var outlook = result.Outlook!.Value;
        var confidence = result.Confidence!.Value;
        var asOf = result.AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        console.MarkupLine(ja
            ? $"見通し：{OutlookMarkup(outlook, ja)}（確度：{E(TextReport.ConfidenceName(confidence, ja))}、判定日 {asOf}）"
            : $"Outlook: {OutlookMarkup(outlook, ja)} (confidence: {E(TextReport.ConfidenceName(confidence, ja))}, as of {asOf})");
        if (result.AtPlannedTime is { } planned)
        {
            var when = E(TextReport.Time(planned.At, ja));
            var thenConfidence = E(TextReport.ConfidenceName(planned.Confidence, ja));
            console.MarkupLine(ja
                ? $"予定の連絡日（{when}）に連絡した場合：{OutlookMarkup(planned.Outlook, ja)}（確度：{thenConfidence}）"
                : $"If you make contact as planned ({when}): {OutlookMarkup(planned.Outlook, ja)} (confidence: {thenConfidence})");
        }

        if (!result.Findings.IsEmpty)
        {
            Heading(console, Say(ja, "Why:", "理由："));
            var why = NewTable(ja ? ["ルール", "効果", "理由"] : ["Rule", "Effect", "Reason"]);
            foreach (var f in result.Findings)
            {
                why.AddRow(Plain(f.RuleId, "bold"), Plain(TextReport.Effect(f, ja), EffectColour(f)), Plain(f.Message));
            }

            console.Write(why);
        }

        var fallbacksFirst = outlook == Outlook.VeryUnlikely;
        if (fallbacksFirst)
        {
            WriteFallbacks(console, result, ja);
        }

        if (!result.Conditions.IsEmpty)
        {
            Heading(console, ja ? (result.Kind == CaseKind.MissedEmployerContact ? "挽回の条件：" : "撤回の条件：") : "Conditions:");
            var conditions = NewTable(ja ? ["状態", "条件", "説明"] : ["State", "Condition", "Explanation"]);
            foreach (var c in result.Conditions)
            {
                conditions.AddRow(Plain(TextReport.State(c.State, ja), StateColour(c.State, good: ConditionState.Met)), Plain(c.Title, "bold"), Plain(c.Message));
            }

            console.Write(conditions);
        }

        if (!result.FailureReasons.IsEmpty)
        {
            Heading(console, Say(ja, "Failure reasons:", "失敗する理由："));
            var reasons = NewTable(ja ? ["状態", "理由", "説明"] : ["State", "Reason", "Explanation"]);
            foreach (var c in result.FailureReasons)
            {
                reasons.AddRow(Plain(TextReport.FailureState(c.State, ja), StateColour(c.State, good: ConditionState.NotMet)), Plain(c.Title, "bold"), Plain(c.Message));
            }

            console.Write(reasons);
        }

        Bullets(console, Say(ja, "Still unknown, and worth finding out:", "確認すると見通しが変わりうること："), result.MissingFacts.Select(m => m.Message));
        Bullets(console, Say(ja, "What would help:", "見通しを良くするもの："), result.WhatWouldHelp.Select(h => h.Message));

        if (result.CallWindow is { } slot)
        {
            Heading(console, Say(ja, "When to call:", "電話に適した時間："));
            var end = slot.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            console.MarkupLine(ja
                ? $"  [bold]{E(TextReport.Time(slot.Start, ja))}〜{end}[/]（日本時間）"
                : $"  [bold]{E(TextReport.Time(slot.Start, ja))} to {end}[/] (Japan time)");
        }

        if (!result.Actions.IsEmpty)
        {
            Heading(console, Say(ja, "Plan:", "行動プラン："));
            var plan = NewTable(ja ? ["#", "いつ", "方法", "すること"] : ["#", "When", "How", "What to do"]);
            plan.Columns[0].RightAligned();
            foreach (var a in result.Actions)
            {
                var when = a.At is { } at ? TextReport.Time(at, ja)
                    : a.Timing == ActionTiming.Conditional ? Say(ja, "if it applies", "該当する場合")
                    : Say(ja, "any time", "随時");
                plan.AddRow(Plain(CliText.Plain(a.Order)), Plain(when, a.At is null ? "grey" : "bold"), Plain(TextReport.Channel(a.Channel, ja), "cyan"), Plain(a.Message));
            }

            console.Write(plan);
        }

        foreach (var d in result.Drafts)
        {
            console.WriteLine();
            var body = new List<IRenderable>();
            if (d.Subject is { } subject)
            {
                body.Add(new Markup($"[bold]{E(Say(ja, "Subject: ", "件名："))}{E(subject)}[/]"));
                body.Add(new Text(string.Empty));
            }

            body.Add(new Text(TerminalText.Clean(d.Body, keepLineBreaks: true)));
            console.Write(new Panel(new Rows(body)) { Header = new PanelHeader($" {E(d.Title)} "), Border = BoxBorder.Rounded, Expand = true });
        }

        Bullets(console, Say(ja, "Keep in mind:", "注意点："), result.Caveats.Select(c => c.Message));
        if (!fallbacksFirst)
        {
            WriteFallbacks(console, result, ja);
        }

        if (!result.Issues.IsEmpty)
        {
            Heading(console, Say(ja, "Warnings:", "注意："));
            var warnings = NewTable(ja ? ["コード", "場所", "内容"] : ["Code", "Path", "Warning"]);
            foreach (var issue in result.Issues)
            {
                warnings.AddRow(Plain(issue.Code, "yellow"), Plain(issue.Path), Plain(issue.Message));
            }

            console.Write(warnings);
        }
    }

    /// <summary>Escapes cleaned text for Spectre markup.</summary>
    private static string E(string text) => Markup.Escape(TerminalText.Clean(text));

    private static Text Plain(string text, string? style = null) =>
        new(TerminalText.Clean(text), style is null ? Style.Plain : Style.Parse(style));

    private static Table NewTable(string[] headers)
    {
        var table = new Table { Border = TableBorder.Rounded, Expand = false };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Markup($"[bold]{E(header)}[/]")));
        }

        return table;
    }

    private static void Heading(IAnsiConsole console, string title)
    {
        console.WriteLine();
        console.MarkupLine($"[bold underline]{E(title)}[/]");
    }

    private static void Bullets(IAnsiConsole console, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        Heading(console, title);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var item in list)
        {
            grid.AddRow(new Text("  •"), Plain(item));
        }

        console.Write(grid);
    }

    private static void WriteFallbacks(IAnsiConsole console, EvaluationResult result, bool ja) =>
        Bullets(console, Say(ja, "If it does not work out:", "うまくいかなかったときは："), result.Fallbacks.Select(b => b.Message));

    private static string OutlookMarkup(Outlook outlook, bool ja) =>
        $"[bold {OutlookColour(outlook)}]{E(TextReport.OutlookName(outlook, ja))}[/]";

    /// <summary>Gets the colour of an outlook: green for likely, through yellow and orange, to red for very unlikely.</summary>
    internal static string OutlookColour(Outlook outlook) => outlook switch
    {
        Outlook.Likely => "green",
        Outlook.Possible => "yellow",
        Outlook.Unlikely => "darkorange",
        _ => "red",
    };

    /// <summary>Gets the colour of a state: green when it is the good state, red when the bad, yellow when unknown.</summary>
    internal static string StateColour(ConditionState state, ConditionState good) =>
        state == ConditionState.Unknown ? "yellow" : state == good ? "green" : "red";

    private static string EffectColour(Finding f) => f.Stage switch
    {
        RuleStage.Adjust => f.Score > 0 ? "green" : f.Score < 0 ? "red" : "grey",
        RuleStage.Cap or RuleStage.Override when !f.Changed => "grey",
        RuleStage.Cap => "darkorange",
        RuleStage.Info => "grey",
        _ => "bold",
    };
}
