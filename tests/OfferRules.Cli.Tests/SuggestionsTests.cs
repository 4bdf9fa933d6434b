using OfferRules.Cli;

namespace OfferRules.Cli.Tests;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("evalute", "evaluate", 1)]
    [InlineData("evaluaet", "evaluate", 1)]
    [InlineData("--formt", "--format", 1)]
    [InlineData("json", "json", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("check", "chekc", 1)]
    public void Distance_TwoWords_CountsEditsWithASwapAsOne(string a, string b, int expected) =>
        Assert.Equal(expected, Suggestions.Distance(a, b));

    [Fact]
    public void Closest_MistypedCommand_ReturnsTheNearestFirst()
    {
        Assert.Equal(["evaluate"], Suggestions.Closest("evalute", ["evaluate", "check", "test", "coverage", "diff", "fmt"]));
    }

    [Fact]
    public void Closest_Prefix_SuggestsWhatStartsWithIt()
    {
        Assert.Equal(["coverage"], Suggestions.Closest("cov", ["evaluate", "coverage", "check"]));
    }

    [Fact]
    public void Closest_NothingNear_SuggestsNothing()
    {
        Assert.Empty(Suggestions.Closest("zzzzzz", ["evaluate", "check"]));
    }
}
