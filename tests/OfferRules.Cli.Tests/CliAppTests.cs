using System.Text.Json;
using OfferRules.Cli;

namespace OfferRules.Cli.Tests;

public sealed class CliAppTests
{
    private static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "cases");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_JsonOnEveryExample_GivesExpectedStatusOutlookAndConfidence()
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CasesDirectory, "expected.json")));
        var files = expected.RootElement.EnumerateArray().Select(e => Path.Combine(CasesDirectory, e.GetProperty("file").GetString()!)).ToArray();

        var (exit, output, _) = Run(["evaluate", .. files, "--format", "json"]);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Length, lines.Length);
        Assert.Equal(CliApp.SomeInvalid, exit); // S25 is invalid by design
        var index = 0;
        foreach (var item in expected.RootElement.EnumerateArray())
        {
            using var line = JsonDocument.Parse(lines[index]);
            var root = line.RootElement;
            Assert.Equal(files[index], root.GetProperty("input").GetString());
            Assert.Equal(item.GetProperty("status").GetString(), root.GetProperty("status").GetString());
            Assert.Equal(item.GetProperty("outlook").GetString(), root.GetProperty("outlook").GetString());
            if (item.GetProperty("confidence").GetString() is { } confidence)
            {
                Assert.Equal(confidence, root.GetProperty("confidence").GetString());
            }

            foreach (var field in new[] { "findings", "conditions", "failureReasons", "missingFacts", "issues", "actions", "drafts", "caveats", "fallbacks", "whatWouldHelp" })
            {
                Assert.Equal(JsonValueKind.Array, root.GetProperty(field).ValueKind);
            }

            index++;
        }
    }

    [Fact]
    public void Run_MissingAndMalformedFiles_StillGetTheirLinesInOrder()
    {
        var good = Path.Combine(CasesDirectory, "S01-fresh-polite-decline-seats-open.json");
        var malformed = Path.Combine(Path.GetTempPath(), $"offerrules-{Guid.NewGuid()}.json");
        File.WriteAllText(malformed, "{ \"asOf\": ");
        try
        {
            var (exit, output, _) = Run("evaluate", "no-such-file.json", malformed, good, "--format", "json");

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(CliApp.SomeInvalid, exit);
            Assert.Equal(["no-such-file.json", malformed, good], lines.Select(l => l.GetProperty("input").GetString()));
            Assert.Equal(["invalid", "invalid", "evaluated"], lines.Select(l => l.GetProperty("status").GetString()));
            Assert.Equal("file.unreadable", lines[0].GetProperty("issues")[0].GetProperty("code").GetString());
            Assert.Equal("case.malformedJson", lines[1].GetProperty("issues")[0].GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("outlook").ValueKind);
        }
        finally
        {
            File.Delete(malformed);
        }
    }

    [Fact]
    public void Run_TextOnValidExample_ExplainsAndExitsZero()
    {
        var (exit, output, _) = Run("evaluate", Path.Combine(CasesDirectory, "S04-eight-days-later.json"));

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("Outlook: unlikely (confidence: medium, as of 2025-07-09)", output, StringComparison.Ordinal);
        Assert.Contains("R-X1", output, StringComparison.Ordinal);
        Assert.Contains("Still unknown, and worth finding out:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TextOnMissedContact_PrintsTheNumberedPlanDraftsAndWarnings()
    {
        var (exit, output, _) = Run("evaluate", Path.Combine(CasesDirectory, "S29-missed-calls-six-days.json"));

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("When to call: 2025-06-09 (Mon) 10:00 to 12:00 (Japan time)", output, StringComparison.Ordinal);
        Assert.Contains("   1. [2025-06-09 (Mon) 08:30] (notes) ", output, StringComparison.Ordinal);
        Assert.Contains("   4. [2025-06-09 (Mon) 10:00] (phone) ", output, StringComparison.Ordinal);
        Assert.Contains("Subject: ", output, StringComparison.Ordinal);
        Assert.Contains("Keep in mind:", output, StringComparison.Ordinal);
        Assert.Contains("M-W1 $.missedContact.plannedCallAt", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TextOnRefusal_PrintsFallbacksAndNoPlan()
    {
        var (_, output, _) = Run("evaluate", Path.Combine(CasesDirectory, "S18-already-refused.json"), "--lang", "ja");

        Assert.Contains("うまくいかなかったときは：", output, StringComparison.Ordinal);
        Assert.DoesNotContain("行動プラン：", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TextOnFilledSeat_PutsTheFallbacksBeforeThePlan()
    {
        var (_, output, _) = Run("evaluate", Path.Combine(CasesDirectory, "S02-seat-filled.json"), "--lang", "ja");

        var fallbacks = output.IndexOf("うまくいかなかったときは：", StringComparison.Ordinal);
        Assert.True(fallbacks > 0, output);
        Assert.True(fallbacks < output.IndexOf("行動プラン：", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Run_TextOnMissedCalls_DoesNotSpeakOfWithdrawal()
    {
        var (_, output, _) = Run("evaluate", Path.Combine(CasesDirectory, "S29-missed-calls-six-days.json"), "--lang", "ja");

        Assert.Contains("挽回の条件：", output, StringComparison.Ordinal);
        Assert.DoesNotContain("撤回の条件", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TextConditionalStep_SaysWhenItApplies()
    {
        var (_, en, _) = Run("evaluate", Path.Combine(CasesDirectory, "S01-fresh-polite-decline-seats-open.json"));
        var (_, ja, _) = Run("evaluate", Path.Combine(CasesDirectory, "S01-fresh-polite-decline-seats-open.json"), "--lang", "ja");

        Assert.Contains("[if it applies] (visit) Only if the company asks you to come in", en, StringComparison.Ordinal);
        Assert.Contains("[該当する場合] （訪問）企業から呼び出されたり", ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TextInJapanese_SpeaksJapanese()
    {
        var (_, output, _) = Run("evaluate", Path.Combine(CasesDirectory, "S08-family-emergency-evidenced-seats-open.json"), "--lang", "ja");

        Assert.Contains("見通し：見込みあり（確度：高", output, StringComparison.Ordinal);
        Assert.Contains("撤回の条件：", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("judge x.json")]
    [InlineData("evaluate")]
    [InlineData("evaluate x.json --format xml")]
    [InlineData("evaluate x.json --lang")]
    [InlineData("evaluate x.json --verbose")]
    public void Run_UsageError_ExitsTwo(string commandLine)
    {
        var (exit, _, error) = Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Run_BrokenRuleFile_ExitsTwoWithDiagnostics()
    {
        var rules = Path.Combine(Path.GetTempPath(), $"offerrules-rules-{Guid.NewGuid()}.json");
        File.WriteAllText(rules, "{ \"schemaVersion\": 1 }");
        try
        {
            var (exit, _, error) = Run("evaluate", Path.Combine(CasesDirectory, "S01-fresh-polite-decline-seats-open.json"), "--rules", rules);

            Assert.Equal(CliApp.UsageError, exit);
            Assert.Contains("ruleSet.missingProperty", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(rules);
        }
    }
}
