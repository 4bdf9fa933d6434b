using System.Text;
using OfferRules.Analysis;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Analysis;

/// <summary>The README's "Checking rule files" snippet is this file's <see cref="Review"/>, compiled and run here.</summary>
public sealed class ReadmeSnippetTests
{
    // readme:begin
    private static bool Review(string rulesPath, string testsPath, string casesPath, TextWriter output)
    {
        // check: the load errors (pointer, line, column, "did you mean") and the lint warnings, in English or Japanese
        var check = RuleSetAnalysis.CheckFile(rulesPath);
        foreach (var error in check.Errors)
        {
            output.WriteLine(error);
        }

        foreach (var warning in check.Warnings)
        {
            output.WriteLine(warning.ToString("ja"));
        }

        if (!check.Success)
        {
            return false;
        }

        // test: named cases with expectations on outlook, confidence, rules, conditions and actions
        var suite = RuleTestSuite.LoadFile(testsPath);
        if (!suite.TryGetValue(out var tests))
        {
            suite.Diagnostics.ToList().ForEach(output.WriteLine);
            return false;
        }

        var run = RuleSetAnalysis.RunTests(check.RuleSet, tests);
        foreach (var mismatch in run.Results.SelectMany(r => r.Mismatches))
        {
            output.WriteLine($"{mismatch.Path}: expected {mismatch.Expected}, got {mismatch.Actual}");
        }

        // diff: what the new rules do to last month's cases (JSON Lines), streamed in bounded memory
        using (var cases = File.OpenRead(casesPath))
        {
            var impact = RuleSetAnalysis.Diff(RuleSet.Default, check.RuleSet, cases);
            foreach (var move in impact.Transitions.Where(t => t.Changed > 0))
            {
                var rules = string.Join(", ", move.Rules.Select(r => r.RuleId));
                output.WriteLine($"{move.From} -> {move.To}: {move.Changed} cases ({rules}), e.g. line {move.Examples[0].LineNumber}");
            }
        }

        // fmt --check: is the file in the canonical layout?
        return run.Success && RuleSetAnalysis.IsFormatted(File.ReadAllBytes(rulesPath));
    }
    // readme:end

    [Fact]
    public void Review_DefaultPolicyCopyWithFiveDays_RunsAndReportsTheMove()
    {
        var directory = Directory.CreateTempSubdirectory("readme-");
        try
        {
            var rules = Path.Combine(directory.FullName, "rules.json");
            var formatted = RuleSetAnalysis.Format(RuleSetJson.DefaultPolicyJson.Replace("\"withinWeekMaxDays\": 7", "\"withinWeekMaxDays\": 5", StringComparison.Ordinal)).Text!;
            File.WriteAllText(rules, formatted, new UTF8Encoding(false));
            var cases = Path.Combine(directory.FullName, "cases.jsonl");
            File.WriteAllLines(cases, Enumerable.Range(0, 10).Select(d => CaseJson.ToJson(Cases.Good(d))));
            var tests = Path.Combine(AppContext.BaseDirectory, "TestData", "ruletests", "default-policy.tests.json");
            var output = new StringWriter();

            var ok = Review(rules, tests, cases, output);

            // S05 (seven days, Possible) becomes Unlikely with the line at five days, so the test file fails on it.
            Assert.False(ok);
            var text = output.ToString();
            Assert.Contains("Likely -> Possible: 2 cases (R-X1", text, StringComparison.Ordinal);
            Assert.Contains("S05", File.ReadAllText(tests), StringComparison.Ordinal);
            Assert.Contains("/tests/3/expect/outlook: expected possible, got unlikely", text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Readme_CheckingRuleFilesSnippet_IsReview()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "OfferRules.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("No repository root.");
        }

        var source = File.ReadAllText(Path.Combine(root, "tests", "OfferRules.Tests", "Analysis", "ReadmeSnippetTests.cs")).ReplaceLineEndings("\n");
        var begin = source.IndexOf("// readme:begin\n", StringComparison.Ordinal) + "// readme:begin\n".Length;
        var end = source.IndexOf("    // readme:end", StringComparison.Ordinal);
        var snippet = string.Join("\n", source[begin..end].TrimEnd('\n').Split('\n').Select(l => l.Length >= 4 ? l[4..] : l)) + "\n";
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");

        Assert.Contains("<!-- analysis:begin -->\n```csharp\n" + snippet + "```\n<!-- analysis:end -->", readme, StringComparison.Ordinal);
    }
}
