using FsCheck.Xunit;
using OfferRules.Rules;

namespace OfferRules.Tests.Rules;

/// <summary>Message templates split into literal text and placeholders, and rebuild to exactly their source.</summary>
public sealed class TemplateTests
{
    private static readonly string[] s_pieces = ["You declined ", "{daysSinceDecline}", " days ago", "{offer.company}", "。", "{", "}", "{nope}", "a", " ", "{candidate.name}", "{timingBand}"];

    [Theory]
    [InlineData("")]
    [InlineData("Plain text, no placeholders.")]
    [InlineData("辞退から日が経っています。")]
    public void TryParse_TextWithoutPlaceholders_IsAtMostOneLiteralSegment(string text)
    {
        var template = Template.TryParse(text, 16, out var error);

        Assert.Null(error);
        Assert.NotNull(template);
        Assert.Empty(template.Placeholders);
        Assert.Equal(text, string.Concat(template.Segments.Select(s => s.Literal)));
        Assert.Equal(text.Length == 0 ? 0 : 1, template.Segments.Length);
    }

    [Theory]
    [InlineData("a } b", "'}' at position 2")]
    [InlineData("a { b", "no closing")]
    [InlineData("{nope}", "names no catalogued fact")]
    public void TryParse_BadBraces_SaysWhy(string text, string expected)
    {
        Assert.Null(Template.TryParse(text, 16, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Property(MaxTest = 2000)]
    public bool TryParse_AnyMixOfTextAndPlaceholders_RebuildsItsSourceOrFails(int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => s_pieces[random.Next(s_pieces.Length)]));

        var template = Template.TryParse(text, 16, out var error);

        if (template is null)
        {
            return error is not null && (text.Contains('{', StringComparison.Ordinal) || text.Contains('}', StringComparison.Ordinal));
        }

        var rebuilt = string.Concat(template.Segments.Select(s => s.Literal ?? "{" + s.Name + "}"));
        var adjacentLiterals = template.Segments.Zip(template.Segments.Skip(1)).Any(p => p.First.Literal is not null && p.Second.Literal is not null);
        return rebuilt == text && !adjacentLiterals && template.Segments.All(s => s.Literal is null || s.Literal.Length > 0)
            && template.Placeholders.SequenceEqual(template.Segments.Where(s => s.Name is not null).Select(s => s.Name!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Literal_SegmentBetweenPlaceholders_IsItsPieceOfTheSourceAndTheSameStringEachTime()
    {
        var template = Template.TryParse("Call {offer.company} in {daysSinceDecline} days.", 16, out _)!;

        var literals = template.Segments.Where(s => s.Name is null).ToList();

        Assert.Equal(["Call ", " in ", " days."], literals.Select(s => s.Literal));
        Assert.All(literals, s => Assert.Same(s.Literal, s.Literal));
        Assert.All(template.Segments.Where(s => s.Name is not null), s => Assert.Null(s.Literal));
    }

    [Fact]
    public void Literal_TextWithoutPlaceholders_IsTheSourceStringItself()
    {
        const string text = "辞退から日が経っています。";

        var template = Template.TryParse(text, 16, out _)!;

        Assert.Same(text, template.Segments[0].Literal);
    }

    [Fact]
    public void Segments_TextWithoutPlaceholders_AreMadeOnceAndKept()
    {
        var template = Template.TryParse("Plain text, no placeholders.", 16, out _)!;

        var first = template.Segments;
        var second = template.Segments;

        Assert.Same(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(first), System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(second));
        Assert.Same(template.Source, Assert.Single(first).Literal);
    }
}
