using System.Collections.Frozen;

namespace OfferRules.Internal;

/// <summary>The camelCase JSON names of an enum's members, built once from the enum itself (never from names a file supplies).</summary>
internal static class JsonNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> s_byName = Build();

    /// <summary>Gets the member names in declaration order, camelCase, including <c>unknown</c> where the enum has it.</summary>
    public static string[] Names { get; } = [.. Enum.GetNames<TEnum>().Select(CamelCase)];

    public static string Of(TEnum value) => CamelCase(value.ToString());

    public static bool TryParse(string name, out TEnum value) => s_byName.TryGetValue(name, out value);

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static FrozenDictionary<string, TEnum> Build()
    {
        var values = Enum.GetValues<TEnum>();
        return values.ToFrozenDictionary(v => CamelCase(v.ToString()), StringComparer.Ordinal);
    }
}
