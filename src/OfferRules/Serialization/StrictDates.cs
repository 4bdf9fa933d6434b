using System.Numerics;

namespace OfferRules.Serialization;

/// <summary>
/// The commonest shapes of the case contract's dates, <c>yyyy-MM-dd</c> and <c>yyyy-MM-ddTHH:mm:ss+hh:mm</c>, read
/// straight from UTF-8 bytes or UTF-16 characters. Each method returns <see langword="false"/> for any other shape,
/// which the caller hands to the general parser; on a shape it reads, it gives what that parser gives.
/// </summary>
internal static class StrictDates
{
    /// <summary>Reads a <c>yyyy-MM-dd</c> date; <paramref name="date"/> is <see langword="null"/> for a well-shaped day that does not exist.</summary>
    public static bool TryDate<T>(ReadOnlySpan<T> text, out DateOnly? date)
        where T : unmanaged, IBinaryInteger<T>
    {
        date = null;
        if (text.Length != 10 || int.CreateTruncating(text[4]) != '-' || int.CreateTruncating(text[7]) != '-'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day))
        {
            return false;
        }

        date = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
        return true;
    }

    /// <summary>Reads a <c>yyyy-MM-ddTHH:mm:ss+hh:mm</c> instant whose every part is in range, away from the ends of the calendar.</summary>
    public static bool TryDateTime<T>(ReadOnlySpan<T> text, out DateTimeOffset instant)
        where T : unmanaged, IBinaryInteger<T>
    {
        instant = default;
        if (text.Length == 25 && Is(text[10], 'T') && Is(text[13], ':') && Is(text[16], ':') && (Is(text[19], '+') || Is(text[19], '-')) && Is(text[22], ':')
            && TryDate(text[..10], out var day) && day is { } date && date.Year is > 1 and < 9999
            && Digits(text, 11, 2, out var hour) && hour < 24
            && Digits(text, 14, 2, out var minute) && minute < 60
            && Digits(text, 17, 2, out var second) && second < 60
            && Digits(text, 20, 2, out var offsetHours) && Digits(text, 23, 2, out var offsetMinutes) && offsetMinutes < 60
            && (offsetHours * 60) + offsetMinutes <= 14 * 60)
        {
            var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            instant = new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute, second)), Is(text[19], '-') ? -offset : offset);
            return true;
        }

        return false;
    }

    private static bool Is<T>(T unit, char c)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(unit) == c;

    private static bool Digits<T>(ReadOnlySpan<T> text, int start, int count, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        foreach (var unit in text.Slice(start, count))
        {
            var digit = int.CreateTruncating(unit) - '0';
            if (unchecked((uint)digit) > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
