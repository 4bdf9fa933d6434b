using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace OfferRules.Internal;

/// <summary>Argument checks shared by the domain types, so that every invariant reads the same way.</summary>
internal static class Guard
{
    /// <summary>The longest free-text value a domain type accepts.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The earliest date a case may hold. Dates far from today only make sense as typing errors.</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    /// <summary>The latest date a case may hold; it leaves room for the date arithmetic of an evaluation.</summary>
    public static readonly DateOnly MaxDate = new(2999, 12, 31);

    private static readonly long s_minUtcTicks = new DateTimeOffset(MinDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).UtcTicks;
    private static readonly long s_endUtcTicks = new DateTimeOffset(MaxDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).UtcTicks;

    /// <summary>Gets the supported range as text for messages.</summary>
    public static string SupportedRange => "1900-01-01 to 2999-12-31";

    /// <summary>Whether a date lies between <see cref="MinDate"/> and <see cref="MaxDate"/>.</summary>
    public static bool IsSupported(DateOnly date) => date >= MinDate && date <= MaxDate;

    /// <summary>Whether the date of an instant in Japan lies between <see cref="MinDate"/> and <see cref="MaxDate"/>.</summary>
    public static bool IsSupported(DateTimeOffset instant) => instant.UtcTicks >= s_minUtcTicks && instant.UtcTicks < s_endUtcTicks;

    public static DateOnly? SupportedDate(DateOnly? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is { } date && !IsSupported(date))
        {
            throw new ArgumentOutOfRangeException(name, date, $"Dates must lie between {SupportedRange}.");
        }

        return value;
    }

    /// <summary>Checks every date with <see cref="SupportedDate"/>, then sorts them and removes repeats; the default array becomes empty.</summary>
    public static ImmutableArray<DateOnly> SupportedDates(ImmutableArray<DateOnly> value, int maxCount, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value.IsDefaultOrEmpty)
        {
            return [];
        }

        foreach (var date in value)
        {
            _ = SupportedDate(date, name);
        }

        var dates = value.Distinct().Order().ToImmutableArray();
        if (dates.Length > maxCount)
        {
            throw new ArgumentException($"At most {maxCount} dates are allowed; {dates.Length} different ones were given.", name);
        }

        return dates;
    }

    public static DateTimeOffset? SupportedInstant(DateTimeOffset? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is { } instant && !IsSupported(instant))
        {
            throw new ArgumentOutOfRangeException(name, instant, $"The date in Japan must lie between {SupportedRange}.");
        }

        return value;
    }

    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{typeof(TEnum).Name} has no member with the value {value}.");
        }

        return value;
    }

    public static string? OptionalText(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The text must not be empty or white space; use null when it is not known.", name);
        }

        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"The text must be at most {MaxTextLength} characters long; it has {value.Length}.", name);
        }

        return value;
    }
}
