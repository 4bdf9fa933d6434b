using System.Text.Json;

namespace OfferRules.Serialization;

/// <summary>Adds line and column numbers to diagnostics by walking the source once more. Runs only when loading failed.</summary>
internal static class JsonPositions
{
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

        var result = new List<RuleSetDiagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            if (wanted.TryGetValue(d.Path, out var offset) && offset >= 0)
            {
                var (line, column) = LineAndColumn(utf8Json, (int)offset);
                result.Add(d with { Line = line, Column = column });
            }
            else
            {
                result.Add(d);
            }
        }

        return result;
    }

    private static void Walk(ReadOnlySpan<byte> utf8Json, Dictionary<string, long> wanted)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
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
                        paths.Push((pointer, reader.TokenType == JsonTokenType.StartArray, 0, null));
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

    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8Json, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < utf8Json.Length; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
