using OfferRules.Rules;

namespace OfferRules.Tests.Rules;

/// <summary>Kleene's strong three-valued logic, table by table.</summary>
public sealed class TruthTests
{
    private const Truth F = Truth.False;
    private const Truth U = Truth.Unknown;
    private const Truth T = Truth.True;

    [Theory]
    [InlineData(F, F, F)]
    [InlineData(F, U, F)]
    [InlineData(F, T, F)]
    [InlineData(U, F, F)]
    [InlineData(U, U, U)]
    [InlineData(U, T, U)]
    [InlineData(T, F, F)]
    [InlineData(T, U, U)]
    [InlineData(T, T, T)]
    internal void And_KleeneTable_Holds(Truth a, Truth b, Truth expected) => Assert.Equal(expected, a.And(b));

    [Theory]
    [InlineData(F, F, F)]
    [InlineData(F, U, U)]
    [InlineData(F, T, T)]
    [InlineData(U, F, U)]
    [InlineData(U, U, U)]
    [InlineData(U, T, T)]
    [InlineData(T, F, T)]
    [InlineData(T, U, T)]
    [InlineData(T, T, T)]
    internal void Or_KleeneTable_Holds(Truth a, Truth b, Truth expected) => Assert.Equal(expected, a.Or(b));

    [Theory]
    [InlineData(F, T)]
    [InlineData(U, U)]
    [InlineData(T, F)]
    internal void Not_KleeneTable_Holds(Truth a, Truth expected) => Assert.Equal(expected, a.Not());
}
