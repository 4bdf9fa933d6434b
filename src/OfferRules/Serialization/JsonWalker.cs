using System.Text.Json;

namespace OfferRules.Serialization;

/// <summary>Shared helpers for walking a parsed JSON document while collecting every problem with its JSON Pointer.</summary>
internal sealed class JsonWalker
{
    private readonly List<RuleSetDiagnostic> _diagnostics = [];

    public JsonWalker(int maxDiagnostics) => MaxDiagnostics = maxDiagnostics;

    public int MaxDiagnostics { get; }

    public List<RuleSetDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    public static string Child(string pointer, string name) =>
        pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Child(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Error(string code, string pointer, string message)
    {
        if (_diagnostics.Count < MaxDiagnostics)
        {
            _diagnostics.Add(new RuleSetDiagnostic(code, pointer, message));
        }
        else if (_diagnostics.Count == MaxDiagnostics)
        {
            _diagnostics.Add(new RuleSetDiagnostic("ruleSet.tooManyProblems", string.Empty, $"More than {MaxDiagnostics} problems; the rest are not listed."));
        }
    }

    /// <summary>Checks that an element is an object whose properties are all known; reports the unknown ones.</summary>
    public bool Object(JsonElement element, string pointer, string what, ReadOnlySpan<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error("ruleSet.wrongType", pointer, $"{what} must be a JSON object, not {Describe(element)}.");
            return false;
        }

        // Allowed names (at most 64 per object) are tracked in a bit set; a set is made only for unknown names.
        var seenAllowed = 0UL;
        HashSet<string>? seenOther = null;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var index = IndexOf(allowed, name);
            var duplicate = index is >= 0 and < 64
                ? (seenAllowed & (1UL << index)) != 0
                : !(seenOther ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            if (index is >= 0 and < 64)
            {
                seenAllowed |= 1UL << index;
            }

            if (duplicate)
            {
                Error("ruleSet.duplicateProperty", Child(pointer, name), $"The property '{Shorten(name)}' appears more than once in {what}.");
            }

            if (index < 0)
            {
                Error("ruleSet.unknownProperty", Child(pointer, name), $"{what} has no property '{Shorten(name)}'. Allowed: {string.Join(", ", allowed.ToArray())}.");
            }
        }

        return true;
    }

    public bool TryGet(JsonElement obj, string pointer, string name, bool required, string what, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value))
        {
            return true;
        }

        if (required)
        {
            Error("ruleSet.missingProperty", pointer, $"{what} needs the property '{name}'.");
        }

        value = default;
        return false;
    }

    public string? String(JsonElement obj, string pointer, string name, bool required, string what, int maxLength)
    {
        if (!TryGet(obj, pointer, name, required, what, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error("ruleSet.wrongType", Child(pointer, name), $"'{name}' must be a string, not {Describe(value)}.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            Error("ruleSet.limit", Child(pointer, name), $"'{name}' is {text.Length} characters long; the limit is {maxLength}.");
            return null;
        }

        if (text.Length == 0)
        {
            Error("ruleSet.empty", Child(pointer, name), $"'{name}' must not be empty.");
            return null;
        }

        return text;
    }

    public int? Int(JsonElement obj, string pointer, string name, bool required, string what, int min, int max)
    {
        if (!TryGet(obj, pointer, name, required, what, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Error("ruleSet.wrongType", Child(pointer, name), $"'{name}' must be a whole number, not {Describe(value)}.");
            return null;
        }

        if (number < min || number > max)
        {
            Error("ruleSet.outOfRange", Child(pointer, name), $"'{name}' is {number}; it must be between {min} and {max}.");
            return null;
        }

        return number;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(element.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"the number {Shorten(element.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static int IndexOf(ReadOnlySpan<string> names, string name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
