using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary><see cref="CaseReadResult"/> has the shape of <see cref="RuleSetLoadResult"/>; <see cref="ValidationIssue"/> prints one line.</summary>
public sealed class CaseReadResultTests
{
    private const string BadCase = """{ "decline": { "channel": "fax" }, "offer": { "company": 1 } }""";

    [Fact]
    public void TryGetValue_ReadableCase_GivesTheCaseAndNoDiagnostics()
    {
        var result = CaseJson.Read("""{ "decline": { "declinedOn": "2025-07-01" } }""");

        Assert.True(result.TryGetValue(out var offerCase));
        Assert.Equal(new DateOnly(2025, 7, 1), offerCase.Decline.DeclinedOn);
        Assert.Same(offerCase, result.GetValueOrThrow());
        Assert.Same(result.Value, offerCase);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void TryGetValue_BadCase_IsFalseAndDiagnosticsAreTheIssues()
    {
        var result = CaseJson.Read(BadCase);

        Assert.False(result.TryGetValue(out var offerCase));
        Assert.Null(offerCase);
        Assert.Equal(["$.decline.channel", "$.offer.company"], result.Diagnostics.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.Equal(result.Diagnostics, result.Diagnostics);
    }

    [Fact]
    public void GetValueOrThrow_BadCase_ThrowsListingEveryIssue()
    {
        var result = CaseJson.Read(BadCase);

        var ex = Assert.Throws<CaseReadException>(result.GetValueOrThrow);

        Assert.Equal(result.Diagnostics, ex.Diagnostics);
        Assert.StartsWith("The case could not be read (2 problems):", ex.Message, StringComparison.Ordinal);
        Assert.Contains("- error case.invalidValue at $.decline.channel: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("- error case.wrongType at $.offer.company: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseReadException_OneIssue_SaysProblemInTheSingular()
    {
        var ex = new CaseReadException([new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", "Too large.")]);

        Assert.Equal("The case could not be read (1 problem):" + Environment.NewLine + "- error case.tooLarge at $: Too large.", ex.Message);
    }

    [Fact]
    public void ToString_Issue_IsOneReadableLine()
    {
        var issue = new ValidationIssue(IssueSeverity.Warning, "W-08", "$.request.plannedContactAt", "The planned contact is late.");

        Assert.Equal("warning W-08 at $.request.plannedContactAt: The planned contact is late.", issue.ToString());
    }

    [Fact]
    public void ToString_MessageWithLineBreakFromAFile_StaysOnOneLine()
    {
        var issue = new ValidationIssue(IssueSeverity.Error, "case.unknownProperty", "$['a\nb']", "Unknown property 'a\nb'.");

        var line = issue.ToString();

        Assert.DoesNotContain('\n', line);
        Assert.Equal("error case.unknownProperty at $['a\\u000Ab']: Unknown property 'a\\u000Ab'.", line);
    }
}
