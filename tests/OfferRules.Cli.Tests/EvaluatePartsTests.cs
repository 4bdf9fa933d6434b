using System.Text.Json;
using OfferRules.Cli.Tests.TestSupport;

namespace OfferRules.Cli.Tests;

/// <summary><c>evaluate --parts</c>: only the parts asked for are computed; a bad value is a usage error in both languages.</summary>
public sealed class EvaluatePartsTests
{
    [Fact]
    public void Run_PartsFindingsAndConditions_WritesOnlyThoseParts()
    {
        var (exit, output, _) = Tool.Run("evaluate", Tool.S01, "--format", "json", "--parts", "findings,conditions");

        Assert.Equal(CliApp.Ok, exit);
        var result = Tool.ParseLines(output).Single();
        Assert.NotEqual(0, result.GetProperty("findings").GetArrayLength());
        Assert.NotEqual(0, result.GetProperty("conditions").GetArrayLength());
        Assert.NotEqual(0, result.GetProperty("failureReasons").GetArrayLength());
        foreach (var empty in new[] { "missingFacts", "whatWouldHelp", "actions", "drafts", "caveats", "fallbacks" })
        {
            Assert.Equal(0, result.GetProperty(empty).GetArrayLength());
        }

        Assert.Equal(JsonValueKind.Null, result.GetProperty("callWindow").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("atPlannedTime").ValueKind);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ALL")]
    [InlineData("findings, conditions,missingFacts,whatWouldHelp,actions,callWindow,drafts,caveats,fallbacks,atPlannedTime")]
    [InlineData("findings,failureReasons,missingFacts,whatWouldHelp,actions,callSlot,drafts,caveats,fallbacks,plannedTime")]
    public void Run_PartsEveryPart_IsTheDefaultOutput(string parts)
    {
        var (_, expected, _) = Tool.Run("evaluate", Tool.S01, "--format", "json");

        var (exit, output, _) = Tool.Run("evaluate", Tool.S01, "--format", "json", "--parts=" + parts);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Run_PartsNone_WritesTheUnexplainedResult()
    {
        var (exit, output, _) = Tool.Run("evaluate", Tool.S01, "--format", "json", "--parts", "none");

        Assert.Equal(CliApp.Ok, exit);
        var result = Tool.ParseLines(output).Single();
        Assert.Equal("evaluated", result.GetProperty("status").GetString());
        Assert.Equal(0, result.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Run_PartsBadValue_IsAUsageErrorThatNamesTheParts()
    {
        var (exit, output, error) = Tool.Run("evaluate", Tool.S01, "--parts", "findings,drafs");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(output);
        Assert.StartsWith("offerrules: 'findings,drafs' is not a valid value for --parts; give parts separated by commas: findings, conditions,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PartsBadValueInJapanese_IsWordedInJapaneseWithFullWidthPunctuation()
    {
        var (exit, _, error) = Tool.Run("evaluate", Tool.S01, "--lang", "ja", "--parts", "x");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("offerrules：「x」は --parts の値として使えません。コンマ区切りで部分を指定してください：findings、", error.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Evaluate_ListsTheParts()
    {
        var (_, output, _) = Tool.Run("evaluate", "--help");

        Assert.Contains("--parts", output, StringComparison.Ordinal);
        Assert.Contains("atPlannedTime", output, StringComparison.Ordinal);
    }
}
