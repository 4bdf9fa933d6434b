using System.Globalization;

namespace OfferRules.Scheduling;

/// <summary>A company's opening hours on a working day, in Japan time.</summary>
/// <remarks>
/// <para>
/// <see cref="Opens"/> is always earlier than <see cref="Closes"/>; this holds for the constructor and for
/// <see langword="with"/> expressions. When both times change in one <see langword="with"/> expression, the
/// properties are set in the order written and each must be valid against the other at that point, so it
/// is simplest to use the constructor instead.
/// </para>
/// <para>
/// The default value (<c>default(BusinessHours)</c>, 00:00 to 00:00) is not valid; the planner rejects it.
/// For the same reason an object initializer on the parameterless constructor
/// (<c>new BusinessHours { Opens = ..., Closes = ... }</c>) throws: use the two-argument constructor.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct BusinessHours
{
    private readonly TimeOnly _opens;
    private readonly TimeOnly _closes;

    /// <summary>Initializes a new instance of the <see cref="BusinessHours"/> struct.</summary>
    /// <param name="opens">The time the company opens.</param>
    /// <param name="closes">The time the company closes; must be later than <paramref name="opens"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="opens"/> is not earlier than <paramref name="closes"/>.</exception>
    public BusinessHours(TimeOnly opens, TimeOnly closes)
    {
        if (opens >= closes)
        {
            throw new ArgumentException(OrderMessage(opens, closes), nameof(opens));
        }

        _opens = opens;
        _closes = closes;
    }

    /// <summary>Gets the time the company opens.</summary>
    /// <exception cref="ArgumentException">On set, the value is not earlier than <see cref="Closes"/>.</exception>
    public TimeOnly Opens
    {
        get => _opens;
        init
        {
            if (value >= _closes)
            {
                throw new ArgumentException(OrderMessage(value, _closes), nameof(Opens));
            }

            _opens = value;
        }
    }

    /// <summary>Gets the time the company closes.</summary>
    /// <exception cref="ArgumentException">On set, the value is not later than <see cref="Opens"/>.</exception>
    public TimeOnly Closes
    {
        get => _closes;
        init
        {
            if (value <= _opens)
            {
                throw new ArgumentException(OrderMessage(_opens, value), nameof(Closes));
            }

            _closes = value;
        }
    }

    /// <summary>Gets a value indicating whether the hours are valid, that is <see cref="Opens"/> is earlier than <see cref="Closes"/>.</summary>
    /// <remarks>Only the default value is invalid.</remarks>
    internal bool IsValid => _opens < _closes;

    private static string OrderMessage(TimeOnly opens, TimeOnly closes) =>
        $"The opening time ({Format(opens)}) must be earlier than the closing time ({Format(closes)}).";

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
