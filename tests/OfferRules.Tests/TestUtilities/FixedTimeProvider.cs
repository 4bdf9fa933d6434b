namespace OfferRules.Tests.TestUtilities;

/// <summary>A clock that always says the same moment.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
