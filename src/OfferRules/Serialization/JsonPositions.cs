using System.Text.Json;

namespace OfferRules.Serialization;

/// <summary>
/// Adds line and column numbers to diagnostics by walking the source once more. Runs only when loading failed, so it
/// is written to stay linear in the size of a hostile file: only the containers on the way to a diagnostic are entered,
/// every other subtree is skipped without building its pointers, and all positions are counted in one sweep.
/// </summary>
internal static class JsonPositions
{
    private const int MaxDepth = 256;

    public static IEnumerable<RuleSetDiagnostic> Locate(ReadOnlySpan<byte> utf8Json, List<RuleSetDiagnostic> diagnostics)
    {
        var wanted = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            wanted.TryAdd(d.Path, -1);
        }

        try
        {
            Walk(utf8Json, wanted);
        }
        catch (JsonException)
        {
            // The document parsed before, so this cannot happen; positions are a convenience, never a new failure.
        }

        var positions = LinesAndColumns(utf8Json, wanted.Values);
        var result = new List<RuleSetDiagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            if (wanted.TryGetValue(d.Path, out var offset) && offset >= 0)
            {
                var (line, column) = positions[offset];
                result.Add(d with { Line = line, Column = column });
            }
            else
            {
                result.Add(d);
            }
        }

        return result;
    }

    /// <summary>
    /// Finds the first string or property name that parses but cannot be read as text: an escaped lone surrogate such
    /// as <c>"\uD800"</c>, which System.Text.Json accepts when parsing and throws on when the string is read.
    /// Only escaped strings are decoded, and only when the text has a <c>\u</c> escape at all.
    /// </summary>
    /// <returns>The byte offset of the string, or -1 when every string can be read.</returns>
    public static long FindUnreadableString(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        if (!MayHaveLoneSurrogate(utf8Json))
        {
            return -1;
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !CanRead(ref reader))
                {
                    return reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            // Only called on text that parsed; a tokenizer error here is not a string problem.
        }

        return -1;
    }

    /// <summary>
    /// Looks at the escapes in the text, without tokenizing it, for a <c>\u</c> escape of a surrogate that is not one
    /// half of an escaped pair. Escapes are found from the start of the text, so an escaped backslash (<c>\\uD800</c>)
    /// is no escape of a surrogate. Backslashes in comments can only add false alarms, never hide a string's escape;
    /// a false alarm costs the exact scan, nothing more. Text without such an escape (nearly every file, including any
    /// with escaped pairs or escaped Japanese) needs no second pass.
    /// </summary>
    internal static bool MayHaveLoneSurrogate(ReadOnlySpan<byte> utf8Json)
    {
        var i = utf8Json.IndexOf((byte)'\\');
        while (i >= 0 && i + 1 < utf8Json.Length)
        {
            var next = 2;
            if (utf8Json[i + 1] == (byte)'u')
            {
                var unit = Hex(utf8Json[(i + 2)..]);
                if (unit is < 0 or (>= 0xDC00 and <= 0xDFFF))
                {
                    // Not four hex digits (possible only in a comment), or a low surrogate without a high one before it.
                    return true;
                }

                next = 6;
                if (unit is >= 0xD800 and <= 0xDBFF)
                {
                    var low = i + 6 + 1 < utf8Json.Length && utf8Json[i + 6] == (byte)'\\' && utf8Json[i + 7] == (byte)'u' ? Hex(utf8Json[(i + 8)..]) : -1;
                    if (low is < 0xDC00 or > 0xDFFF)
                    {
                        return true;
                    }

                    next = 12;
                }
            }

            var rest = utf8Json[(i + next)..].IndexOf((byte)'\\');
            i = rest < 0 ? -1 : i + next + rest;
        }

        return false;

        static int Hex(ReadOnlySpan<byte> digits)
        {
            if (digits.Length < 4)
            {
                return -1;
            }

            var value = 0;
            for (var d = 0; d < 4; d++)
            {
                var c = digits[d];
                var v = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : (c | 0x20) is >= 'a' and <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
                if (v < 0)
                {
                    return -1;
                }

                value = (value << 4) | v;
            }

            return value;
        }
    }

    /// <summary>
    /// Gets the JSON Pointer of the value that starts at a byte offset; for a property name, the pointer of its object.
    /// The path is kept as segments and joined once, so the cost is linear however long the keys on the way are.
    /// </summary>
    public static string PointerAt(ReadOnlySpan<byte> utf8Json, long offset)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        var containers = new List<(bool IsArray, int Index, string? Name)>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.RemoveAt(containers.Count - 1);
                    continue;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    if (reader.TokenStartIndex >= offset)
                    {
                        return Join(containers, includeLast: false);
                    }

                    containers[^1] = (false, 0, reader.GetString());
                    continue;
                }

                if (containers.Count > 0 && containers[^1].IsArray)
                {
                    containers[^1] = (true, containers[^1].Index + 1, null);
                }

                if (reader.TokenStartIndex >= offset)
                {
                    return Join(containers, includeLast: true);
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Add((token == JsonTokenType.StartArray, -1, null));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A position is a convenience; the document root is the fallback.
        }

        return string.Empty;
    }

    /// <summary>Gets the 1-based line and column (in bytes) of a byte offset.</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8Json, int offset)
    {
        var before = utf8Json[..Math.Clamp(offset, 0, utf8Json.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    /// <summary>Counts lines up to every offset in one sweep over the text.</summary>
    private static Dictionary<long, (int Line, int Column)> LinesAndColumns(ReadOnlySpan<byte> utf8Json, IEnumerable<long> offsets)
    {
        var result = new Dictionary<long, (int Line, int Column)>();
        var line = 1;
        var lineStart = 0;
        var scanned = 0;
        foreach (var offset in offsets.Where(o => o >= 0).Distinct().Order())
        {
            var end = (int)Math.Min(offset, utf8Json.Length);
            var span = utf8Json[scanned..end];
            var last = span.LastIndexOf((byte)'\n');
            if (last >= 0)
            {
                line += span.Count((byte)'\n');
                lineStart = scanned + last + 1;
            }

            scanned = end;
            result[offset] = (line, (int)offset - lineStart + 1);
        }

        return result;
    }

    private static string Join(List<(bool IsArray, int Index, string? Name)> containers, bool includeLast)
    {
        var pointer = string.Empty;
        for (var i = 0; i < containers.Count; i++)
        {
            var (isArray, index, name) = containers[i];
            if (i == containers.Count - 1 && !includeLast)
            {
                break;
            }

            pointer = isArray ? JsonWalker.Child(pointer, index) : JsonWalker.Child(pointer, name ?? string.Empty);
        }

        return pointer;
    }

    private static bool CanRead(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Records where each wanted pointer starts: at its property name for a member, at its value for an array item or
    /// the root. Enters only the containers on the way to a wanted pointer and skips every other subtree.
    /// </summary>
    private static void Walk(ReadOnlySpan<byte> utf8Json, Dictionary<string, long> wanted)
    {
        var onTheWay = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pointer in wanted.Keys)
        {
            for (var end = pointer.LastIndexOf('/'); end >= 0; end = end == 0 ? -1 : pointer.LastIndexOf('/', end - 1))
            {
                onTheWay.Add(pointer[..end]);
            }
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        var paths = new Stack<(string Path, bool IsArray, int Index, string? Name)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var top = paths.Pop();
                    var name = reader.GetString() ?? string.Empty;
                    paths.Push((top.Path, false, 0, name));
                    Mark(wanted, JsonWalker.Child(top.Path, name), reader.TokenStartIndex);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    paths.Pop();
                    break;
                default:
                    var pointer = CurrentPointer(paths);
                    Mark(wanted, pointer, reader.TokenStartIndex);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (onTheWay.Contains(pointer))
                        {
                            paths.Push((pointer, reader.TokenType == JsonTokenType.StartArray, 0, null));
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
            }
        }
    }

    private static string CurrentPointer(Stack<(string Path, bool IsArray, int Index, string? Name)> paths)
    {
        if (paths.Count == 0)
        {
            return string.Empty;
        }

        var top = paths.Pop();
        string pointer;
        if (top.IsArray)
        {
            pointer = JsonWalker.Child(top.Path, top.Index);
            top.Index++;
        }
        else
        {
            pointer = JsonWalker.Child(top.Path, top.Name ?? string.Empty);
        }

        paths.Push(top);
        return pointer;
    }

    private static void Mark(Dictionary<string, long> wanted, string pointer, long offset)
    {
        if (wanted.TryGetValue(pointer, out var existing) && existing < 0)
        {
            wanted[pointer] = offset;
        }
    }
}
