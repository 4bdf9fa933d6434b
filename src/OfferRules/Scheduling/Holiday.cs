namespace OfferRules.Scheduling;

/// <summary>A public holiday on a given day, with its name in Japanese and English.</summary>
/// <param name="Date">The day of the holiday.</param>
/// <param name="NameJa">The holiday's name in Japanese, for example <c>元日</c> or <c>振替休日</c>.</param>
/// <param name="NameEn">The holiday's name in English, for example <c>New Year's Day</c> or <c>Substitute Holiday</c>.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct Holiday(DateOnly Date, string NameJa, string NameEn);
