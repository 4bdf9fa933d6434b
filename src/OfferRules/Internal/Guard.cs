using System.Runtime.CompilerServices;

namespace OfferRules.Internal;

/// <summary>Argument checks shared by the domain types, so that every invariant reads the same way.</summary>
internal static class Guard
{
    /// <summary>The longest free-text value a domain type accepts.</summary>
    public const int MaxTextLength = 200;

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
