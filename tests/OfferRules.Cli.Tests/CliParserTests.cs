using OfferRules.Cli.Tests.TestSupport;
using OfferRules.Rules;

namespace OfferRules.Cli.Tests;

/// <summary>The command line: subcommands, option forms, suggestions, help, version, and exit code 2 for every usage error.</summary>
public sealed class CliParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--lang ja")]
    [InlineData("evalute x.json")]
    [InlineData("evaluate --formt json x.json")]
    [InlineData("evaluate x.json --format xml")]
    [InlineData("evaluate x.json --format=xml")]
    [InlineData("evaluate x.json -f")]
    [InlineData("evaluate x.json --lang fr")]
    [InlineData("evaluate x.json --lang")]
    [InlineData("evaluate x.json --rules")]
    [InlineData("evaluate x.json --skip")]
    [InlineData("evaluate x.json --skip x")]
    [InlineData("evaluate x.json --skip -1")]
    [InlineData("evaluate x.json --skip 1.5")]
    [InlineData("evaluate x.json -x")]
    [InlineData("evaluate --jsonl=")]
    [InlineData("evaluate --jsonl - --jsonl other.jsonl")]
    [InlineData("evaluate --jsonl - x.json")]
    [InlineData("evaluate x.json --outlook-only --format text")]
    [InlineData("--verison")]
    [InlineData("evaluate --version")]
    [InlineData("help nosuch")]
    [InlineData("--lang ja evalute x.json")]
    [InlineData("evaluate x.json --lang ja --formt json")]
    public void Run_UsageError_ExitsTwoWithAMessageAndWritesNoResult(string commandLine)
    {
        var (exit, output, error) = Tool.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("offerrules", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evalute x.json", "Did you mean 'evaluate'?")]
    [InlineData("evaluat x.json", "Did you mean 'evaluate'?")]
    [InlineData("evaluate --formt json x.json", "unknown option '--formt' for evaluate. Did you mean '--format'?")]
    [InlineData("evaluate x.json --outlook-onyl", "Did you mean '--outlook-only'?")]
    [InlineData("evaluate x.json --format jsn", "Did you mean 'json'?")]
    [InlineData("--verison", "Did you mean '--version'?")]
    [InlineData("--lang ja evalute x.json", "もしかして「evaluate」ですか？")]
    public void Run_Mistyped_SuggestsWhatWasMeant(string commandLine, string suggestion)
    {
        var (_, _, error) = Tool.Run(commandLine.Split(' '));

        Assert.Contains(suggestion, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_SaysItOnceAndPointsToTheHelp()
    {
        var (_, _, error) = Tool.Run("evalute", "a.json", "b.json");

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["offerrules: unknown command 'evalute'. Did you mean 'evaluate'?", "Run 'offerrules --help' to see the usage."], lines);
    }

    [Fact]
    public void Run_UsageErrorInJapanese_IsWordedInJapaneseWithFullWidthPunctuation()
    {
        var (_, _, error) = Tool.Run("evaluate", "x.json", "--lang", "ja", "--skip", "x");

        Assert.Equal("offerrules：「x」は --skip の値として使えません。0 以上の整数を指定してください。", error.Split('\n')[0]);
    }

    [Theory]
    [InlineData("--format=json")]
    [InlineData("--format:json")]
    [InlineData("-f json")]
    [InlineData("-f=json")]
    [InlineData("--format text --format json")]
    public void Run_EveryFormOfAnOption_GivesTheSameResult(string option)
    {
        var (_, expected, _) = Tool.Run("evaluate", Tool.S01, "--format", "json");

        var (exit, output, error) = Tool.Run(["evaluate", Tool.S01, .. option.Split(' ')]);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Empty(error);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Run_LangBeforeTheCommand_AppliesToIt()
    {
        var (_, expected, _) = Tool.Run("evaluate", Tool.S01, "--lang", "ja");

        var (_, output, _) = Tool.Run("--lang", "ja", "evaluate", Tool.S01);

        Assert.Contains("見通し：", output, StringComparison.Ordinal);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Run_ArgumentsAfterDoubleDash_AreFilesEvenWhenTheyStartWithADash()
    {
        var (exit, output, _) = Tool.Run("evaluate", "--outlook-only", "--", "-no-such-file.json");

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal("-no-such-file.json", Assert.Single(Tool.ParseLines(output)).GetProperty("input").GetString());
    }

    [Fact]
    public void Run_AtSignAndBrackets_AreFileNamesNotResponseFilesOrDirectives()
    {
        var (exit, output, _) = Tool.Run("evaluate", "@cases.txt", "[x].json", "--outlook-only");

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(["@cases.txt", "[x].json"], Tool.ParseLines(output).Select(l => l.GetProperty("input").GetString()));
    }

    [Fact]
    public void Run_NoArguments_WritesTheHelpOnStandardErrorAndExitsTwo()
    {
        var (exit, output, error) = Tool.Run();

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("offerrules COMMAND [options]", error, StringComparison.Ordinal);
        Assert.Contains("evaluate", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("help")]
    public void Run_Help_ListsTheCommandsAndExitsZero(string commandLine)
    {
        var (exit, output, error) = Tool.Run(commandLine.Split(' '));

        Assert.Equal(CliApp.Ok, exit);
        Assert.Empty(error);
        Assert.Contains("Commands:", output, StringComparison.Ordinal);
        Assert.Contains("  evaluate  ", output, StringComparison.Ordinal);
        Assert.Contains("--version", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate --help")]
    [InlineData("evaluate -h")]
    [InlineData("help evaluate")]
    [InlineData("evaluate x.json --help")]
    public void Run_HelpOfEvaluate_ListsItsOptionsAndExitCodes(string commandLine)
    {
        var (exit, output, _) = Tool.Run(commandLine.Split(' '));

        Assert.Equal(CliApp.Ok, exit);
        foreach (var expected in new[] { "-f, --format <text|json>", "--jsonl <FILE|->", "--skip <N>", "--outlook-only", "--rules <RULESET.json>", "--lang <en|ja>", "Exit codes:", "130" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_HelpInJapanese_AlignsItsColumnsByDisplayWidth()
    {
        var (exit, output, _) = Tool.Run("evaluate", "--help", "--lang", "ja");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("オプション：", output, StringComparison.Ordinal);
        var rows = output.Split('\n').Where(l => l.StartsWith("  -", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(rows);
        var column = "  -f, --format <text|json>  ".Length;
        Assert.All(rows, row => Assert.True(row.Length > column && row[column - 1] == ' ' && row[column] != ' ', row));
        Assert.All(output.Split('\n'), line => Assert.InRange(Width.Of(line), 0, 100));
    }

    [Fact]
    public void Run_Version_PrintsTheToolVersionAndTheDefaultRuleSetsIdVersionAndHash()
    {
        var (exit, output, _) = Tool.Run("--version");

        var ruleSet = RuleSet.Default;
        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal(
            $"offerrules {CliApp.ToolVersion}\ndefault rule set: {ruleSet.Id} {ruleSet.Version} {ruleSet.ContentHash}\n",
            output.ReplaceLineEndings("\n"));
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+", CliApp.ToolVersion);
        Assert.StartsWith("sha256:", ruleSet.ContentHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VersionInJapanese_NamesTheRuleSetInJapanese()
    {
        var (_, output, _) = Tool.Run("--lang", "ja", "--version");

        Assert.Contains($"既定のルールセット：{RuleSet.Default.Id}", output, StringComparison.Ordinal);
    }
}
