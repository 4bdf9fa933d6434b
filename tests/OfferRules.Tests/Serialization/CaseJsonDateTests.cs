using System.Globalization;
using FsCheck.Xunit;
using OfferRules.Internal;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// Dates are read exactly as the "yyyy-MM-dd" format (and date-times as their formats) read them, within the supported
/// range, whatever shortcut the reader takes.
/// </summary>
public sealed class CaseJsonDateTests
{
    [Theory]
    [InlineData("2025-07-01")]
    [InlineData("2024-02-29")]
    [InlineData("2025-02-29")]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025-01-00")]
    [InlineData("2025-12-31")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-31")]
    [InlineData("1900-01-01")]
    [InlineData("2999-12-31")]
    [InlineData("3000-01-01")]
    [InlineData("2025-7-01")]
    [InlineData("2025-07-1")]
    [InlineData("25-07-01")]
    [InlineData("2025/07/01")]
    [InlineData(" 2025-07-01")]
    [InlineData("2025-07-01 ")]
    [InlineData("2025-07-01T00:00")]
    [InlineData("２０２５-07-01")]
    [InlineData("2025-0a-01")]
    [InlineData("")]
    public void Read_DeclinedOn_AcceptsExactlyWhatTheFormatAccepts(string text) => AssertSameAsFormat(text);

    [Property(MaxTest = 3000)]
    public void Read_DeclinedOnOfDigitsAndDashes_AcceptsExactlyWhatTheFormatAccepts(int seed)
    {
        var random = new Random(seed);
        const string Alphabet = "0123456789-";
        var length = random.Next(8, 12);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(3) == 0 ? Alphabet[random.Next(Alphabet.Length)] : (i is 4 or 7 ? '-' : (char)('0' + random.Next(10)));
        }

        AssertSameAsFormat(new string(chars));
    }

    [Theory]
    [InlineData("2025-07-10T00:00:00+09:00")]
    [InlineData("2025-07-10T23:59:59-14:00")]
    [InlineData("2025-07-10T23:59:59+14:00")]
    [InlineData("2025-07-10T23:59:59+14:01")]
    [InlineData("2025-07-10T23:59:59+15:00")]
    [InlineData("2025-07-10T24:00:00+09:00")]
    [InlineData("2025-07-10T12:60:00+09:00")]
    [InlineData("2025-07-10T12:00:60+09:00")]
    [InlineData("2025-07-10T12:00:00+09:60")]
    [InlineData("2025-02-29T12:00:00+09:00")]
    [InlineData("0001-01-01T00:00:00+09:00")]
    [InlineData("0001-01-01T00:00:00-09:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("1900-01-01T09:00:00+09:00")]
    [InlineData("1900-01-01T08:59:59+09:00")]
    [InlineData("2999-12-31T23:59:59+09:00")]
    [InlineData("2999-12-31T15:00:00Z")]
    [InlineData("2025-07-10T12:00:00Z")]
    [InlineData("2025-07-10T12:00+09:00")]
    [InlineData("2025-07-10T12:00:00.5+09:00")]
    [InlineData("2025-07-10t12:00:00+09:00")]
    [InlineData("2025-07-10T12:00:00+0900")]
    [InlineData("2025-07-10 12:00:00+09:00")]
    [InlineData("2025-07-10")]
    public void Read_AsOf_AcceptsExactlyWhatTheFormatsAccept(string text) => AssertAsOfSameAsFormats(text);

    [Property(MaxTest = 3000)]
    public void Read_AsOfOfDigitsAndSeparators_AcceptsExactlyWhatTheFormatsAccept(int seed)
    {
        var random = new Random(seed);
        const string Template = "2025-07-10T12:34:56+09:00";
        const string Alphabet = "0123456789-+:T";
        var chars = Template.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var roll = random.Next(6);
            chars[i] = roll == 0 ? Alphabet[random.Next(Alphabet.Length)] : roll == 1 && char.IsAsciiDigit(chars[i]) ? (char)('0' + random.Next(10)) : chars[i];
        }

        AssertAsOfSameAsFormats(new string(chars));
    }

    private static void AssertAsOfSameAsFormats(string text)
    {
        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        ];
        DateTimeOffset? expected =
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9))
            : text.Length > 10 && DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant
                : null;
        if (expected is { } e0 && !Guard.IsSupported(e0))
        {
            expected = null;
        }

        var read = CaseJson.Read($$"""{ "asOf": "{{text}}" }""");

        Assert.Equal(expected is not null, read.Success);
        if (expected is { } e)
        {
            Assert.True(e.EqualsExact(read.Value!.AsOf!.Value), $"{text}: {read.Value!.AsOf:O} instead of {e:O}");
        }
    }

    private static void AssertSameAsFormat(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Guard.IsSupported(date)
            ? date
            : (DateOnly?)null;

        var read = CaseJson.Read($$"""{ "asOf": "2999-12-31", "decline": { "declinedOn": "{{text}}" } }""");

        Assert.Equal(expected, read.Value?.Decline.DeclinedOn);
        Assert.Equal(expected is not null, read.Success);
    }
}
