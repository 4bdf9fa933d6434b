using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OfferRules.Web;

/// <summary>
/// Turns a JSON Schema 2020-12 file into OpenAPI 3.1 components (whose schemas are JSON Schema 2020-12 too): the root and
/// each <c>$defs</c> entry become named components, chosen inline objects are lifted out under a name of their own, and
/// every <c>#/$defs/…</c> reference is rewritten to <c>#/components/schemas/…</c>.
/// </summary>
/// <remarks>
/// <para>
/// A few rewrites help code generators, which read <c>type</c> and <c>format</c> and make a class of any <c>anyOf</c>;
/// each one accepts exactly the same JSON as before:
/// </para>
/// <list type="bullet">
/// <item>a <c>const</c> becomes a one-value <c>enum</c> (the OpenAPI model the site is built on writes a <c>const</c> as a string, turning 0 into "0");</item>
/// <item>an <c>enum</c> without a <c>type</c> gets the types of its values, so a generator makes a real enum;</item>
/// <item>an <c>anyOf</c> or <c>oneOf</c> of plain scalars (a type with at most a format, a pattern or an enum of strings,
/// directly or through a reference) becomes one scalar: the union of the types, the patterns joined with <c>|</c> (an enum's
/// strings as anchored literals), and the format only if every string branch shares it (a format only annotates);</item>
/// <item>a declared fold moves a constraint-only definition (such as the stage rules of a finding) into the object it
/// constrains, where the two were only ever used together in one <c>allOf</c>;</item>
/// <item>inside an <c>anyOf</c> or <c>oneOf</c> that stays, a reference to a scalar component (not an enum) is replaced by
/// the scalar, since generators make a class of it there;</item>
/// <item>a scalar component left unreferenced by those rewrites is dropped.</item>
/// </list>
/// <para>Every other keyword, <c>if</c>/<c>then</c>/<c>else</c> included, is kept as it is.</para>
/// </remarks>
internal static class SchemaComponents
{
    /// <summary>The prefix of a reference into the document's schemas.</summary>
    public const string ComponentsPrefix = "#/components/schemas/";

    private const string DefsPrefix = "#/$defs/";

    private static readonly string[] TypeOrder = ["object", "array", "string", "boolean", "integer", "number", "null"];

    private static readonly HashSet<string> ScalarKeywords = new(StringComparer.Ordinal) { "type", "format", "pattern", "enum", "description", "title", "$comment" };

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "description", "title", "$comment" };

    /// <summary>How one JSON Schema file becomes components.</summary>
    /// <param name="Resource">The embedded resource that holds the schema.</param>
    /// <param name="RootName">The component name of the root schema.</param>
    /// <param name="Names">Component names for <c>$defs</c> entries that would otherwise clash or read badly; the rest are the PascalCase of their key.</param>
    /// <param name="Lifts">Inline schemas to lift out, as a JSON pointer into the root (after references are rewritten) and the component name; a deeper pointer must come before the one that contains it.</param>
    /// <param name="Folds">Constraint-only <c>$defs</c> (the key) to fold into the definition they are always combined with (the value).</param>
    internal sealed record Source(
        string Resource,
        string RootName,
        IReadOnlyDictionary<string, string> Names,
        IReadOnlyList<KeyValuePair<string, string>> Lifts,
        IReadOnlyDictionary<string, string> Folds);

    /// <summary>Builds the components of a schema.</summary>
    /// <param name="schema">The JSON Schema (not changed).</param>
    /// <param name="source">The names, lifts and folds.</param>
    /// <returns>The components by name, in a stable order: the root, the lifted schemas, then the <c>$defs</c>.</returns>
    /// <exception cref="InvalidOperationException">A reference points outside <c>$defs</c>, a lift or a fold does not find what it expects, or two components share a name.</exception>
    public static IReadOnlyList<KeyValuePair<string, JsonObject>> Build(JsonObject schema, Source source)
    {
        var root = schema.DeepClone().AsObject();
        var defs = root["$defs"] as JsonObject ?? [];
        root.Remove("$defs");
        root.Remove("$schema");
        root.Remove("$id");

        foreach (var (constraint, into) in source.Folds)
        {
            Fold(source.Resource, root, defs, constraint, into);
        }

        string NameOf(string key) => source.Names.TryGetValue(key, out var name) ? name : char.ToUpperInvariant(key[0]) + key[1..];

        var result = new List<KeyValuePair<string, JsonObject>> { new(source.RootName, root) };
        var defComponents = defs.Select(d => new KeyValuePair<string, JsonObject>(NameOf(d.Key), d.Value!.AsObject())).ToList();
        foreach (var (_, component) in defComponents.Prepend(result[0]))
        {
            Rewrite(component, NameOf);
        }

        foreach (var (pointer, name) in source.Lifts)
        {
            var (parent, key) = Find(root, pointer);
            var reference = new JsonObject { ["$ref"] = ComponentsPrefix + name };
            JsonNode? lifted;
            if (parent is JsonObject parentObject)
            {
                lifted = parentObject[key];
                parentObject[key] = reference;
            }
            else
            {
                var array = (JsonArray)parent;
                var index = int.Parse(key, CultureInfo.InvariantCulture);
                lifted = array[index];
                array[index] = reference;
            }

            result.Add(new(name, lifted as JsonObject ?? throw new InvalidOperationException($"{source.Resource}: nothing to lift at '{pointer}'.")));
        }

        result.AddRange(defComponents);
        var clash = result.GroupBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"{source.Resource}: two components are named '{clash.Key}'.");
        }

        return MergeScalars(result);
    }

    /// <summary>Replaces every <c>allOf: [into, constraint]</c> with <c>into</c>, and gives <c>into</c> the constraint's <c>allOf</c>.</summary>
    private static void Fold(string resource, JsonObject root, JsonObject defs, string constraint, string into)
    {
        var target = defs[into] as JsonObject ?? throw new InvalidOperationException($"{resource}: no definition '{into}' to fold into.");
        var rules = defs[constraint] as JsonObject ?? throw new InvalidOperationException($"{resource}: no definition '{constraint}' to fold.");
        if (target.ContainsKey("allOf") || rules.Any(p => p.Key != "allOf" && !Annotations.Contains(p.Key)) || rules["allOf"] is not JsonArray allOf)
        {
            throw new InvalidOperationException($"{resource}: '{constraint}' must hold only an allOf, and '{into}' none, to be folded.");
        }

        var sites = 0;
        var references = 0;
        foreach (var node in Descendants(root).Concat(defs.SelectMany(d => Descendants(d.Value))))
        {
            if (node is not JsonObject obj)
            {
                continue;
            }

            if (obj["$ref"]?.GetValue<string>() is { } referenced && (referenced == DefsPrefix + into || referenced == DefsPrefix + constraint))
            {
                references++;
            }

            if (obj["allOf"] is JsonArray { Count: 2 } pair
                && pair[0]?["$ref"]?.GetValue<string>() == DefsPrefix + into
                && pair[1]?["$ref"]?.GetValue<string>() == DefsPrefix + constraint)
            {
                sites++;
            }
        }

        if (sites == 0 || references != 2 * sites)
        {
            throw new InvalidOperationException($"{resource}: '{into}' and '{constraint}' must be used only together, as allOf: [{into}, {constraint}].");
        }

        foreach (var obj in Descendants(root).Concat(defs.SelectMany(d => Descendants(d.Value))).OfType<JsonObject>().ToList())
        {
            if (obj["allOf"] is JsonArray { Count: 2 } pair && pair[0]?["$ref"]?.GetValue<string>() == DefsPrefix + into)
            {
                obj.Remove("allOf");
                obj["$ref"] = DefsPrefix + into;
            }
        }

        target["allOf"] = allOf.DeepClone();
        defs.Remove(constraint);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }

    private static void Rewrite(JsonNode? node, Func<string, string> nameOf)
    {
        foreach (var obj in Descendants(node).OfType<JsonObject>())
        {
            if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target))
            {
                obj["$ref"] = target.StartsWith(DefsPrefix, StringComparison.Ordinal)
                    ? ComponentsPrefix + nameOf(target[DefsPrefix.Length..])
                    : throw new InvalidOperationException($"Only references into $defs can be rewritten, not '{target}'.");
            }

            if (obj.ContainsKey("const"))
            {
                var value = obj["const"]?.DeepClone();
                obj.Remove("const");
                obj["enum"] = new JsonArray(value);
            }

            if (obj["enum"] is JsonArray values && !obj.ContainsKey("type"))
            {
                obj["type"] = TypeNode(TypesOf(values) ?? throw new InvalidOperationException("An enum of objects or arrays cannot be given a type."));
            }
        }
    }

    /// <summary>Merges every <c>anyOf</c> or <c>oneOf</c> of plain scalars, until none is left, and drops scalar components no longer used.</summary>
    private static List<KeyValuePair<string, JsonObject>> MergeScalars(List<KeyValuePair<string, JsonObject>> components)
    {
        var byName = components.ToDictionary(c => ComponentsPrefix + c.Key, c => c.Value, StringComparer.Ordinal);
        var inlined = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var obj in components.SelectMany(c => Descendants(c.Value)).OfType<JsonObject>().ToList())
            {
                changed |= TryMerge(obj, byName, inlined);
            }
        }
        while (changed);

        // Some generators also make a class of a scalar component reached anywhere inside an anyOf or oneOf that stays
        // (an array of dates in one branch, say): there, such a reference is replaced by the scalar itself.
        foreach (var composed in components.SelectMany(c => Descendants(c.Value)).OfType<JsonObject>().Where(o => o.ContainsKey("anyOf") || o.ContainsKey("oneOf")).ToList())
        {
            foreach (var obj in Descendants(composed["anyOf"] ?? composed["oneOf"]).OfType<JsonObject>().ToList())
            {
                if (obj.Count == 1 && obj["$ref"]?.GetValue<string>() is { } target
                    && byName.GetValueOrDefault(target) is { } scalar && IsPlainScalar(scalar) && !scalar.ContainsKey("enum"))
                {
                    obj.Remove("$ref");
                    foreach (var (key, value) in scalar)
                    {
                        obj[key] = value?.DeepClone();
                    }

                    inlined.Add(target);
                }
            }
        }

        var referenced = components.SelectMany(c => Descendants(c.Value)).OfType<JsonObject>()
            .Select(o => o["$ref"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return [.. components.Where(c => !inlined.Contains(ComponentsPrefix + c.Key) || referenced.Contains(ComponentsPrefix + c.Key))];
    }

    private static bool TryMerge(JsonObject obj, Dictionary<string, JsonObject> byName, HashSet<string> inlined)
    {
        var keyword = obj.ContainsKey("anyOf") ? "anyOf" : obj.ContainsKey("oneOf") ? "oneOf" : null;
        if (keyword is null || obj.Any(p => p.Key != keyword && !Annotations.Contains(p.Key)) || obj[keyword] is not JsonArray { Count: > 0 } branches)
        {
            return false;
        }

        var resolved = new List<JsonObject>();
        var references = new List<string>();
        foreach (var branch in branches)
        {
            var schema = branch as JsonObject;
            if (schema?["$ref"]?.GetValue<string>() is { } target && schema.Count == 1)
            {
                references.Add(target);
                schema = byName.GetValueOrDefault(target);
            }

            if (schema is null || !IsPlainScalar(schema))
            {
                return false;
            }

            resolved.Add(schema);
        }

        var branchTypes = resolved.Select(BranchTypes).ToList();
        if (keyword == "oneOf" && branchTypes.SelectMany(t => t).Count() != branchTypes.SelectMany(t => t).Distinct().Count())
        {
            // oneOf is a union only when no value can match two branches.
            return false;
        }

        var types = branchTypes.SelectMany(t => t).Distinct().OrderBy(t => Array.IndexOf(TypeOrder, t)).ToList();
        var stringBranches = resolved.Where((_, i) => branchTypes[i].Contains("string")).ToList();
        var patterns = new List<string>();
        var anyString = false;
        foreach (var branch in stringBranches)
        {
            if (branch["pattern"]?.GetValue<string>() is { } pattern)
            {
                patterns.Add(pattern);
            }
            else if (branch["enum"] is JsonArray values)
            {
                patterns.Add("^(?:" + string.Join("|", values.OfType<JsonValue>().Select(v => EscapeRegex(v.GetValue<string>()))) + ")$");
            }
            else
            {
                anyString = true;
            }
        }

        var formats = stringBranches.Select(b => b["format"]?.GetValue<string>()).Distinct().ToList();
        var description = obj["description"]?.GetValue<string>()
            ?? string.Join(" ", resolved.Select(b => b["description"]?.GetValue<string>()).OfType<string>().Distinct());

        obj.Remove(keyword);
        obj["type"] = TypeNode(types);
        if (formats is [{ } format])
        {
            obj["format"] = format;
        }

        if (!anyString && patterns.Count > 0)
        {
            obj["pattern"] = patterns.Count == 1 ? patterns[0] : string.Join("|", patterns.Select(p => "(?:" + p + ")"));
        }

        if (description.Length > 0)
        {
            obj["description"] = description;
        }

        inlined.UnionWith(references);
        return true;
    }

    /// <summary>Whether a schema is a type with at most a format, a pattern or an enum of strings and null.</summary>
    private static bool IsPlainScalar(JsonObject schema)
    {
        if (schema.Any(p => !ScalarKeywords.Contains(p.Key)) || (schema.ContainsKey("pattern") && schema.ContainsKey("enum")))
        {
            return false;
        }

        if (schema["enum"] is JsonArray values)
        {
            return values.All(v => v is null || (v is JsonValue s && s.TryGetValue<string>(out _)));
        }

        return DeclaredTypes(schema) is { Count: > 0 } types && types.All(t => t is not ("object" or "array"));
    }

    private static List<string> BranchTypes(JsonObject schema) =>
        schema["enum"] is JsonArray values ? TypesOf(values)! : DeclaredTypes(schema);

    private static List<string> DeclaredTypes(JsonObject schema) => schema["type"] switch
    {
        JsonArray array => [.. array.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary>The JSON types of an enum's values, in a fixed order; <see langword="null"/> when one is an object or an array.</summary>
    private static List<string>? TypesOf(JsonArray values)
    {
        var types = new List<string>();
        foreach (var value in values)
        {
            var type = value switch
            {
                null => "null",
                JsonValue s when s.TryGetValue<string>(out _) => "string",
                JsonValue b when b.TryGetValue<bool>(out _) => "boolean",
                JsonValue i when i.TryGetValue<long>(out _) => "integer",
                JsonValue => "number",
                _ => null,
            };
            if (type is null)
            {
                return null;
            }

            types.Add(type);
        }

        return [.. types.Distinct().OrderBy(t => Array.IndexOf(TypeOrder, t))];
    }

    private static JsonNode TypeNode(List<string> types) =>
        types.Count == 1 ? JsonValue.Create(types[0])! : new JsonArray([.. types.Select(t => (JsonNode?)JsonValue.Create(t))]);

    /// <summary>Escapes a literal for an ECMA-262 pattern, the dialect of JSON Schema.</summary>
    private static string EscapeRegex(string literal)
    {
        var escaped = new StringBuilder(literal.Length);
        foreach (var c in literal)
        {
            if (@"\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static (JsonNode Parent, string Key) Find(JsonObject root, string pointer)
    {
        var segments = pointer.TrimStart('/').Split('/');
        JsonNode current = root;
        foreach (var segment in segments[..^1])
        {
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a => a[int.Parse(segment, CultureInfo.InvariantCulture)],
                _ => null,
            } ?? throw new InvalidOperationException($"The pointer '{pointer}' finds nothing at '{segment}'.");
        }

        return (current, segments[^1]);
    }
}
