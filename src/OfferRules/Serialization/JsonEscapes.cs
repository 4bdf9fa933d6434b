using System.Text.Json;

namespace OfferRules.Serialization;

/// <summary>
/// Finds a string or property name whose escapes do not make valid UTF-16, such as a lone surrogate <c>"\ud800"</c>.
/// The parser accepts such JSON, but reading the value as a .NET string throws, so both readers look for one before
/// they walk a document and report it as malformed text instead.
/// </summary>
internal static class JsonEscapes
{
    /// <summary>Looks for the first string or property name that cannot be read as a string.</summary>
    /// <param name="utf8Json">A document that has already parsed with <paramref name="options"/>.</param>
    /// <param name="options">The options the document parsed with.</param>
    /// <param name="offset">The byte offset of the bad token, or -1.</param>
    /// <returns>
    /// <see langword="null"/> when every string reads; otherwise the location of the bad value, or of the object that
    /// holds a bad property name, as path segments: a <see cref="string"/> per property, an <see cref="int"/> per index.
    /// </returns>
    public static List<object>? FindUnreadableString(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options, out long offset)
    {
        offset = -1;

        // Only \u escapes can name a surrogate; most documents have none and need no second pass.
        if (utf8Json.IndexOf("\\u"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8Json, options);
        var frames = new List<Frame>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (!CanRead(ref reader, out var name))
                    {
                        offset = reader.TokenStartIndex;
                        return Segments(frames, frames.Count - 1);
                    }

                    frames[^1].Name = name;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.Comment:
                    break;
                default:
                    if (frames.Count > 0 && frames[^1].IsArray)
                    {
                        frames[^1].Index++;
                    }

                    if (reader.TokenType == JsonTokenType.String && !CanRead(ref reader, out _))
                    {
                        offset = reader.TokenStartIndex;
                        return Segments(frames, frames.Count);
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                    }

                    break;
            }
        }

        return null;
    }

    private static bool CanRead(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (!reader.ValueIsEscaped)
        {
            text = reader.GetString();
            return true;
        }

        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this, and only this, for escapes that are not valid UTF-16.
            return false;
        }
    }

    private static List<object> Segments(List<Frame> frames, int count)
    {
        var segments = new List<object>(count);
        for (var i = 0; i < count; i++)
        {
            segments.Add(frames[i].IsArray ? frames[i].Index : frames[i].Name ?? string.Empty);
        }

        return segments;
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
