using OfferRules.Cli;

namespace OfferRules.Cli.Tests;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("red \u001b[31mhere", "red \\u001B[31mhere")]
    [InlineData("over\rwrite", "over\\u000Dwrite")]
    [InlineData("bidi \u202Eevil\u202C", "bidi \\u202Eevil\\u202C")]
    [InlineData("isolate \u2066x\u2069", "isolate \\u2066x\\u2069")]
    [InlineData("c1 \u009B2J", "c1 \\u009B2J")]
    [InlineData("bell\u0007", "bell\\u0007")]
    [InlineData("tab\there", "tab here")]
    [InlineData("two\nlines", "two\\u000Alines")]
    [InlineData("見通し：可能性あり", "見通し：可能性あり")]
    public void Clean_Text_ShowsControlEscapeAndBidiCharactersAsEscapes(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Clean(text));

    [Fact]
    public void Clean_KeepLineBreaks_KeepsNewlinesButNotCarriageReturns() =>
        Assert.Equal("a\nb\\u000D", TerminalText.Clean("a\nb\r", keepLineBreaks: true));

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("見通し", 6)]
    [InlineData("見通し：likely", 14)]
    [InlineData("ｱｲｳ", 3)]
    [InlineData("e\u0301", 1)]
    public void Width_Text_CountsWideCharactersAsTwoColumns(string text, int expected) =>
        Assert.Equal(expected, TerminalText.Width(text));

    [Fact]
    public void PadRight_Japanese_PadsToDisplayColumns() =>
        Assert.Equal("状態  |", TerminalText.PadRight("状態", 6) + "|");
}
