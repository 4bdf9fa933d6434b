using System.Text;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>The check for escapes that cannot be read as text, and the look at the escapes that lets most files skip it.</summary>
public sealed class JsonPositionsTests
{
    [Theory]
    [InlineData("""{"a": "plain"}""")]
    [InlineData("""{"a": "\u3042 \n \" \/"}""")]
    [InlineData("""{"a": "\uD83D\uDE00 and \ud83d\ude00"}""")]
    [InlineData("""{"a": "\\uD800 is an escaped backslash, then text"}""")]
    [InlineData("""{"a": "\\\\\uD83D\uDE00"}""")]
    public void MayHaveLoneSurrogate_NoLoneSurrogateEscape_IsFalse(string json)
    {
        Assert.False(JsonPositions.MayHaveLoneSurrogate(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(-1, JsonPositions.FindUnreadableString(Encoding.UTF8.GetBytes(json), 64));
    }

    [Theory]
    [InlineData("""{"a": "\uD800"}""", 6)]
    [InlineData("""{"a": "\uDC00"}""", 6)]
    [InlineData("""{"a": "\uD800\uD800"}""", 6)]
    [InlineData("""{"a": "\uDE00\uD83D"}""", 6)]
    [InlineData("""{"ok": "\uD83D\uDE00", "\\\uDBFF": 1}""", 23)]
    public void MayHaveLoneSurrogate_LoneSurrogateEscape_IsTrueAndTheScanFindsIt(string json, long offset)
    {
        Assert.True(JsonPositions.MayHaveLoneSurrogate(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(offset, JsonPositions.FindUnreadableString(Encoding.UTF8.GetBytes(json), 64));
    }

    [Theory]
    [InlineData("""{"a": 1} // \uD800""")]
    [InlineData("""{"a": 1} /* \u12 */""")]
    public void MayHaveLoneSurrogate_OddEscapeInAComment_IsAFalseAlarmTheScanClears(string json)
    {
        Assert.True(JsonPositions.MayHaveLoneSurrogate(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(-1, JsonPositions.FindUnreadableString(Encoding.UTF8.GetBytes(json), 64));
    }
}
