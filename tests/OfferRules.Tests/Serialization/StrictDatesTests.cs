using System.Globalization;
using System.Text;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>The strict date shapes read the same from UTF-8 bytes and from characters, and as the general parsers read them.</summary>
public sealed class StrictDatesTests
{
    [Theory]
    [InlineData("2025-07-10")]
    [InlineData("2024-02-29")]
    [InlineData("2025-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2025-7-10x")]
    [InlineData("2025/07/10")]
    [InlineData("2025-0/-10")]
    [InlineData("2025-07-1 ")]
    [InlineData("２０２５-07-10")]
    public void TryDate_BytesAndCharacters_AgreeWithEachOtherAndTheGeneralParser(string text)
    {
        var fromChars = StrictDates.TryDate(text.AsSpan(), out var charDate);
        var fromBytes = StrictDates.TryDate<byte>(Encoding.UTF8.GetBytes(text), out var byteDate);

        Assert.Equal(fromChars, fromBytes);
        Assert.Equal(charDate, byteDate);
        if (fromChars)
        {
            DateOnly? general = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
            Assert.Equal(general, charDate);
        }
    }

    [Theory]
    [InlineData("2025-07-10T10:00:00+09:00", true)]
    [InlineData("2025-07-10T23:59:59-14:00", true)]
    [InlineData("2025-07-10T24:00:00+09:00", false)]
    [InlineData("2025-07-10T10:00:00+14:01", false)]
    [InlineData("0001-01-01T00:00:00+09:00", false)]
    [InlineData("2025-07-10 10:00:00+09:00", false)]
    [InlineData("2025-07-10T10:00:00Z", false)]
    public void TryDateTime_BytesAndCharacters_AgreeWithEachOtherAndTheGeneralParser(string text, bool strict)
    {
        var fromChars = StrictDates.TryDateTime(text.AsSpan(), out var charInstant);
        var fromBytes = StrictDates.TryDateTime<byte>(Encoding.UTF8.GetBytes(text), out var byteInstant);

        Assert.Equal((strict, strict), (fromChars, fromBytes));
        Assert.Equal(charInstant, byteInstant);
        if (strict)
        {
            Assert.Equal(DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), charInstant);
        }
    }
}
