using System.Globalization;

namespace OfferRules.Serialization;

/// <summary>
/// Where a reader is in a document, kept as segments until a JSON Pointer (RFC 6901) is needed. Loading builds no
/// pointer string for the elements it walks: <see cref="Child(string)"/> writes this path's own segment into a stack
/// shared by one load and returns a small value; <see cref="ToString"/> joins the segments only for a diagnostic or a
/// pointer the model keeps.
/// </summary>
/// <remarks>
/// A path reads its ancestors from the shared stack, so it stays right while the reader is inside its subtree (the
/// recursive-descent reader only ever writes deeper than the paths it still holds) and must be turned into a string
/// before the reader moves on to a sibling of one of its ancestors.
/// </remarks>
internal readonly struct JsonPath
{
    private readonly Segments? _stack;
    private readonly int _depth;
    private readonly string? _name;
    private readonly int _index;

    private JsonPath(Segments stack, int depth, string? name, int index)
    {
        _stack = stack;
        _depth = depth;
        _name = name;
        _index = index;
    }

    /// <summary>Gets a value indicating whether this is the document itself.</summary>
    public bool IsRoot => _depth < 0;

    /// <summary>Starts the paths of one document: the root, whose pointer is empty.</summary>
    public static JsonPath Root() => new(new Segments(), -1, null, 0);

    public JsonPath Child(string name) => Descend(name, -1);

    public JsonPath Child(int index) => Descend(null, index);

    /// <summary>Gets the JSON Pointer, such as <c>/policies/0/rules/3/when</c>; empty for the document.</summary>
    public override string ToString()
    {
        if (_stack is null || _depth < 0)
        {
            return string.Empty;
        }

        var length = 0;
        for (var i = 0; i < _depth; i++)
        {
            length += 1 + Length(_stack.Names[i], _stack.Indexes[i]);
        }

        length += 1 + Length(_name, _index);
        return string.Create(length, this, static (span, path) =>
        {
            var at = 0;
            for (var i = 0; i < path._depth; i++)
            {
                at += Write(span[at..], path._stack!.Names[i], path._stack.Indexes[i]);
            }

            Write(span[at..], path._name, path._index);
        });
    }

    private static int Length(string? name, int index)
    {
        if (name is null)
        {
            var digits = 1;
            for (var rest = index; rest >= 10; rest /= 10)
            {
                digits++;
            }

            return digits;
        }

        var length = name.Length;
        foreach (var c in name)
        {
            if (c is '~' or '/')
            {
                length++;
            }
        }

        return length;
    }

    private static int Write(Span<char> span, string? name, int index)
    {
        span[0] = '/';
        if (name is null)
        {
            index.TryFormat(span[1..], out var written, provider: CultureInfo.InvariantCulture);
            return 1 + written;
        }

        var at = 1;
        foreach (var c in name)
        {
            switch (c)
            {
                case '~':
                    span[at++] = '~';
                    span[at++] = '0';
                    break;
                case '/':
                    span[at++] = '~';
                    span[at++] = '1';
                    break;
                default:
                    span[at++] = c;
                    break;
            }
        }

        return at;
    }

    private JsonPath Descend(string? name, int index)
    {
        var stack = _stack ?? new Segments();
        if (_depth < 0)
        {
            return new JsonPath(stack, 0, name, index);
        }

        stack.Set(_depth, _name, _index);
        return new JsonPath(stack, _depth + 1, name, index);
    }

    /// <summary>The segments above the paths in use: a name per property, or <see langword="null"/> and an index per array item.</summary>
    private sealed class Segments
    {
        public string?[] Names { get; private set; } = new string?[16];

        public int[] Indexes { get; private set; } = new int[16];

        public void Set(int depth, string? name, int index)
        {
            if (depth >= Names.Length)
            {
                var names = Names;
                var indexes = Indexes;
                Array.Resize(ref names, names.Length * 2);
                Array.Resize(ref indexes, indexes.Length * 2);
                Names = names;
                Indexes = indexes;
            }

            Names[depth] = name;
            Indexes[depth] = index;
        }
    }
}
