using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfferRules.Analysis;
using OfferRules.Cli.Tests.TestSupport;
using OfferRules.Serialization;

namespace OfferRules.Cli.Tests;

/// <summary><c>check | test | coverage | diff | fmt</c>: exit codes and outputs on good and bad files, in text and JSON.</summary>
public sealed class AnalysisCommandsTests
{
    private static string DefaultPolicy => Path.Combine(AppContext.BaseDirectory, "rules", "default-policy.json");

    private static string TenantRules => Path.Combine(AppContext.BaseDirectory, "rules", "tenant-ruleset.json");

    private static string DefaultTests => Path.Combine(AppContext.BaseDirectory, "ruletests", "default-policy.tests.json");

    [Fact]
    public void Check_GoodFile_ExitsZeroAndNamesTheRuleSet()
    {
        var (exit, output, _) = Tool.Run("check", TenantRules);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal($"== {TenantRules}\n{TenantRules}: loads (tenant.acme 2025.1 {Hash(TenantRules)}); no warning.\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_BrokenFile_ExitsOneWithEveryErrorAndItsPosition()
    {
        using var broken = new TempFile("{\n  \"schemaVersion\": 1\n}\n", ".json");

        var (exit, output, _) = Tool.Run("check", broken.Path);

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Contains("error   (document) (line 1, column 1): The rule set needs the property 'id'. [ruleSet.missingProperty]", output, StringComparison.Ordinal);
        Assert.Contains($"{broken.Path}: does not load; ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JsonOnAGoodAndABadFile_WritesOneObjectPerFileAndExitsOne()
    {
        var (exit, output, _) = Tool.Run("check", TenantRules, "no-such-rules.json", "--format", "json");

        var lines = Tool.ParseLines(output);
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(2, lines.Length);
        Assert.True(lines[0].GetProperty("loaded").GetBoolean());
        Assert.Equal("tenant.acme", lines[0].GetProperty("ruleSet").GetProperty("id").GetString());
        Assert.False(lines[1].GetProperty("loaded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("ruleSet").ValueKind);
        Assert.Equal("file.unreadable", lines[1].GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Check_Strict_CountsTheLintWarningsOfTheDefaultPolicy()
    {
        var warnings = RuleSetAnalysis.Check(File.ReadAllBytes(DefaultPolicy)).Warnings;

        var (plain, _, _) = Tool.Run("check", DefaultPolicy);
        var (strict, output, _) = Tool.Run("check", DefaultPolicy, "--strict");

        Assert.Equal(CliApp.Ok, plain);
        Assert.Equal(warnings.IsEmpty ? CliApp.Ok : CliApp.SomeInvalid, strict);
        Assert.All(warnings, w => Assert.Contains($"[{w.Code}]", output, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_InJapanese_SaysSoInJapanese()
    {
        var (_, output, _) = Tool.Run("check", "no-such-rules.json", "--lang", "ja");

        Assert.Contains("no-such-rules.json：読み込めません。エラーが1件あります。", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DevZero_IsReadWithABoundAndReportedTooLarge()
    {
        var (exit, output, _) = await Task.Run(() => Tool.Run("check", "/dev/zero", "-f", "json")).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal("ruleSet.limit", Assert.Single(Tool.ParseLines(output)).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Test_TheDefaultPolicysTests_AllPassAndExitZero()
    {
        var (exit, output, _) = Tool.Run("test", DefaultPolicy, DefaultTests);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("PASS  S01 fresh, polite decline with the seat open", output, StringComparison.Ordinal);
        Assert.EndsWith("12 passed, 0 failed.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_AFailingTest_ExitsOneAndShowsWhatDiffered()
    {
        using var tests = FailingTests();

        var (exit, output, _) = Tool.Run("test", DefaultPolicy, tests.Path);

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Contains("FAIL  S01 expected wrongly (line 4)", output, StringComparison.Ordinal);
        Assert.Contains("        outlook: expected veryUnlikely, actual likely", output, StringComparison.Ordinal);
        Assert.Contains("PASS  S01 expected rightly", output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_Json_WritesTheRunAsOneObject()
    {
        using var tests = FailingTests();

        var (exit, output, _) = Tool.Run("test", DefaultPolicy, tests.Path, "--format=json", "--lang", "ja");

        var run = Assert.Single(Tool.ParseLines(output));
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(1, run.GetProperty("passed").GetInt32());
        Assert.Equal(1, run.GetProperty("failed").GetInt32());
        Assert.Equal("outlook", run.GetProperty("tests")[0].GetProperty("mismatches")[0].GetProperty("field").GetString());
    }

    [Fact]
    public void Test_InJapanese_CountsInJapanese()
    {
        using var tests = FailingTests();

        var (_, output, _) = Tool.Run("test", DefaultPolicy, tests.Path, "--lang", "ja");

        Assert.Contains("        outlook：期待 veryUnlikely、実際 likely", output, StringComparison.Ordinal);
        Assert.Contains("合格 1件、不合格 1件。", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("tests")]
    public void Test_AFileThatDoesNotLoad_ExitsTwoAndSaysWhy(string broken)
    {
        using var bad = new TempFile("{ \"schemaVersion\": 1 }", ".json");

        var (exit, output, error) = broken == "rules" ? Tool.Run("test", bad.Path, DefaultTests) : Tool.Run("test", DefaultPolicy, bad.Path);

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains(broken == "rules" ? "the rule set" : "the test file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_TheExampleCases_ListsTheRulesTheyNeverReachFirstAndExitsOne()
    {
        using var cases = new TempFile(Tool.JsonLines(11));

        var (exit, output, _) = Tool.Run("coverage", DefaultPolicy, cases.Path, "--format", "json");

        using var report = JsonDocument.Parse(output);
        var items = report.RootElement.GetProperty("items").EnumerateArray().ToArray();
        var neverTrue = items.TakeWhile(i => i.GetProperty("true").GetInt64() == 0).Count();
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(11, report.RootElement.GetProperty("cases").GetInt64());
        Assert.Equal(neverTrue, report.RootElement.GetProperty("neverTrue").GetInt32());
        Assert.InRange(neverTrue, 1, items.Length - 1);
        Assert.All(items.Skip(neverTrue), i => Assert.NotEqual(0, i.GetProperty("true").GetInt64()));
        Assert.Contains(items.Take(neverTrue), i => i.GetProperty("kind").GetString() == "rule");
    }

    [Fact]
    public void Coverage_Text_PutsTheNeverTrueItemsUnderTheirHeadingFirst()
    {
        using var cases = new TempFile(Tool.JsonLines(11));

        var (_, output, _) = Tool.Run("coverage", DefaultPolicy, cases.Path);

        var lines = output.Split('\n');
        Assert.StartsWith("Coverage of offerrules.default ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Never true (", lines[2], StringComparison.Ordinal);
        Assert.Matches("^  Kind +Policy +Id +True +False +Unknown +Not reached$", lines[3]);
        Assert.Matches("^  rule +declineWithdrawal +[A-Z0-9-]+ +0 ", lines[4]);
    }

    [Fact]
    public void Coverage_EveryItemTrue_ExitsZero()
    {
        var line = JsonNode.Parse(Tool.Line("S01-fresh-polite-decline-seats-open.json"))!;
        line["company"]!["seatOfferedToOther"] = false;

        var (exit, output, _) = Tool.Run(c => c with { Stdin = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n") }, "coverage", TenantRules, "-");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("Every item was true in at least one case.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coverage")]
    [InlineData("diff")]
    public void CoverageAndDiff_MissingCasesFile_ExitTwo(string command)
    {
        var (exit, _, error) = command == "coverage"
            ? Tool.Run("coverage", DefaultPolicy, "no-such-cases.jsonl")
            : Tool.Run("diff", DefaultPolicy, DefaultPolicy, "no-such-cases.jsonl");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("offerrules: the cases file 'no-such-cases.jsonl' does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_TheSameRuleFile_ChangesNothingAndExitsZero()
    {
        using var cases = new TempFile(Tool.JsonLines(11));

        var (exit, output, _) = Tool.Run("diff", DefaultPolicy, DefaultPolicy, cases.Path);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("0 changed, 11 unchanged, 0 unreadable lines.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_OneWeekThresholdMadeFiveDays_ChangesExactlyTheCasesDeclinedSixOrSevenDaysAgo()
    {
        // Example S05 (a prompt, polite decline, seat unknown) declined 0 to 39 days before the same day.
        using var five = new TempFile(File.ReadAllText(DefaultPolicy).Replace("\"withinWeekMaxDays\": 7", "\"withinWeekMaxDays\": 5", StringComparison.Ordinal), ".json");
        var days = Enumerable.Range(0, 40).ToArray();
        var asOf = new DateOnly(2025, 7, 31);
        var corpus = new StringBuilder();
        foreach (var d in days)
        {
            var line = JsonNode.Parse(Tool.Line("S05-seven-days-later.json"))!;
            line["asOf"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            line["decline"]!["declinedOn"] = asOf.AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            line["offer"]!["offeredOn"] = asOf.AddDays(-d - 5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            corpus.Append(line.ToJsonString()).Append('\n');
        }

        using var cases = new TempFile(corpus.ToString());

        var (exit, output, _) = Tool.Run("diff", DefaultPolicy, five.Path, cases.Path, "--examples", "100", "-f", "json");

        using var report = JsonDocument.Parse(output);
        var changedLines = report.RootElement.GetProperty("transitions").EnumerateArray()
            .SelectMany(t => t.GetProperty("examples").EnumerateArray())
            .Select(e => e.GetProperty("line").GetInt64())
            .Order()
            .ToArray();
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(2, report.RootElement.GetProperty("changed").GetInt64());

        // Line n holds the case declined n - 1 days ago.
        Assert.Equal([7L, 8L], changedLines);
    }

    [Fact]
    public void Diff_Text_ShowsTheTransitionTableTheRulesAndExamples()
    {
        using var five = new TempFile(File.ReadAllText(DefaultPolicy).Replace("\"withinWeekMaxDays\": 7", "\"withinWeekMaxDays\": 5", StringComparison.Ordinal), ".json");
        using var cases = new TempFile(Tool.JsonLines(11));

        var (exit, output, _) = Tool.Run("diff", DefaultPolicy, five.Path, cases.Path, "--lang", "ja");

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Contains("見通しの変化：", output, StringComparison.Ordinal);
        Assert.Matches("declineWithdrawal +可能性あり +難しい +1 +1 +R-", output);
        Assert.Contains("変化の原因になったルール：", output, StringComparison.Ordinal);
        Assert.Matches("    [0-9]+行目（R-", output);
    }

    [Fact]
    public void Diff_ABrokenNewFile_ExitsTwo()
    {
        using var cases = new TempFile(Tool.JsonLines(2));

        var (exit, output, error) = Tool.Run("diff", DefaultPolicy, "no-such-rules.json", cases.Path);

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("the rule set 'no-such-rules.json' did not load", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fmt_Check_ExitsOneForAFileNotFormattedAndLeavesItAlone()
    {
        using var file = new TempFile(Compact(File.ReadAllText(TenantRules)), ".json");
        var before = File.ReadAllText(file.Path);

        var (exit, output, _) = Tool.Run("fmt", "--check", file.Path);

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal($"{file.Path}: not formatted.\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(before, File.ReadAllText(file.Path));
    }

    [Fact]
    public void Fmt_RewritesTheFileCanonicallyWithoutChangingWhatItMeans()
    {
        using var file = new TempFile(Compact(File.ReadAllText(TenantRules)), ".json");
        var meaningBefore = RuleSetJson.LoadFile(file.Path).GetValueOrThrow();

        var (exit, output, _) = Tool.Run("fmt", file.Path);
        var (checkExit, checkOutput, _) = Tool.Run("fmt", "--check", file.Path);
        var (againExit, again, _) = Tool.Run("fmt", file.Path);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal($"{file.Path}: rewritten in the canonical layout.\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(CliApp.Ok, checkExit);
        Assert.Equal($"{file.Path}: formatted.\n", checkOutput.ReplaceLineEndings("\n"));
        Assert.Equal(CliApp.Ok, againExit);
        Assert.Equal($"{file.Path}: already formatted.\n", again.ReplaceLineEndings("\n"));
        var meaningAfter = RuleSetJson.LoadFile(file.Path).GetValueOrThrow();
        Assert.Equal(RuleSetJson.ToJson(meaningBefore), RuleSetJson.ToJson(meaningAfter));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file.Path)!, $".{Path.GetFileName(file.Path)}.*.tmp"));
    }

    [Fact]
    public void Fmt_Stdout_WritesTheFormattedTextAndLeavesTheFileAlone()
    {
        using var file = new TempFile(Compact(File.ReadAllText(TenantRules)), ".json");

        var (exit, output, _) = Tool.Run("fmt", "--stdout", file.Path);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal(RuleSetAnalysis.Format(File.ReadAllBytes(file.Path)).Text, output);
        Assert.Equal(Compact(File.ReadAllText(TenantRules)), File.ReadAllText(file.Path));
    }

    [Fact]
    public void Fmt_AFileThatDoesNotLoad_ExitsOneWithItsErrorsInJson()
    {
        using var bad = new TempFile("{ \"schemaVersion\": 1 }", ".json");

        var (exit, output, _) = Tool.Run("fmt", bad.Path, "--format", "json");

        var line = Assert.Single(Tool.ParseLines(output));
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.False(line.GetProperty("formatted").GetBoolean());
        Assert.NotEqual(0, line.GetProperty("errors").GetArrayLength());
        Assert.Equal("{ \"schemaVersion\": 1 }", File.ReadAllText(bad.Path));
    }

    [Theory]
    [InlineData("fmt --check --stdout x.json")]
    [InlineData("fmt --stdout a.json b.json")]
    [InlineData("fmt --chek x.json")]
    [InlineData("fmt")]
    [InlineData("check")]
    [InlineData("check x.json --strikt")]
    [InlineData("test rules.json")]
    [InlineData("test a b c")]
    [InlineData("coverage rules.json")]
    [InlineData("diff a.json b.json")]
    [InlineData("diff a.json b.json c.jsonl --examples x")]
    [InlineData("diff a.json b.json c.jsonl --format yaml")]
    public void RuleFileCommands_UsageError_ExitTwo(string commandLine)
    {
        var (exit, output, error) = Tool.Run(commandLine.Split(' '));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("check", "--strict")]
    [InlineData("test", "TESTS.json")]
    [InlineData("coverage", "CASES.jsonl")]
    [InlineData("diff", "--examples <N>")]
    [InlineData("fmt", "--check")]
    public void RuleFileCommands_Help_ShowsTheirArgumentsOptionsAndExitCodes(string command, string expected)
    {
        var (exit, output, _) = Tool.Run(command, "--help");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("-f, --format <text|json>", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleFileCommands_OnATerminal_DrawTables()
    {
        using var cases = new TempFile(Tool.JsonLines(3));

        var (_, output, _) = Tool.Run(c => c.Terminal() with { NoColor = true }, "coverage", TenantRules, cases.Path);

        Assert.Contains("╭", output, StringComparison.Ordinal);
        Assert.Contains("│ rule ", output, StringComparison.Ordinal);
    }

    private static string Hash(string path) => RuleSetJson.LoadFile(path).GetValueOrThrow().ContentHash;

    /// <summary>The same JSON on one line: loads the same, but is not in the canonical layout.</summary>
    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    private static TempFile FailingTests() => new(
        $$"""
        {
          "schemaVersion": 1,
          "tests": [
            {
              "name": "S01 expected wrongly",
              "case": {{Tool.Line("S01-fresh-polite-decline-seats-open.json")}},
              "expect": { "outlook": "veryUnlikely" }
            },
            {
              "name": "S01 expected rightly",
              "case": {{Tool.Line("S01-fresh-polite-decline-seats-open.json")}},
              "expect": { "outlook": "likely", "confidence": "high" }
            }
          ]
        }
        """,
        ".json");

    /// <summary>A temporary file, deleted at the end of the test.</summary>
    private sealed class TempFile(string contents, string extension = ".jsonl") : IDisposable
    {
        public string Path { get; } = Tool.TempFile(contents, extension);

        public void Dispose() => File.Delete(Path);
    }
}
