namespace OfferRules.Rules;

/// <summary>
/// A truth value of Kleene's strong three-valued logic. The numeric order False &lt; Unknown &lt; True makes
/// conjunction the minimum, disjunction the maximum and negation <c>2 - x</c>.
/// </summary>
internal enum Truth : byte
{
    False = 0,
    Unknown = 1,
    True = 2,
}

internal static class TruthExtensions
{
    public static Truth And(this Truth a, Truth b) => a < b ? a : b;

    public static Truth Or(this Truth a, Truth b) => a > b ? a : b;

    public static Truth Not(this Truth a) => (Truth)(2 - (int)a);
}
