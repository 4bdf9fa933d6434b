using OfferRules.Internal;

namespace OfferRules.Domain;

/// <summary>Who the candidate is, used only to personalise texts.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Candidate
{
    /// <summary>Gets a candidate about whom nothing is known.</summary>
    public static Candidate Unknown { get; } = new();

    /// <summary>Gets the candidate's name.</summary>
    /// <exception cref="ArgumentException">The value is empty, white space, or longer than 200 characters.</exception>
    public string? Name { get; init => field = Guard.OptionalText(value, nameof(Name)); }

    /// <summary>Gets the candidate's school or university.</summary>
    /// <exception cref="ArgumentException">The value is empty, white space, or longer than 200 characters.</exception>
    public string? School { get; init => field = Guard.OptionalText(value, nameof(School)); }
}
