using System.Collections.Immutable;
using OfferRules.Facts;

namespace OfferRules.Rules;

/// <summary>A message with named placeholders such as <c>{daysSinceDecline}</c>, parsed once when the rule set loads.</summary>
internal sealed class Template
{
    /// <summary>
    /// The placeholders that name text from the case or the plan rather than a catalogued fact: the case's names, the
    /// suggested call slot and the day's calling hours, the follow-up delay, and dates written as a letter writes them
    /// (2025年7月1日 / 1 July 2025). Each renders as a bracketed blank to fill in when its value is not known.
    /// </summary>
    public static readonly ImmutableArray<string> TextPlaceholders =
    [
        "offer.company", "offer.position", "offer.department", "offer.contactPerson", "candidate.name", "candidate.school",
        "call.slot", "call.hours", "plan.followUpDays",
        "dates.today", "dates.declinedOn", "dates.interviewedOn", "dates.firstMissedCallOn",
    ];

    /// <summary>The segments; for a text without placeholders, made at the first read (see <see cref="Segments"/>).</summary>
    private ImmutableArray<Segment> _segments;

    private Template(string source, ImmutableArray<Segment> segments, ImmutableArray<string> placeholders)
    {
        Source = source;
        _segments = segments;
        Placeholders = placeholders;
        IsLiteral = segments.IsDefault || segments.IsEmpty || (segments.Length == 1 && segments[0].Name is null);
    }

    /// <summary>Gets whether the template has no placeholder, so that it renders to the same text for every case.</summary>
    public bool IsLiteral { get; }

    public string Source { get; }

    /// <summary>
    /// Gets the literal runs and placeholders in order. A text without placeholders, most of a rule file's, is one
    /// literal, the source itself; that segment is made the first time it is read and then kept, so that loading makes
    /// none for texts that are never rendered (two threads that race make the same segment; either is kept).
    /// </summary>
    public ImmutableArray<Segment> Segments
    {
        get
        {
            var segments = _segments;
            if (segments.IsDefault)
            {
                segments = Source.Length == 0 ? [] : [new Segment(Source)];
                _segments = segments;
            }

            return segments;
        }
    }

    /// <summary>Gets the distinct placeholder names, sorted.</summary>
    public ImmutableArray<string> Placeholders { get; }

    /// <summary>Parses a template; returns an error message instead of throwing.</summary>
    public static Template? TryParse(string source, int maxPlaceholders, out string? error)
    {
        // Most texts have no placeholder: they are one literal segment, the text itself.
        if (source.AsSpan().IndexOfAny('{', '}') < 0)
        {
            error = null;
            return new Template(source, default, []);
        }

        // A literal is the run of text between placeholders, a substring of the source; the names are kept sorted and
        // distinct in a small array. There are at most as many placeholders as '{', and a literal before each and after the last.
        var braces = source.AsSpan().Count('{');
        var segments = ImmutableArray.CreateBuilder<Segment>((2 * braces) + 1);
        var names = new string[braces];
        var distinct = 0;
        var count = 0;
        var literalStart = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '}')
            {
                error = $"the message has a '}}' at position {i} with no '{{' before it";
                return null;
            }

            if (c != '{')
            {
                // Skip the run of plain text up to the next brace at once.
                var run = source.AsSpan(i).IndexOfAny('{', '}');
                i += (run < 0 ? source.Length - i : run) - 1;
                continue;
            }

            var end = source.IndexOf('}', i + 1);
            if (end < 0)
            {
                error = $"the placeholder that starts at position {i} has no closing '}}'";
                return null;
            }

            var name = source[(i + 1)..end];
            var fact = FactCatalog.TryGet(name, out var definition) ? definition : null;
            if (fact is null && !TextPlaceholders.Contains(name))
            {
                var hint = FactCatalog.Suggest(name) is { } s ? $" Did you mean '{{{s}}}'?" : string.Empty;
                error = $"the placeholder '{{{name}}}' names no catalogued fact.{hint}";
                return null;
            }

            if (++count > maxPlaceholders)
            {
                error = $"the message has more than {maxPlaceholders} placeholders";
                return null;
            }

            if (i > literalStart)
            {
                segments.Add(new Segment(source, literalStart, i - literalStart));
            }

            segments.Add(new Segment(name, fact));
            var at = Array.BinarySearch(names, 0, distinct, name, StringComparer.Ordinal);
            if (at < 0)
            {
                at = ~at;
                Array.Copy(names, at, names, at + 1, distinct - at);
                names[at] = name;
                distinct++;
            }

            i = end;
            literalStart = end + 1;
        }

        if (source.Length > literalStart)
        {
            segments.Add(new Segment(source, literalStart, source.Length - literalStart));
        }

        error = null;
        return new Template(source, segments.DrainToImmutable(), ImmutableArray.Create(names, 0, distinct));
    }

    public override string ToString() => Source;

    /// <summary>A literal run of text, or a placeholder (by name, and by fact when it names one).</summary>
    /// <remarks>
    /// A literal between placeholders is kept as where it is in the template's source, and its string is made the first
    /// time it is rendered and then kept: loading a rule set copies no text it has already read.
    /// </remarks>
    internal sealed class Segment
    {
        private readonly string? _source;
        private readonly int _start;
        private readonly int _length;
        private string? _literal;

        /// <summary>Initializes a literal that is the whole of <paramref name="literal"/>.</summary>
        public Segment(string literal)
            : this(literal, 0, literal.Length)
        {
            _literal = literal;
        }

        /// <summary>Initializes a literal that is <paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
        public Segment(string source, int start, int length)
        {
            _source = source;
            _start = start;
            _length = length;
            Text = -1;
        }

        /// <summary>Initializes a placeholder.</summary>
        public Segment(string name, FactDefinition? fact)
        {
            Name = name;
            Fact = fact;
            Text = fact is not null ? -1 : TextPlaceholders.IndexOf(name);
        }

        /// <summary>Gets the literal text, or <see langword="null"/> for a placeholder.</summary>
        public string? Literal => _literal ?? (_source is null ? null : _literal = _source.Substring(_start, _length));

        /// <summary>Gets the placeholder's name, or <see langword="null"/> for a literal.</summary>
        public string? Name { get; }

        /// <summary>Gets the catalogued fact the placeholder names, if it names one.</summary>
        public FactDefinition? Fact { get; }

        /// <summary>Gets the position of a text placeholder's name in <see cref="TextPlaceholders"/>, found once at load; otherwise -1.</summary>
        public int Text { get; }
    }
}
