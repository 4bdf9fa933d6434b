using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfferRules.Analysis;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>
/// <c>offerrules check | test | coverage | diff | fmt</c>: the rule-file commands, over the library's
/// <see cref="RuleSetAnalysis"/>. Each writes a text report (tables and colours on a terminal) or JSON, and exits with
/// <see cref="CliApp.Ok"/> when it found nothing, <see cref="CliApp.SomeInvalid"/> for findings (errors, failed
/// tests, items never true, changed cases, files not formatted) and <see cref="CliApp.UsageError"/> for a usage error
/// or an input file that the command cannot start from (a rule set or test file that does not load).
/// </summary>
internal static class AnalysisCommands
{
    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static int MaxBytes => RuleSetLimits.Default.MaxBytes;

    /// <summary><c>check RULES.json...</c>: loads each file and prints every error and lint warning.</summary>
    public static int Check(CliConsole console, IReadOnlyList<string> files, bool json, bool strict, bool ja)
    {
        var exit = CliApp.Ok;
        var report = json ? null : ReportWriter.For(console);
        var first = true;
        foreach (var file in files)
        {
            var result = LineBatch.WhileReading(console, file, ja, () => CheckFile(file));
            if (console.Interrupt.IsRequested)
            {
                return LineBatch.Stopped(console, LineBatch.StoppedReading(console, file, ja));
            }

            if (!result.Success || (strict && !result.Warnings.IsEmpty))
            {
                exit = CliApp.SomeInvalid;
            }

            if (json)
            {
                console.Out.WriteLine(Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("file", file);
                    w.WriteBoolean("loaded", result.Success);
                    if (result.RuleSet is { } ruleSet)
                    {
                        w.WriteStartObject("ruleSet");
                        w.WriteString("id", ruleSet.Id);
                        w.WriteString("version", ruleSet.Version);
                        w.WriteString("hash", ruleSet.ContentHash);
                        w.WriteEndObject();
                    }
                    else
                    {
                        w.WriteNull("ruleSet");
                    }

                    w.WriteStartArray("errors");
                    foreach (var d in result.Errors)
                    {
                        Problem(w, "error", d.Code, d.Path, d.Line, d.Column, d.Message);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("warnings");
                    foreach (var d in result.Warnings)
                    {
                        Problem(w, "warning", d.Code, d.Path, d.Line, d.Column, d.GetMessage(ja ? "ja" : "en"));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
                continue;
            }

            if (!first)
            {
                report!.Blank();
            }

            first = false;
            report!.Heading($"== {file}");
            foreach (var d in result.Errors)
            {
                report.Line($"{Say(ja, "error", "エラー")}   {d}", "red");
            }

            foreach (var w in result.Warnings)
            {
                report.Line($"{Say(ja, "warning", "警告")} {w.ToString(ja ? "ja" : "en")}", "yellow");
            }

            if (result.RuleSet is { } loaded)
            {
                var identity = $"{loaded.Id} {loaded.Version} {loaded.ContentHash}";
                report.Line(
                    result.Warnings.IsEmpty
                        ? Say(ja, $"{file}: loads ({identity}); no warning.", $"{file}：読み込めました（{identity}）。警告はありません。")
                        : Say(ja, $"{file}: loads ({identity}); {Plural(result.Warnings.Length, "warning", "warnings")}.", $"{file}：読み込めました（{identity}）。警告が{result.Warnings.Length}件あります。"),
                    result.Warnings.IsEmpty ? "green" : "yellow");
            }
            else
            {
                report.Line(Say(ja, $"{file}: does not load; {Plural(result.Errors.Length, "error", "errors")}.", $"{file}：読み込めません。エラーが{result.Errors.Length}件あります。"), "bold red");
            }
        }

        return exit;
    }

    /// <summary><c>test RULES.json TESTS.json</c>: runs a rule test file and prints pass or fail per test, with what differed.</summary>
    public static int Test(CliConsole console, string rulesFile, string testsFile, bool json, bool ja)
    {
        if (LoadRuleSet(console, rulesFile, ja) is not { } ruleSet)
        {
            return CliApp.UsageError;
        }

        var suite = LineBatch.WhileReading(console, testsFile, ja, () => LoadTests(testsFile));
        if (console.Interrupt.IsRequested)
        {
            return LineBatch.Stopped(console, LineBatch.StoppedReading(console, testsFile, ja));
        }

        if (!suite.TryGetValue(out var tests))
        {
            console.Error.WriteLine(CliApp.ForError(console, Say(ja, $"offerrules: the test file '{testsFile}' did not load:", $"offerrules：テストファイル「{testsFile}」を読み込めませんでした：")));
            foreach (var d in suite.Diagnostics)
            {
                console.Error.WriteLine(CliApp.ForError(console, "  " + d.ToString(ja ? "ja" : "en")));
            }

            return CliApp.UsageError;
        }

        var run = RuleSetAnalysis.RunTests(ruleSet, tests, console.Time);
        if (json)
        {
            console.Out.WriteLine(run.ToJson());
            return run.Success ? CliApp.Ok : CliApp.SomeInvalid;
        }

        var report = ReportWriter.For(console);
        report.Heading(Say(ja, $"== {testsFile} against {Identity(run.RuleSet)}", $"== {testsFile}（{Identity(run.RuleSet)} で実行）"));
        foreach (var test in run.Results)
        {
            var where = test.Line is { } line ? Say(ja, $" (line {line})", $"（{line}行目）") : string.Empty;
            report.Line(test.Passed ? $"{Say(ja, "PASS", "合格  ")}  {test.Name}" : $"{Say(ja, "FAIL", "不合格")}  {test.Name}{where}", test.Passed ? "green" : "bold red");
            foreach (var m in test.Mismatches)
            {
                var field = m.Id is null ? m.Field : $"{m.Field} {m.Id}";
                report.Line(Say(ja, $"        {field}: expected {m.Expected}, actual {m.Actual}", $"        {field}：期待 {m.Expected}、実際 {m.Actual}"), "red");
            }
        }

        report.Line(
            Say(ja, $"{run.Passed} passed, {run.Failed} failed.", $"合格 {run.Passed}件、不合格 {run.Failed}件。"),
            run.Success ? "bold green" : "bold red");
        return run.Success ? CliApp.Ok : CliApp.SomeInvalid;
    }

    /// <summary><c>coverage RULES.json CASES.jsonl</c>: how often each item was true, false and unknown; items never true first.</summary>
    public static int Coverage(CliConsole console, string rulesFile, string casesFile, bool json, bool ja)
    {
        if (LoadRuleSet(console, rulesFile, ja) is not { } ruleSet)
        {
            return CliApp.UsageError;
        }

        var collector = new CoverageCollector(ruleSet, console.Time);
        var read = ReadCases(console, casesFile, ja, (line, _) => collector.AddJson(line), collector.AddUnreadableLine);
        if (read != CliApp.Ok)
        {
            return read;
        }

        var coverage = collector.ToReport();
        var neverTrue = coverage.NeverTrue;
        var exit = neverTrue.IsEmpty && coverage.InvalidCases == 0 && coverage.UnreadableLines == 0 ? CliApp.Ok : CliApp.SomeInvalid;
        if (json)
        {
            console.Out.WriteLine(coverage.ToJson());
            return exit;
        }

        var report = ReportWriter.For(console);
        report.Heading(Say(
            ja,
            $"Coverage of {Identity(coverage.RuleSet)} over {Count(coverage.Cases)} evaluated cases (besides {Count(coverage.InvalidCases)} invalid cases and {Count(coverage.UnreadableLines)} unreadable lines)",
            $"{Identity(coverage.RuleSet)} のカバレッジ：評価したケース{Count(coverage.Cases)}件（このほか不正なケース{Count(coverage.InvalidCases)}件、読めない行{Count(coverage.UnreadableLines)}行）"));
        report.Blank();
        report.Line(
            neverTrue.IsEmpty
                ? Say(ja, "Every item was true in at least one case.", "すべての項目が、少なくとも1件のケースで真になりました。")
                : Say(ja, $"Never true ({Plural(neverTrue.Length, "item", "items")}), listed first:", $"一度も真にならなかった項目（{neverTrue.Length}件、先頭に表示）："),
            neverTrue.IsEmpty ? "green" : "bold red");
        var table = new ReportTable(ja ? ["種類", "ポリシー", "ID", "真", "偽", "不明", "未到達"] : ["Kind", "Policy", "Id", "True", "False", "Unknown", "Not reached"]).Right(3, 4, 5, 6);
        foreach (var item in coverage.Items)
        {
            var style = item.True == 0 ? "red" : null;
            var id = item.Part is { } part ? $"{item.Id} #{part}" : item.Id;
            table.Add(new ReportCell(Kind(item.Kind, ja), style), Name(item.CaseKind), new ReportCell(id, style), Count(item.True), Count(item.False), Count(item.Unknown), Count(item.NotReached));
        }

        report.Table(table);
        return exit;
    }

    /// <summary><c>diff OLD.json NEW.json CASES.jsonl</c>: which cases a change of rule file moves, from what to what, and why.</summary>
    public static int Diff(CliConsole console, string oldFile, string newFile, string casesFile, int examples, bool json, bool ja)
    {
        if (LoadRuleSet(console, oldFile, ja) is not { } oldRuleSet || LoadRuleSet(console, newFile, ja) is not { } newRuleSet)
        {
            return CliApp.UsageError;
        }

        var analyzer = new ImpactAnalyzer(oldRuleSet, newRuleSet, new ImpactOptions { MaxExamples = examples, TimeProvider = console.Time });
        var read = ReadCases(console, casesFile, ja, (line, number) => analyzer.AddJson(line, number), analyzer.AddUnreadableLine);
        if (read != CliApp.Ok)
        {
            return read;
        }

        var impact = analyzer.ToReport();
        var exit = impact.Changed == 0 ? CliApp.Ok : CliApp.SomeInvalid;
        if (json)
        {
            console.Out.WriteLine(impact.ToJson());
            return exit;
        }

        var report = ReportWriter.For(console);
        report.Heading(Say(
            ja,
            $"From {Identity(impact.OldRuleSet)} to {Identity(impact.NewRuleSet)} over {Count(impact.Cases)} cases",
            $"{Identity(impact.OldRuleSet)} から {Identity(impact.NewRuleSet)} へ：ケース{Count(impact.Cases)}件"));
        report.Line(
            Say(ja, $"{Count(impact.Changed)} changed, {Count(impact.Unchanged)} unchanged, {Count(impact.UnreadableLines)} unreadable lines.", $"変わったケース{Count(impact.Changed)}件、変わらなかったケース{Count(impact.Unchanged)}件、読めない行{Count(impact.UnreadableLines)}行。"),
            impact.Changed == 0 ? "green" : "bold yellow");

        report.Blank();
        report.Heading(Say(ja, "Outlook transitions:", "見通しの変化："));
        var outlooks = new ReportTable(ja ? ["ポリシー", "変更前", "変更後", "件数", "変化", "原因のルール"] : ["Policy", "From", "To", "Cases", "Changed", "Rules responsible"]).Right(3, 4);
        foreach (var t in impact.Transitions)
        {
            var style = t.Changed > 0 ? "yellow" : null;
            outlooks.Add(Name(t.CaseKind), new ReportCell(Outlook(t.From, ja), style), new ReportCell(Outlook(t.To, ja), style), Count(t.Count), new ReportCell(Count(t.Changed), style), RuleCounts(t.Rules, ja));
        }

        report.Table(outlooks);

        var confidences = impact.ConfidenceTransitions.Where(c => c.From != c.To).ToList();
        report.Blank();
        report.Heading(Say(ja, "Confidence changes:", "確度の変化："));
        if (confidences.Count == 0)
        {
            report.Line(Say(ja, "  none", "  なし"));
        }
        else
        {
            var table = new ReportTable(ja ? ["ポリシー", "変更前", "変更後", "件数"] : ["Policy", "From", "To", "Cases"]).Right(3);
            foreach (var c in confidences)
            {
                table.Add(Name(c.CaseKind), Confidence(c.From, ja), Confidence(c.To, ja), Count(c.Count));
            }

            report.Table(table);
        }

        if (!impact.Rules.IsEmpty)
        {
            report.Blank();
            report.Heading(Say(ja, "Rules responsible for the changes:", "変化の原因になったルール："));
            report.Line("  " + RuleCounts(impact.Rules, ja));
        }

        var withExamples = impact.Transitions.Where(t => !t.Examples.IsEmpty).ToList();
        if (withExamples.Count > 0)
        {
            report.Blank();
            report.Heading(Say(ja, "Examples:", "例："));
            foreach (var t in withExamples)
            {
                report.Line($"  {Name(t.CaseKind)}: {Outlook(t.From, ja)} → {Outlook(t.To, ja)}", "bold");
                foreach (var e in t.Examples)
                {
                    var rules = e.Rules.IsEmpty ? "-" : string.Join(Say(ja, ", ", "、"), e.Rules);
                    report.Line(Say(ja, $"    line {e.LineNumber} ({rules}): {e.Text}", $"    {e.LineNumber}行目（{rules}）：{e.Text}"));
                }
            }
        }

        return exit;
    }

    /// <summary><c>fmt RULES.json...</c>: rewrites each file in the canonical layout, or with <c>--check</c> only says which are not.</summary>
    public static int Fmt(CliConsole console, IReadOnlyList<string> files, bool check, bool toStdout, bool json, bool ja)
    {
        var exit = CliApp.Ok;
        foreach (var file in files)
        {
            RuleSetFormatResult result;
            try
            {
                var bytes = LineBatch.WhileReading(console, file, ja, () => file == "-" ? CaseFileReader.ReadAtMost(console.OpenStdin(), MaxBytes + 1) : CaseFileReader.ReadFileAtMost(file, MaxBytes + 1));
                if (console.Interrupt.IsRequested)
                {
                    return LineBatch.Stopped(console, LineBatch.StoppedReading(console, file, ja));
                }

                result = RuleSetAnalysis.Format(bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var problems = RuleSetJson.LoadFile(file).Diagnostics;
                exit = CliApp.SomeInvalid;
                Report(file, formatted: false, changed: false, problems, Say(ja, $"{file}: cannot be formatted.", $"{file}：整形できません。"), "bold red");
                continue;
            }

            if (!result.Success)
            {
                exit = CliApp.SomeInvalid;
                Report(file, formatted: false, changed: false, result.Diagnostics, Say(ja, $"{file}: cannot be formatted.", $"{file}：整形できません。"), "bold red");
            }
            else if (toStdout || file == "-")
            {
                console.Out.Write(result.Text);
                if (check && result.Changed)
                {
                    exit = CliApp.SomeInvalid;
                }
            }
            else if (check)
            {
                if (result.Changed)
                {
                    exit = CliApp.SomeInvalid;
                }

                Report(file, formatted: !result.Changed, changed: false, [], result.Changed
                    ? Say(ja, $"{file}: not formatted.", $"{file}：整形されていません。")
                    : Say(ja, $"{file}: formatted.", $"{file}：整形済みです。"), result.Changed ? "bold yellow" : "green");
            }
            else
            {
                if (result.Changed)
                {
                    WriteAtomically(file, result.Text!);
                }

                Report(file, formatted: true, changed: result.Changed, [], result.Changed
                    ? Say(ja, $"{file}: rewritten in the canonical layout.", $"{file}：標準の書式に書き直しました。")
                    : Say(ja, $"{file}: already formatted.", $"{file}：すでに整形済みです。"), result.Changed ? "yellow" : "green");
            }
        }

        return exit;

        void Report(string file, bool formatted, bool changed, ImmutableArray<RuleSetDiagnostic> problems, string line, string style)
        {
            if (json)
            {
                console.Out.WriteLine(Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("file", file);
                    w.WriteBoolean("formatted", formatted);
                    w.WriteBoolean("changed", changed);
                    w.WriteStartArray("errors");
                    foreach (var d in problems)
                    {
                        Problem(w, "error", d.Code, d.Path, d.Line, d.Column, d.Message);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
                return;
            }

            var report = ReportWriter.For(console);
            foreach (var d in problems)
            {
                report.Line($"{Say(ja, "error", "エラー")}   {d}", "red");
            }

            report.Line(line, style);
        }
    }

    /// <summary>Replaces a file through a temporary file beside it, so that a failed write never leaves half a rule file.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Checks a rule file read with a bound; an unreadable file gets the loader's own wording.</summary>
    private static RuleSetCheckResult CheckFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = CaseFileReader.ReadFileAtMost(path, MaxBytes + 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return RuleSetAnalysis.CheckFile(path);
        }

        return RuleSetAnalysis.Check(bytes);
    }

    /// <summary>Loads a rule set for a command that needs one; when it does not load, says why on standard error.</summary>
    private static RuleSet? LoadRuleSet(CliConsole console, string path, bool ja)
    {
        var loaded = LineBatch.WhileReading(console, path, ja, () => RuleSetJson.LoadFile(path));
        if (loaded.TryGetValue(out var ruleSet))
        {
            return ruleSet;
        }

        console.Error.WriteLine(CliApp.ForError(console, Say(ja, $"offerrules: the rule set '{path}' did not load:", $"offerrules：ルールセット「{path}」を読み込めませんでした：")));
        foreach (var d in loaded.Diagnostics)
        {
            console.Error.WriteLine(CliApp.ForError(console, "  " + d));
        }

        return null;
    }

    /// <summary>Reads a rule test file with a bound; <c>caseFile</c> paths are relative to its directory.</summary>
    private static RuleTestSuiteLoadResult LoadTests(string path)
    {
        byte[] bytes;
        try
        {
            bytes = CaseFileReader.ReadFileAtMost(path, MaxBytes + 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return RuleTestSuite.LoadFile(path);
        }

        return RuleTestSuite.Load(bytes, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Reads a JSON Lines input of cases (a file, or standard input for <c>-</c>) with progress and interruption.</summary>
    private static int ReadCases(CliConsole console, string source, bool ja, LineBatch.LineHandler add, Action unreadable)
    {
        Stream stream;
        try
        {
            stream = LineBatch.Open(console, source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine(CliApp.ForError(console, ex is FileNotFoundException or DirectoryNotFoundException
                ? Say(ja, $"offerrules: the cases file '{source}' does not exist.", $"offerrules：ケースファイル「{source}」が見つかりません。")
                : Say(ja, $"offerrules: the cases file '{source}' could not be read: {ex.Message}", $"offerrules：ケースファイル「{source}」を読み込めません（{ex.Message}）。")));
            return CliApp.UsageError;
        }

        try
        {
            Exception? failed = null;
            var batch = new LineBatch(
                console,
                stream,
                source,
                ja,
                skip: 0,
                CaseJson.MaxBytes,
                onLine: add,
                onTooLong: (_, _) => unreadable(),
                onReadFailed: (_, ex) => failed = ex,
                summary: b => Say(
                    ja,
                    $"offerrules: stopped by {console.Interrupt.SignalName} after line {Plain(b.LastLine)} of {source}; no report was written.",
                    $"offerrules：{console.Interrupt.SignalName} を受けて、{source} の{Plain(b.LastLine)}行目で止めました。レポートは出力していません。"));
            batch.RunToEnd();
            if (batch.Interrupted)
            {
                return LineBatch.Stopped(console, batch.Summary());
            }

            if (failed is not null)
            {
                console.Error.WriteLine(CliApp.ForError(console, Say(ja, $"offerrules: the cases file '{source}' could not be read after line {Plain(batch.LastLine)}: {failed.Message}", $"offerrules：ケースファイル「{source}」の{Plain(batch.LastLine)}行目より後を読み込めません（{failed.Message}）。")));
                return CliApp.SomeInvalid;
            }

            return CliApp.Ok;
        }
        finally
        {
            if (source != "-")
            {
                stream.Dispose();
            }
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_jsonOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Problem(Utf8JsonWriter w, string severity, string code, string path, int? line, int? column, string message)
    {
        w.WriteStartObject();
        w.WriteString("severity", severity);
        w.WriteString("code", code);
        w.WriteString("path", path);
        if (line is { } l)
        {
            w.WriteNumber("line", l);
        }
        else
        {
            w.WriteNull("line");
        }

        if (column is { } c)
        {
            w.WriteNumber("column", c);
        }
        else
        {
            w.WriteNull("column");
        }

        w.WriteString("message", message);
        w.WriteEndObject();
    }

    private static string Identity(RuleSetIdentity identity) => $"{identity.Id} {identity.Version} ({identity.Hash})";

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string RuleCounts(ImmutableArray<RuleChangeCount> rules, bool ja) =>
        rules.IsEmpty ? "-" : string.Join(Say(ja, ", ", "、"), rules.Select(r => $"{r.RuleId} ({Count(r.Count)})"));

    private static string Name(Domain.CaseKind kind) => kind == Domain.CaseKind.MissedEmployerContact ? "missedEmployerContact" : "declineWithdrawal";

    private static string Outlook(Outlook? outlook, bool ja) => outlook is { } o ? TextReport.OutlookName(o, ja) : Say(ja, "invalid", "判定不能");

    private static string Confidence(Confidence? confidence, bool ja) => confidence is { } c ? TextReport.ConfidenceName(c, ja) : Say(ja, "invalid", "判定不能");

    private static string Kind(CoverageItemKind kind, bool ja) => kind switch
    {
        CoverageItemKind.Rule => Say(ja, "rule", "ルール"),
        CoverageItemKind.Condition => Say(ja, "condition", "条件"),
        CoverageItemKind.Action => Say(ja, "action", "行動"),
        CoverageItemKind.Caveat => Say(ja, "caveat", "注意点"),
        CoverageItemKind.Fallback => Say(ja, "fallback", "代替案"),
        CoverageItemKind.Draft => Say(ja, "draft", "文面"),
        _ => Say(ja, "draft part", "文面の部品"),
    };
}
