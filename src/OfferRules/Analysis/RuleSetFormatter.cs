using System.Text;
using System.Text.Json;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>
/// Rewrites a rule file in the canonical layout: the properties of every object in the order the schema lists them,
/// two-space indentation with each property and array item on its own line, empty arrays and objects as <c>[]</c> and
/// <c>{}</c>, strings with only the escapes JSON requires, numbers exactly as written, <c>\n</c> line ends, a final
/// line break and no byte order mark. It is the layout the default policy is written in, so formatting a file changes
/// its bytes only where it strays from that layout.
/// </summary>
internal static class RuleSetFormatter
{
    private enum Shape
    {
        Other,
        Root,
        Text,
        TimingBands,
        Planning,
        Conduct,
        ConductCase,
        Policy,
        NamedCondition,
        NamedMessages,
        Rule,
        RuleMessages,
        Effect,
        Confidence,
        Level,
        Action,
        Advice,
        Draft,
        Part,
        Condition,
    }

    private static readonly Dictionary<Shape, string[]> s_order = new()
    {
        [Shape.Root] = ["$schema", "schemaVersion", "id", "version", "title", "description", "timingBands", "planning", "conduct", "policies"],
        [Shape.Text] = ["en", "ja"],
        [Shape.TimingBands] = ["immediateMaxDays", "withinWeekMaxDays", "lateMaxDays"],
        [Shape.Planning] = ["followUpBusinessDays"],
        [Shape.Conduct] = ["cases", "otherwise"],
        [Shape.ConductCase] = ["value", "when"],
        [Shape.Policy] = ["kind", "conditions", "rules", "confidence", "actions", "caveats", "fallbacks", "drafts"],
        [Shape.NamedCondition] = ["id", "role", "title", "when", "messages"],
        [Shape.NamedMessages] = ["met", "notMet", "unknown"],
        [Shape.Rule] = ["id", "stage", "when", "effect", "messages", "basis"],
        [Shape.RuleMessages] = ["fired", "unknown", "notFired"],
        [Shape.Effect] = ["outlook", "cap", "score", "info"],
        [Shape.Confidence] = ["levels", "otherwise"],
        [Shape.Level] = ["level", "when"],
        [Shape.Action] = ["id", "when", "channel", "timing", "messages"],
        [Shape.Advice] = ["id", "when", "messages"],
        [Shape.Draft] = ["id", "kind", "when", "title", "subject", "parts"],
        [Shape.Part] = ["when", "text"],
        [Shape.Condition] = ["all", "any", "not", "atLeast", "of", "ref", "fact", "op", "value", "values"],
    };

    public static RuleSetFormatResult Format(ReadOnlySpan<byte> utf8Json)
    {
        var input = utf8Json;
        var loaded = RuleSetJson.Load(utf8Json);
        if (!loaded.TryGetValue(out var before))
        {
            return new RuleSetFormatResult(null, false, loaded.Diagnostics);
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (FirstComment(utf8Json) is { } comment)
        {
            var (line, column) = JsonPositions.LineAndColumn(utf8Json, comment);
            return new RuleSetFormatResult(null, false, [new RuleSetDiagnostic(
                "format.comments",
                string.Empty,
                "The file has comments, which the canonical layout has no place for; remove them (or move what they say into 'description') and format again.")
            {
                Line = line,
                Column = column,
            }]);
        }

        var builder = new StringBuilder(utf8Json.Length + 1024);
        using (var document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = RuleSetLimits.Default.MaxJsonDepth }))
        {
            Value(builder, document.RootElement, Shape.Root, 0);
        }

        builder.Append('\n');
        var text = builder.ToString();

        // The layout must never change the meaning: the model read back is written out the same.
        var after = RuleSetJson.Load(text);
        if (!after.TryGetValue(out var reloaded) || RuleSetJson.ToJson(reloaded) != RuleSetJson.ToJson(before))
        {
            // Never expected; if it happens the file is left alone rather than rewritten with another meaning.
            return new RuleSetFormatResult(null, false, [new RuleSetDiagnostic(
                "format.meaningChanged",
                string.Empty,
                "Formatting would change what the file means, so it was not formatted. This is a bug in OfferRules; please report it with the file.")]);
        }

        var changed = !Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(input);
        return new RuleSetFormatResult(text, changed, []);
    }

    /// <summary>Gets the byte offset of the first comment, or <see langword="null"/> when there is none.</summary>
    private static int? FirstComment(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IndexOf((byte)'/') < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, MaxDepth = RuleSetLimits.Default.MaxJsonDepth });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Comment)
            {
                return (int)reader.TokenStartIndex;
            }
        }

        return null;
    }

    private static void Value(StringBuilder b, JsonElement element, Shape shape, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                Object(b, element, shape, depth);
                break;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().ToList();
                if (items.Count == 0)
                {
                    b.Append("[]");
                    break;
                }

                b.Append("[\n");
                for (var i = 0; i < items.Count; i++)
                {
                    Indent(b, depth + 1);
                    Value(b, items[i], shape, depth + 1);
                    b.Append(i < items.Count - 1 ? ",\n" : "\n");
                }

                Indent(b, depth);
                b.Append(']');
                break;
            case JsonValueKind.String:
                String(b, element.GetString()!);
                break;
            default:
                // Numbers exactly as written; true, false and null.
                b.Append(element.GetRawText());
                break;
        }
    }

    private static void Object(StringBuilder b, JsonElement element, Shape shape, int depth)
    {
        var order = s_order.GetValueOrDefault(shape) ?? [];
        var properties = element.EnumerateObject()
            .Select((p, i) => (Property: p, Rank: Rank(order, p.Name), Position: i))
            .OrderBy(p => p.Rank)
            .ThenBy(p => p.Position)
            .Select(p => p.Property)
            .ToList();
        if (properties.Count == 0)
        {
            b.Append("{}");
            return;
        }

        b.Append("{\n");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            Indent(b, depth + 1);
            String(b, property.Name);
            b.Append(": ");
            Value(b, property.Value, Child(shape, property.Name), depth + 1);
            b.Append(i < properties.Count - 1 ? ",\n" : "\n");
        }

        Indent(b, depth);
        b.Append('}');
    }

    private static int Rank(string[] order, string name)
    {
        var index = Array.IndexOf(order, name);
        return index < 0 ? order.Length : index;
    }

    /// <summary>The shape of the value of a property (for an array, of its items).</summary>
    private static Shape Child(Shape parent, string name) => (parent, name) switch
    {
        (Shape.Root, "title") => Shape.Text,
        (Shape.Root, "timingBands") => Shape.TimingBands,
        (Shape.Root, "planning") => Shape.Planning,
        (Shape.Root, "conduct") => Shape.Conduct,
        (Shape.Root, "policies") => Shape.Policy,
        (Shape.Conduct, "cases") => Shape.ConductCase,
        (Shape.ConductCase or Shape.NamedCondition or Shape.Rule or Shape.Level or Shape.Action or Shape.Advice or Shape.Draft or Shape.Part, "when") => Shape.Condition,
        (Shape.Policy, "conditions") => Shape.NamedCondition,
        (Shape.Policy, "rules") => Shape.Rule,
        (Shape.Policy, "confidence") => Shape.Confidence,
        (Shape.Policy, "actions") => Shape.Action,
        (Shape.Policy, "caveats" or "fallbacks") => Shape.Advice,
        (Shape.Policy, "drafts") => Shape.Draft,
        (Shape.NamedCondition, "title") => Shape.Text,
        (Shape.NamedCondition, "messages") => Shape.NamedMessages,
        (Shape.NamedMessages or Shape.RuleMessages, _) => Shape.Text,
        (Shape.Rule, "effect") => Shape.Effect,
        (Shape.Rule, "messages") => Shape.RuleMessages,
        (Shape.Rule, "basis") => Shape.Text,
        (Shape.Confidence, "levels") => Shape.Level,
        (Shape.Action or Shape.Advice, "messages") => Shape.Text,
        (Shape.Draft, "title" or "subject") => Shape.Text,
        (Shape.Draft, "parts") => Shape.Part,
        (Shape.Part, "text") => Shape.Text,
        (Shape.Condition, "all" or "any" or "not" or "of") => Shape.Condition,
        _ => Shape.Other,
    };

    private static void Indent(StringBuilder b, int depth) => b.Append(' ', depth * 2);

    /// <summary>Writes a JSON string with only the escapes JSON requires: the quote, the backslash and control characters.</summary>
    private static void String(StringBuilder b, string value)
    {
        b.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    b.Append("\\\"");
                    break;
                case '\\':
                    b.Append("\\\\");
                    break;
                case '\n':
                    b.Append("\\n");
                    break;
                case '\r':
                    b.Append("\\r");
                    break;
                case '\t':
                    b.Append("\\t");
                    break;
                case '\b':
                    b.Append("\\b");
                    break;
                case '\f':
                    b.Append("\\f");
                    break;
                case < ' ':
                    b.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    b.Append(c);
                    break;
            }
        }

        b.Append('"');
    }
}
