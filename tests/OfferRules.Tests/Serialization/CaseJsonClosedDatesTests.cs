using System.Collections.Immutable;
using FsCheck.Xunit;
using OfferRules.Domain;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary><c>company.closedDates</c>: a list of the company's own closed days, read strictly and written back unchanged.</summary>
public sealed class CaseJsonClosedDatesTests
{
    [Fact]
    public void Read_ClosedDates_AreReadSortedWithoutRepeats()
    {
        var result = CaseJson.Read("""{ "company": { "closedDates": ["2027-01-04", "2026-12-28", "2027-01-04"] } }""");

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        Assert.Equal(new DateOnly[] { new(2026, 12, 28), new(2027, 1, 4) }, result.Value.Company.ClosedDates);
    }

    [Theory]
    [InlineData("""{ "company": { "closedDates": [] } }""")]
    [InlineData("""{ "company": { "closedDates": null } }""")]
    [InlineData("""{ "company": { "closedDates": "unknown" } }""")]
    [InlineData("""{ "company": {} }""")]
    public void Read_NoClosedDates_IsEmptyAndUnknownCompany(string json)
    {
        var result = CaseJson.Read(json);

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        Assert.Empty(result.Value.Company.ClosedDates);
        Assert.False(result.Value.Company.ClosedDates.IsDefault);
        Assert.Equal(CompanyContext.Unknown, result.Value.Company);
    }

    [Theory]
    [InlineData("""["2026-12-28", "2026/12/29", "2027-01-04"]""", "case.invalidDate", "$.company.closedDates[1]")]
    [InlineData("""["2026-12-28", "2027-01-04", 20270105]""", "case.invalidDate", "$.company.closedDates[2]")]
    [InlineData("""[null]""", "case.invalidDate", "$.company.closedDates[0]")]
    [InlineData("""["unknown"]""", "case.invalidDate", "$.company.closedDates[0]")]
    [InlineData("""[["2026-12-28"]]""", "case.invalidDate", "$.company.closedDates[0]")]
    [InlineData("""["2026-02-30"]""", "case.invalidDate", "$.company.closedDates[0]")]
    [InlineData("""["2026-12-28T00:00:00+09:00"]""", "case.invalidDate", "$.company.closedDates[0]")]
    [InlineData("""["1899-12-31"]""", "case.invalidDate", "$.company.closedDates[0]")]
    [InlineData("""["3000-01-01"]""", "case.invalidDate", "$.company.closedDates[0]")]
    [InlineData("\"2026-12-28\"", "case.wrongType", "$.company.closedDates")]
    [InlineData("""{ "date": "2026-12-28" }""", "case.wrongType", "$.company.closedDates")]
    [InlineData("true", "case.wrongType", "$.company.closedDates")]
    public void Read_BadClosedDates_IsInvalidWithPath(string dates, string code, string path)
    {
        var result = CaseJson.Read($$"""{ "company": { "closedDates": {{dates}} } }""");

        Assert.False(result.Success);
        var issue = Assert.Single(result.Diagnostics);
        Assert.Equal((code, path), (issue.Code, issue.Path));
    }

    [Fact]
    public void Read_SeveralBadClosedDates_ReportsEachWithItsPath()
    {
        var result = CaseJson.Read("""{ "company": { "closedDates": ["x", "2026-12-28", 3, "2026-13-01"] } }""");

        Assert.False(result.Success);
        Assert.Equal(["$.company.closedDates[0]", "$.company.closedDates[2]", "$.company.closedDates[3]"], result.Diagnostics.Select(i => i.Path));
    }

    [Fact]
    public void Read_BadClosedDate_Japanese_SpeaksJapanese()
    {
        var english = CaseJson.Read("""{ "company": { "closedDates": ["next friday"] } }""");
        var japanese = CaseJson.Read("""{ "company": { "closedDates": ["next friday"] } }""", "ja");

        Assert.Contains("yyyy-MM-dd", english.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("日付", japanese.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("指定値：", japanese.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThousandClosedDates_IsAccepted()
    {
        var result = CaseJson.Read(Json(1000));

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        Assert.Equal(1000, result.Value.Company.ClosedDates.Length);
    }

    [Fact]
    public void Read_MoreThanThousandClosedDates_IsTooLongWithOneIssue()
    {
        var english = CaseJson.Read(Json(1001));
        var japanese = CaseJson.Read(Json(1001), "ja");

        Assert.False(english.Success);
        var issue = Assert.Single(english.Diagnostics);
        Assert.Equal(("case.tooLong", "$.company.closedDates"), (issue.Code, issue.Path));
        Assert.Contains("1000", issue.Message, StringComparison.Ordinal);
        Assert.Contains("上限", Assert.Single(japanese.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_ClosedDates_WritesThemAsDateStrings()
    {
        var @case = new OfferCase { Company = new CompanyContext { ClosedDates = [new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 28)] } };

        var json = CaseJson.ToJson(@case);

        Assert.Contains("\"company\":{\"closedDates\":[\"2026-12-28\",\"2027-01-04\"]}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NoClosedDates_LeavesThemOut()
    {
        var json = CaseJson.ToJson(new OfferCase { Company = new CompanyContext { SeatStatus = SeatStatus.Open } });

        Assert.DoesNotContain("closedDates", json, StringComparison.Ordinal);
    }

    [Property(MaxTest = 1000)]
    public bool ToJson_ThenRead_GivesAnEqualCase(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(4) == 0 ? 0 : random.Next(1, 60);
        var dates = Enumerable.Range(0, count).Select(_ => new DateOnly(1900, 1, 1).AddDays(random.Next(400_000))).ToImmutableArray();
        var @case = new OfferCase
        {
            Company = new CompanyContext
            {
                SeatStatus = random.Next(2) == 0 ? SeatStatus.Open : SeatStatus.Unknown,
                ClosedDates = dates,
            },
        };

        var read = CaseJson.Read(CaseJson.ToJson(@case));

        return read.Success && read.Value == @case && read.Value.Company.ClosedDates.SequenceEqual(dates.Distinct().Order());
    }

    private static string Json(int count) =>
        "{ \"company\": { \"closedDates\": [" + string.Join(", ", Enumerable.Range(0, count).Select(i => $"\"{new DateOnly(2026, 1, 1).AddDays(i):yyyy-MM-dd}\"")) + "] } }";
}
