using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OfferRules.Serialization;

/// <summary>Shared helpers for walking a parsed JSON document while collecting every problem with its JSON Pointer.</summary>
internal sealed class JsonWalker
{
    /// <summary>
    /// Characters that must not reach a message as they are: C0 and C1 controls (a newline could forge a log line),
    /// line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates that can make
    /// text display in another order than it reads.
    /// </summary>
    private static readonly SearchValues<char> s_unprintable = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private readonly List<RuleSetDiagnostic> _diagnostics = [];

    public JsonWalker(int maxDiagnostics) => MaxDiagnostics = maxDiagnostics;

    public int MaxDiagnostics { get; }

    public List<RuleSetDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    /// <summary>
    /// Gets a value indicating whether no further problem will be listed. Readers stop walking then: the file has
    /// failed, and a hostile file must not make them spend time on problems nobody will see.
    /// </summary>
    public bool Saturated => _diagnostics.Count >= MaxDiagnostics;

    public static string Child(string pointer, string name) =>
        pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Child(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reports a problem at a path; the path's pointer is built only when the problem is listed.</summary>
    public void Error(string code, JsonPath path, string message)
    {
        if (_diagnostics.Count <= MaxDiagnostics)
        {
            Error(code, path.ToString(), message);
        }
    }

    public void Error(string code, string pointer, string message)
    {
        if (_diagnostics.Count < MaxDiagnostics)
        {
            _diagnostics.Add(new RuleSetDiagnostic(code, pointer, Printable(message)));
        }
        else if (_diagnostics.Count == MaxDiagnostics)
        {
            _diagnostics.Add(new RuleSetDiagnostic("ruleSet.tooManyProblems", string.Empty, $"More than {MaxDiagnostics} problems; the rest are not listed."));
        }
    }

    /// <summary>Records, once, that reading stopped early because <see cref="Saturated"/> became true.</summary>
    public void StopEarly(JsonPath path)
    {
        if (_diagnostics.Count == MaxDiagnostics)
        {
            _diagnostics.Add(new RuleSetDiagnostic("ruleSet.tooManyProblems", path.ToString(), $"Stopped after {MaxDiagnostics} problems; the rest of the file was not checked."));
        }
    }

    /// <summary>Checks that an element is an object whose properties are all known; reports the unknown ones.</summary>
    public bool Object(JsonElement element, JsonPath pointer, string what, PropertyNames allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error("ruleSet.wrongType", pointer, $"{what} must be a JSON object, not {Describe(element)}.");
            return false;
        }

        // Allowed names (at most 64 per object) are matched on their UTF-8 bytes and tracked in a bit set; a name is
        // read as a string, and a set made, only for unknown names.
        var seenAllowed = 0UL;
        HashSet<string>? seenOther = null;
        foreach (var property in element.EnumerateObject())
        {
            if (Saturated)
            {
                StopEarly(pointer);
                break;
            }

            var index = allowed.Find(property) ?? -1;
            var name = index < 0 ? property.Name : null;
            var duplicate = index is >= 0 and < 64
                ? (seenAllowed & (1UL << index)) != 0
                : !(seenOther ??= new HashSet<string>(StringComparer.Ordinal)).Add(name ??= property.Name);
            if (index is >= 0 and < 64)
            {
                seenAllowed |= 1UL << index;
            }

            if (duplicate)
            {
                name ??= property.Name;
                Error("ruleSet.duplicateProperty", pointer.Child(name), $"The property '{Shorten(name)}' appears more than once in {Lower(what)}.");
            }

            if (index < 0)
            {
                name ??= property.Name;
                Error("ruleSet.unknownProperty", pointer.Child(name), $"{what} has no property '{Shorten(name)}'. Allowed: {string.Join(", ", allowed.Names)}.");
            }
        }

        return true;
    }

    public bool TryGet(JsonElement obj, JsonPath pointer, string name, bool required, string what, out JsonElement value)
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

    public string? String(JsonElement obj, JsonPath pointer, string name, bool required, string what, int maxLength)
    {
        if (!TryGet(obj, pointer, name, required, what, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error("ruleSet.wrongType", pointer.Child(name), $"'{name}' must be a string, not {Describe(value)}.");
            return null;
        }

        return Checked(value.GetString()!, pointer, name, maxLength);
    }

    /// <summary>Checks the length of a string property already read; returns it, or <see langword="null"/> after reporting.</summary>
    public string? Checked(string text, JsonPath pointer, string name, int maxLength)
    {
        if (text.Length > maxLength)
        {
            Error("ruleSet.limit", pointer.Child(name), $"'{name}' is {text.Length} characters long; the limit is {maxLength}.");
            return null;
        }

        if (text.Length == 0)
        {
            Error("ruleSet.empty", pointer.Child(name), $"'{name}' must not be empty.");
            return null;
        }

        return text;
    }

    public int? Int(JsonElement obj, JsonPath pointer, string name, bool required, string what, int min, int max)
    {
        if (!TryGet(obj, pointer, name, required, what, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Error("ruleSet.wrongType", pointer.Child(name), $"'{name}' must be a whole number, not {Describe(value)}.");
            return null;
        }

        if (number < min || number > max)
        {
            Error("ruleSet.outOfRange", pointer.Child(name), $"'{name}' is {number}; it must be between {min} and {max}.");
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

    /// <summary>Describes a JSON value in Japanese, the twin of <see cref="Describe"/>: 文字列「…」, 数値「…」, オブジェクト, 配列, or the literal itself.</summary>
    public static string DescribeJa(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "オブジェクト",
        JsonValueKind.Array => "配列",
        JsonValueKind.String => $"文字列「{Shorten(element.GetString() ?? string.Empty)}」",
        JsonValueKind.Number => $"数値「{Shorten(element.GetRawText())}」",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "（値なし）",
    };

    /// <summary>Shortens text from a file to at most 60 characters for a message, never splitting a surrogate pair, and makes it <see cref="Printable"/>.</summary>
    public static string Shorten(string text)
    {
        if (text.Length <= 60)
        {
            return Printable(text);
        }

        var keep = char.IsHighSurrogate(text[56]) ? 56 : 57;
        return Printable(string.Concat(text.AsSpan(0, keep), "..."));
    }

    /// <summary>Writes the characters that could forge a log line or reorder displayed text as <c>\uXXXX</c>; returns other text unchanged.</summary>
    public static string Printable(string text)
    {
        if (text.AsSpan().IndexOfAny(s_unprintable) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (s_unprintable.Contains(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-cases the first letter of a description such as "The rule set" for use inside a sentence.</summary>
    private static string Lower(string what) =>
        what.Length > 1 && char.IsAsciiLetterUpper(what[0]) && !char.IsAsciiLetterUpper(what[1]) ? char.ToLowerInvariant(what[0]) + what[1..] : what;
}

/// <summary>The property names an object may have, with their UTF-8 bytes, so that a reader can match names without making strings.</summary>
internal sealed class PropertyNames
{
    private readonly byte[][] _utf8;

    public PropertyNames(params string[] names)
    {
        Names = names;
        _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Gets the names, in the order that messages list them.</summary>
    public string[] Names { get; }

    /// <summary>Gets the names as UTF-8, in the same order, for a forward reader to match names on their bytes.</summary>
    public byte[][] Utf8 => _utf8;

    /// <summary>Gets the index of a property's name among <see cref="Names"/>, or <see langword="null"/>.</summary>
    /// <param name="property">The property.</param>
    /// <returns>The index, or <see langword="null"/> when the name is none of them.</returns>
    public int? Find(JsonProperty property)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (property.NameEquals(_utf8[i]))
            {
                return i;
            }
        }

        return null;
    }
}
