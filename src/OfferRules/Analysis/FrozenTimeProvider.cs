namespace OfferRules.Analysis;

/// <summary>A clock that always says the moment it was made with, so that a long run sees one day throughout.</summary>
internal sealed class FrozenTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static TimeProvider Freeze(TimeProvider? clock) => new FrozenTimeProvider((clock ?? System).GetUtcNow());

    public override DateTimeOffset GetUtcNow() => now;
}
