using System.Collections.Immutable;
using System.Text;
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

    private Template(string source, ImmutableArray<Segment> segments, ImmutableArray<string> placeholders)
    {
        Source = source;
        Segments = segments;
        Placeholders = placeholders;
        IsLiteral = segments.IsEmpty || (segments.Length == 1 && segments[0].Literal is not null);
    }

    /// <summary>Gets whether the template has no placeholder, so that it renders to the same text for every case.</summary>
    public bool IsLiteral { get; }

    public string Source { get; }

    public ImmutableArray<Segment> Segments { get; }

    /// <summary>Gets the distinct placeholder names, sorted.</summary>
    public ImmutableArray<string> Placeholders { get; }

    /// <summary>Parses a template; returns an error message instead of throwing.</summary>
    public static Template? TryParse(string source, int maxPlaceholders, out string? error)
    {
        // Most texts have no placeholder: they are one literal segment, the text itself.
        if (source.AsSpan().IndexOfAny('{', '}') < 0)
        {
            error = null;
            return new Template(source, source.Length == 0 ? [] : [new Segment(source, null, null)], []);
        }

        var segments = ImmutableArray.CreateBuilder<Segment>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var count = 0;
        var literal = new StringBuilder();
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
                // Copy the run of plain text up to the next brace at once.
                var run = source.AsSpan(i).IndexOfAny('{', '}');
                var length = run < 0 ? source.Length - i : run;
                literal.Append(source.AsSpan(i, length));
                i += length - 1;
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

            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), null, null));
                literal.Clear();
            }

            segments.Add(new Segment(null, name, fact));
            names.Add(name);
            i = end;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), null, null));
        }

        error = null;
        return new Template(source, segments.ToImmutable(), [.. names]);
    }

    public override string ToString() => Source;

    /// <summary>A literal run of text, or a placeholder (by name, and by fact when it names one).</summary>
    internal sealed record Segment(string? Literal, string? Name, FactDefinition? Fact)
    {
        /// <summary>Gets the position of a text placeholder's name in <see cref="TextPlaceholders"/>, found once at load; otherwise -1.</summary>
        public int Text { get; } = Name is null || Fact is not null ? -1 : TextPlaceholders.IndexOf(Name);
    }
}
