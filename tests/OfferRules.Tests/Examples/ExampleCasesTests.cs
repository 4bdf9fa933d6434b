using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Examples;

/// <summary>Every public example case, evaluated through the public API, gives the result its expected.json names.</summary>
public sealed class ExampleCasesTests
{
    public static TheoryData<string, string, string?, string?> Expected()
    {
        var data = new TheoryData<string, string, string?, string?>();
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, "expected.json")));
        foreach (var item in document.RootElement.EnumerateArray())
        {
            data.Add(
                item.GetProperty("file").GetString()!,
                item.GetProperty("status").GetString()!,
                item.GetProperty("outlook").GetString(),
                item.GetProperty("confidence").GetString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void EvaluateJson_ExampleCase_MatchesExpected(string file, string status, string? outlook, string? confidence)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, file));

        var result = OfferEvaluator.Default.EvaluateJson(bytes);

        using var json = JsonDocument.Parse(EvaluationJson.ToJson(result, file));
        var root = json.RootElement;
        Assert.Equal(status, root.GetProperty("status").GetString());
        Assert.Equal(outlook, root.GetProperty("outlook").GetString());
        if (confidence is not null)
        {
            Assert.Equal(confidence, root.GetProperty("confidence").GetString());
        }
    }

    [Fact]
    public void Expected_CoversEveryExampleFile()
    {
        var listed = Expected().Select(row => (string)row[0]).ToHashSet();
        var files = Directory.GetFiles(Cases.CasesDirectory, "S*.json").Select(f => Path.GetFileName(f)!).ToHashSet();

        Assert.Equal(files, listed);
    }

    [Fact]
    public void EvaluateJson_DeclinedBeforeOffer_ReportsV01OnTheDeclineDate()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, "S25-declined-before-offer.json"));

        var result = OfferEvaluator.Default.EvaluateJson(bytes);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("V-01", "$.decline.declinedOn", IssueSeverity.Error), (issue.Code, issue.Path, issue.Severity));
        Assert.Equal("The decline (2025-07-05) is dated before the offer (2025-07-10): there was nothing to decline yet.", issue.Message);
    }

    [Fact]
    public void EvaluateJson_EightDaysLater_ExplainsTheLateCaps()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, "S04-eight-days-later.json"));

        var result = OfferEvaluator.Default.EvaluateJson(bytes);

        Assert.Equal(["R-B0", "R-H4", "R-X1", "R-C5", "R-C6", "I-02"], result.Findings.Select(f => f.RuleId));
        Assert.Equal("You declined 8 days ago, more than a week: the company has probably moved on.", result.Findings.Single(f => f.RuleId == "R-X1").Message);
        Assert.Contains(result.MissingFacts, m => m.Fact == "company.seatStatus" && m.CouldRaiseTo == Outlook.Possible);
    }
}
