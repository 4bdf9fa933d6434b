using System.Text;
using System.Text.Json;
using OfferRules.Analysis;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Analysis;

/// <summary>Coverage over a stream of cases: counts per item, never-true items first, the rules the example cases never reach.</summary>
public sealed class CoverageTests
{
    private static readonly FixedTimeProvider s_clock = new(Cases.AsOf);

    /// <summary>Every public example case as one JSON line each.</summary>
    private static string[] ExampleLines() =>
        [.. Directory.GetFiles(Cases.CasesDirectory, "S*.json").Order(StringComparer.Ordinal).Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetRawText().ReplaceLineEndings(" "))];

    private static MemoryStream Stream(IEnumerable<string> lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    [Fact]
    public void Coverage_ExampleCases_ListsTheRulesTheyNeverReach()
    {
        var lines = ExampleLines();

        var report = RuleSetAnalysis.Coverage(RuleSet.Default, Stream(lines), s_clock);

        // The oracle is the public explanation: a rule is reached when some example's findings name it.
        var evaluator = new OfferEvaluator(RuleSet.Default, s_clock);
        var results = lines.Select(l => evaluator.EvaluateJson(Encoding.UTF8.GetBytes(l))).Where(r => r.Status == EvaluationStatus.Evaluated).ToList();
        var expected = RuleSet.Default.Kinds
            .SelectMany(kind => RuleSet.Default.GetRuleIds(kind)
                .Where(id => !results.Any(r => r.Kind == kind && r.Findings.Any(f => f.RuleId == id)))
                .Select(id => (kind, id)))
            .ToHashSet();
        var neverTrue = report.NeverTrue.Where(i => i.Kind == CoverageItemKind.Rule).Select(i => (i.CaseKind, i.Id)).ToHashSet();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, neverTrue);
        Assert.Equal((results.Count, 1L, 0L), ((int)report.Cases, report.InvalidCases, report.UnreadableLines));
    }

    [Fact]
    public void Coverage_ExampleCases_CountsAddUpAndNeverTrueComeFirst()
    {
        var report = RuleSetAnalysis.Coverage(RuleSet.Default, Stream(ExampleLines()), s_clock);

        var perKind = ExampleLines().Select(l => CaseJson.Read(l).GetValueOrThrow())
            .Where(c => new OfferEvaluator(RuleSet.Default, s_clock).Decide(c).Status == EvaluationStatus.Evaluated)
            .GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.All(report.Items, i => Assert.Equal(perKind[i.CaseKind], i.True + i.False + i.Unknown + i.NotReached));
        Assert.Equal(report.Items.Length, RuleSet.Default.Plan.Policies.Sum(p => p.Rules.Length + p.Conditions.Length + p.Actions.Length + p.Caveats.Length + p.Fallbacks.Length + p.Drafts.Length + p.Drafts.Sum(d => d.Parts.Length)));
        var firstTrue = report.Items.ToList().FindIndex(i => i.True > 0);
        Assert.True(firstTrue > 0);
        Assert.All(report.Items.Skip(firstTrue), i => Assert.True(i.True > 0));
        Assert.Equal(report.Items.Take(firstTrue), report.NeverTrue);
    }

    [Fact]
    public void Coverage_RulesAfterATerminalRule_AreNotReached()
    {
        var refused = File.ReadAllText(Path.Combine(Cases.CasesDirectory, "S18-already-refused.json"));

        var report = RuleSetAnalysis.Coverage(RuleSet.Default, [CaseJson.Read(refused).GetValueOrThrow()], s_clock);

        var rule = (string id) => report.Items.Single(i => i.Kind == CoverageItemKind.Rule && i.CaseKind == CaseKind.DeclineWithdrawal && i.Id == id);
        Assert.Equal(1, rule("R-T1").True);
        Assert.Equal(1, rule("R-B0").NotReached);
        Assert.Equal(0, rule("R-B0").True);
        Assert.All(report.Items.Where(i => i.Kind == CoverageItemKind.DraftPart && i.CaseKind == CaseKind.DeclineWithdrawal), p =>
        {
            var draft = report.Items.Single(d => d.Kind == CoverageItemKind.Draft && d.CaseKind == p.CaseKind && d.Id == p.Id);
            Assert.Equal(draft.True == 0 ? 1 : 0, p.NotReached);
        });
    }

    [Fact]
    public void Coverage_BlankAndBadLines_AreSkippedAndCounted()
    {
        var lines = new[] { ExampleLines()[0], "   ", "{ not json", "{ \"decline\": { \"chanel\": \"phone\" } }", ExampleLines()[1] };

        var report = RuleSetAnalysis.Coverage(RuleSet.Default, Stream(lines), s_clock);

        Assert.Equal((2L, 0L, 2L), (report.Cases, report.InvalidCases, report.UnreadableLines));
    }

    [Fact]
    public void Coverage_StreamAndSequence_GiveTheSameReport()
    {
        var lines = ExampleLines();

        var fromStream = RuleSetAnalysis.Coverage(RuleSet.Default, Stream(lines), s_clock);
        var fromCases = RuleSetAnalysis.Coverage(RuleSet.Default, lines.Select(l => CaseJson.Read(l).GetValueOrThrow()), s_clock);

        Assert.Equal(fromStream.ToJson(), fromCases.ToJson());
    }

    [Fact]
    public void CoverageReport_ToJson_HasTheDocumentedShape()
    {
        var report = RuleSetAnalysis.Coverage(RuleSet.Default, Stream(ExampleLines()), s_clock);

        using var json = JsonDocument.Parse(report.ToJson(indented: true));
        var root = json.RootElement;
        Assert.Equal(RuleSet.Default.Id, root.GetProperty("ruleSet").GetProperty("id").GetString());
        Assert.Equal(report.Cases, root.GetProperty("cases").GetInt64());
        Assert.Equal(report.NeverTrue.Length, root.GetProperty("neverTrue").GetInt32());
        var first = root.GetProperty("items")[0];
        var item = report.Items[0];
        Assert.Equal(
            (JsonNamesOf(item.Kind), item.Id, item.Path, item.True, item.False, item.Unknown, item.NotReached),
            (first.GetProperty("kind").GetString()!, first.GetProperty("id").GetString()!, first.GetProperty("path").GetString()!, first.GetProperty("true").GetInt64(),
             first.GetProperty("false").GetInt64(), first.GetProperty("unknown").GetInt64(), first.GetProperty("notReached").GetInt64()));
        Assert.Contains(root.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "draftPart" && i.TryGetProperty("part", out _));
    }

    [Fact]
    public void CoverageCollector_AddJsonAndUnreadable_CountAsTheyGo()
    {
        var collector = new CoverageCollector(RuleSet.Default, s_clock);

        Assert.True(collector.AddJson(Encoding.UTF8.GetBytes(ExampleLines()[0])));
        Assert.False(collector.AddJson("[]"u8));
        collector.AddUnreadableLine();

        Assert.Equal((1L, 2L), (collector.Cases, collector.UnreadableLines));
        Assert.Equal(1, collector.ToReport().Cases);
    }

    private static string JsonNamesOf(CoverageItemKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
}
