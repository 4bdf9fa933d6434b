using OfferRules.Cli.Tests.TestSupport;
using OfferRules.Serialization;

namespace OfferRules.Cli.Tests;

/// <summary>Text results on a terminal: Spectre.Console tables, colours, NO_COLOR, and neutralised rule texts.</summary>
public sealed class TerminalReportTests
{
    private static readonly char[] s_tableBorders = ['╭', '│', '├', '╰'];

    [Fact]
    public void Run_TextOnATerminal_DrawsTablesAndColoursTheOutlook()
    {
        var (exit, output, _) = Tool.Run(c => c.Terminal(), "evaluate", Tool.S01);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("\u001b[", output, StringComparison.Ordinal);
        var plain = Tool.StripAnsi(output);
        Assert.Contains("Outlook: likely (confidence: high, as of 2025-07-02)", plain, StringComparison.Ordinal);
        Assert.Contains("╭", plain, StringComparison.Ordinal);
        Assert.Contains("│ R-B0", plain, StringComparison.Ordinal);
        Assert.Contains("if it applies", plain, StringComparison.Ordinal);

        // likely is green (ANSI 32 in the standard palette, 38;5;2 or 38;2;0;128;0 in richer ones).
        var outlook = output.IndexOf("likely", StringComparison.Ordinal);
        Assert.Matches("\u001b\\[[0-9;]*(32|38;5;2|38;2;0;128;0)[0-9;]*m$", output[..outlook]);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(160)]
    public void Run_TextOnATerminalInJapanese_AlignsEveryTableByDisplayWidthWithinTheTerminal(int width)
    {
        var (_, output, _) = Tool.Run(c => c.Terminal() with { Width = width }, "evaluate", Tool.Case("S29-missed-calls-six-days.json"), "--lang", "ja");

        var lines = Tool.StripAnsi(output).Split('\n');
        var tables = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('╭'))
            {
                continue;
            }

            tables++;
            var expected = Width.Of(lines[i]);
            Assert.InRange(expected, 10, width);
            for (var j = i + 1; j < lines.Length && lines[j].Length > 0 && s_tableBorders.Contains(lines[j][0]); j++)
            {
                Assert.True(Width.Of(lines[j]) == expected, $"Line {j} is {Width.Of(lines[j])} columns wide, not {expected}:\n{lines[j]}");
            }
        }

        Assert.True(tables >= 4, $"Only {tables} tables were drawn.");
        Assert.Contains("見通し：可能性あり", Tool.StripAnsi(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoColor_DrawsTheTablesWithoutAnyEscapeSequence()
    {
        var (_, output, _) = Tool.Run(c => c.Terminal() with { NoColor = true }, "evaluate", Tool.S01, Tool.Case("S02-seat-filled.json"));

        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("╭", output, StringComparison.Ordinal);
        Assert.Contains("Outlook: very unlikely", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidCaseOnATerminal_TablesItsIssues()
    {
        var (exit, output, _) = Tool.Run(c => c.Terminal() with { NoColor = true }, "evaluate", Tool.Case("S25-declined-before-offer.json"));

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Contains("Cannot evaluate: the case has these problems:", output, StringComparison.Ordinal);
        Assert.Contains("│ V-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JsonOnATerminal_StaysPlainJsonLines()
    {
        var (_, expected, _) = Tool.Run("evaluate", Tool.S01, "-f", "json");

        var (_, output, _) = Tool.Run(c => c.Terminal(), "evaluate", Tool.S01, "-f", "json");

        Assert.Equal(expected, output);
    }

    [Fact]
    public void Run_RuleTextsWithEscapesAndBidiControls_AreNeutralisedOnATerminalOnly()
    {
        const string Hostile = "\\u001b]0;pwned\\u0007\\u001b[2J\\u202Ereversed";
        var policy = RuleSetJson.DefaultPolicyJson.Replace(
            "Taking back a decline is rare, though not impossible.",
            "Rare: " + Hostile,
            StringComparison.Ordinal);
        Assert.NotEqual(RuleSetJson.DefaultPolicyJson, policy);
        var rules = Tool.TempFile(policy, ".json");
        try
        {
            var (_, terminal, _) = Tool.Run(c => c.Terminal() with { NoColor = true }, "evaluate", Tool.Case("S04-eight-days-later.json"), "--rules", rules);
            var (_, redirected, _) = Tool.Run("evaluate", Tool.Case("S04-eight-days-later.json"), "--rules", rules);

            Assert.DoesNotContain('\u001b', terminal);
            Assert.DoesNotContain('\u202E', terminal);
            Assert.DoesNotContain('\u0007', terminal);
            Assert.Contains("\\u001B]0;pwned\\u0007", terminal, StringComparison.Ordinal);
            Assert.Contains("Rare: \u001b]0;pwned\u0007\u001b[2J\u202Ereversed", redirected, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(rules);
        }
    }

    [Fact]
    public void Run_FileNameWithAnEscapeOnATerminal_IsNeutralisedInTheHeading()
    {
        var (_, output, _) = Tool.Run(c => c.Terminal() with { NoColor = true }, "evaluate", "no-such-\u001b[31m.json");

        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("no-such-\\u001B[31m.json", output, StringComparison.Ordinal);
    }
}
