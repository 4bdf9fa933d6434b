using System.Text;
using System.Text.Json;
using Json.Schema;
using OfferRules.Analysis;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Analysis;

/// <summary>Rule test files: the shipped one runs green, failures say what differs, and bad files say what and where.</summary>
public sealed class RuleTestSuiteTests
{
    private static string ShippedTests => Path.Combine(AppContext.BaseDirectory, "TestData", "ruletests", "default-policy.tests.json");

    private static string S01 => File.ReadAllText(Path.Combine(Cases.CasesDirectory, "S01-fresh-polite-decline-seats-open.json"));

    private static string Suite(string expect, string? caseJson = null) => $$"""
        { "schemaVersion": 1, "tests": [ { "name": "t", "case": {{caseJson ?? S01}}, "expect": {{expect}} } ] }
        """;

    private static RuleTestResult RunOne(string expect, string? caseJson = null)
    {
        var load = RuleTestSuite.Load(Suite(expect, caseJson));
        Assert.True(load.Success, string.Join("\n", load.Diagnostics));
        return Assert.Single(RuleSetAnalysis.RunTests(RuleSet.Default, load.Value).Results);
    }

    [Fact]
    public void RunTests_ShippedDefaultPolicyTests_AllPass()
    {
        var load = RuleTestSuite.LoadFile(ShippedTests);
        Assert.True(load.Success, string.Join("\n", load.Diagnostics));

        var run = RuleSetAnalysis.RunTests(RuleSet.Default, load.Value);

        Assert.True(run.Success, string.Join("\n", run.Results.SelectMany(r => r.Mismatches.Select(m => $"{r.Name}: {m}"))));
        Assert.Equal(load.Value.Tests.Length, run.Passed);
    }

    [Fact]
    public void ShippedTests_CoverEveryExampleCaseWithItsStatedOutlookAndConfidence()
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, "expected.json")));
        using var tests = JsonDocument.Parse(File.ReadAllBytes(ShippedTests));
        var byFile = tests.RootElement.GetProperty("tests").EnumerateArray()
            .ToDictionary(t => Path.GetFileName(t.GetProperty("caseFile").GetString()!), t => t.GetProperty("expect"));

        foreach (var item in expected.RootElement.EnumerateArray())
        {
            var expect = byFile[item.GetProperty("file").GetString()!];
            Assert.Equal(item.GetProperty("status").GetString(), expect.GetProperty("status").GetString());
            Assert.Equal(item.GetProperty("outlook").GetString(), expect.TryGetProperty("outlook", out var o) ? o.GetString() : null);
            if (item.GetProperty("confidence").GetString() is { } confidence)
            {
                Assert.Equal(confidence, expect.GetProperty("confidence").GetString());
            }
        }

        Assert.Equal(expected.RootElement.GetArrayLength(), byFile.Count);
    }

    [Fact]
    public void ShippedTests_ValidateAgainstTheSchema()
    {
        var registry = new SchemaRegistry();
        registry.Register(JsonSchema.FromFile(Schemas.PathOf("case.schema.json"), new BuildOptions { SchemaRegistry = registry }));
        var schema = JsonSchema.FromFile(Schemas.PathOf("ruletests.schema.json"), new BuildOptions { SchemaRegistry = registry });

        Assert.Empty(Schemas.Errors(schema, File.ReadAllText(ShippedTests)));
        Assert.NotEmpty(Schemas.Errors(schema, Suite("""{ "outlok": "likely" }""")));
        Assert.NotEmpty(Schemas.Errors(schema, Suite("""{}""")));
    }

    [Fact]
    public void RunTests_WrongOutlookAndConfidence_ReportsExpectedAndActual()
    {
        var result = RunOne("""{ "outlook": "possible", "confidence": "low", "status": "evaluated" }""");

        Assert.False(result.Passed);
        Assert.Equal(
            [new RuleTestMismatch("outlook", null, "possible", "likely", "/tests/0/expect/outlook"), new RuleTestMismatch("confidence", null, "low", "high", "/tests/0/expect/confidence")],
            result.Mismatches.AsEnumerable());
    }

    [Fact]
    public void RunTests_RuleExpectations_ReportFiredNotFiredAndUndefined()
    {
        var result = RunOne("""{ "rules": { "fired": ["R-H1", "R-X1", "R-NOPE"], "notFired": ["R-H2", "R-C1"] } }""");

        Assert.Equal(
            [
                new RuleTestMismatch("rules.fired", "R-X1", "fired", "notFired", "/tests/0/expect/rules/fired/1"),
                new RuleTestMismatch("rules.fired", "R-NOPE", "fired", "undefined", "/tests/0/expect/rules/fired/2"),
                new RuleTestMismatch("rules.notFired", "R-H2", "notFired", "fired", "/tests/0/expect/rules/notFired/0"),
            ],
            result.Mismatches.AsEnumerable());
    }

    [Fact]
    public void RunTests_ConditionAndPresenceExpectations_ReportEachMiss()
    {
        var result = RunOne("""
            { "conditions": { "seatsStillOpen": "notMet", "neededTalent": "met", "noSuchCondition": "met" },
              "failureReasons": { "seatsAlreadyFilled": "notMet" },
              "actions": { "present": ["A-16"], "absent": ["A-01", "A-TYPO"] },
              "issues": { "absent": ["V-01"] } }
            """);

        Assert.Equal(
            [("conditions", "seatsStillOpen", "notMet", "met"), ("conditions", "noSuchCondition", "met", "undefined"), ("actions.present", "A-16", "present", "absent"), ("actions.absent", "A-01", "absent", "present"), ("actions.absent", "A-TYPO", "absent", "undefined")],
            result.Mismatches.Select(m => (m.Field, m.Id!, m.Expected, m.Actual)));
    }

    [Fact]
    public void RunTests_InvalidCase_CanBeExpected()
    {
        var result = RunOne("""{ "status": "invalid", "outlook": null, "issues": { "present": ["case.unknownProperty"] } }""", """{ "decline": { "chanel": "phone" } }""");

        Assert.True(result.Passed, string.Join("\n", result.Mismatches));
        Assert.Equal(EvaluationStatus.Invalid, result.Result.Status);
    }

    [Fact]
    public void RunResult_ToJson_CarriesTheMismatches()
    {
        var load = RuleTestSuite.Load(Suite("""{ "outlook": "possible" }"""));
        var run = RuleSetAnalysis.RunTests(RuleSet.Default, load.Value!);

        using var json = JsonDocument.Parse(run.ToJson());
        var root = json.RootElement;
        Assert.Equal((0, 1), (root.GetProperty("passed").GetInt32(), root.GetProperty("failed").GetInt32()));
        Assert.Equal(RuleSet.Default.ContentHash, root.GetProperty("ruleSet").GetProperty("hash").GetString());
        var test = root.GetProperty("tests")[0];
        Assert.Equal(("t", 1, "likely"), (test.GetProperty("name").GetString(), test.GetProperty("line").GetInt32(), test.GetProperty("outlook").GetString()));
        var mismatch = test.GetProperty("mismatches")[0];
        Assert.Equal(("outlook", "possible", "likely"), (mismatch.GetProperty("field").GetString(), mismatch.GetProperty("expected").GetString(), mismatch.GetProperty("actual").GetString()));
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "tests": [ { "name": "t", "case": {}, "expect": { "outlok": "likely" } } ] }""", "tests.unknownProperty", "/tests/0/expect/outlok", "Did you mean 'outlook'?")]
    [InlineData("""{ "schemaVersion": 1, "tests": [ { "name": "t", "case": {}, "expect": {} } ] }""", "tests.emptyExpectation", "/tests/0/expect", "states nothing")]
    [InlineData("""{ "schemaVersion": 1, "tests": [ { "name": "t", "expect": { "outlook": "likely" } } ] }""", "tests.case", "/tests/0", "exactly one of 'case'")]
    [InlineData("""{ "schemaVersion": 1, "tests": [ { "name": "t", "caseFile": "x.json", "expect": { "outlook": "likely" } } ] }""", "tests.caseFile", "/tests/0/caseFile", "read from text")]
    [InlineData("""{ "schemaVersion": 1, "tests": [ { "name": "t", "case": {}, "expect": { "outlook": "great" } } ] }""", "tests.invalidValue", "/tests/0/expect/outlook", "Use one of: veryUnlikely")]
    [InlineData("""{ "schemaVersion": 1, "tests": [ { "name": "t", "case": {}, "expect": { "conditions": { "seatsStillOpen": "yes" } } } ] }""", "tests.invalidValue", "/tests/0/expect/conditions/seatsStillOpen", "met, notMet, unknown")]
    [InlineData("""{ "schemaVersion": 1, "tests": [ { "name": "t", "case": {}, "expect": { "rules": { "fired": "R-H1" } } } ] }""", "tests.wrongType", "/tests/0/expect/rules/fired", "an array of ids")]
    [InlineData("""{ "schemaVersion": 2, "tests": [] }""", "tests.schemaVersion", "/schemaVersion", "schemaVersion 1")]
    [InlineData("""{ "schemaVersion": 1 }""", "tests.missingProperty", "", "'tests'")]
    [InlineData("""{ "schemaVersion": 1, "tests": [ """, "tests.malformedJson", "", "not valid JSON")]
    public void Load_BadTestFile_SaysWhatAndWhere(string json, string code, string path, string words)
    {
        var load = RuleTestSuite.Load(json);

        Assert.False(load.Success);
        var problem = Assert.Single(load.Diagnostics);
        Assert.Equal((code, path), (problem.Code, problem.Path));
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("。", problem.MessageJa.TrimEnd('」', '？').TrimEnd() + "。", StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void Load_DuplicateNames_AreAnError()
    {
        var load = RuleTestSuite.Load("""
            { "schemaVersion": 1, "tests": [
              { "name": "same", "case": {}, "expect": { "status": "evaluated" } },
              { "name": "same", "case": {}, "expect": { "status": "evaluated" } } ] }
            """);

        var problem = Assert.Single(load.Diagnostics);
        Assert.Equal(("tests.duplicateName", "/tests/1/name", 3), (problem.Code, problem.Path, problem.Line));
        Assert.Contains("「same」", problem.MessageJa, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingCaseFile_NamesIt()
    {
        var directory = Directory.CreateTempSubdirectory("ruletests-");
        try
        {
            var path = Path.Combine(directory.FullName, "t.tests.json");
            File.WriteAllText(path, """{ "schemaVersion": 1, "tests": [ { "name": "t", "caseFile": "missing.json", "expect": { "status": "evaluated" } } ] }""", Encoding.UTF8);

            var load = RuleTestSuite.LoadFile(path);

            var problem = Assert.Single(load.Diagnostics);
            Assert.Equal(("tests.caseFile", "/tests/0/caseFile"), (problem.Code, problem.Path));
            Assert.Contains("missing.json", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadFile_MissingTestFile_IsAProblemNotAnException()
    {
        var load = RuleTestSuite.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid() + ".json"));

        Assert.Equal("file.unreadable", Assert.Single(load.Diagnostics).Code);
    }
}
