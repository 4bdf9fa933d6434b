using System.Text.Json;
using System.Text.Json.Nodes;
using OfferRules.Evaluation;
using OfferRules.Facts;
using OfferRules.Serialization;
using OfferRules.Tests.Properties;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Schema;

/// <summary><c>schema/evaluation.schema.json</c> describes what <see cref="EvaluationJson"/> writes, for every kind of result.</summary>
public sealed class EvaluationSchemaTests
{
    private const int GeneratedCases = 200;

    public static TheoryData<string, string> ExampleFilesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Cases.CasesDirectory, "S*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal))
        {
            data.Add(file, "en");
            data.Add(file, "ja");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFilesAndLanguages))]
    public void EvaluationSchema_ExampleCaseResult_IsValid(string file, string language)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, file));
        var result = OfferEvaluator.Default.EvaluateJson(bytes, new EvaluationOptions { Language = language });

        var errors = Schemas.Errors(Schemas.Evaluation, EvaluationJson.ToJson(result, "samples/cases/" + file));

        Assert.Empty(errors);
    }

    [Fact]
    public void EvaluationSchema_GeneratedCaseResults_AreValid()
    {
        var failures = new List<string>();
        var statuses = new HashSet<EvaluationStatus>();
        for (var seed = 0; seed < GeneratedCases; seed++)
        {
            var @case = EvaluationProperties.RandomCase(new Random(seed));
            var language = seed % 2 == 0 ? "en" : "ja";
            var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = language });
            statuses.Add(result.Status);

            var errors = Schemas.Errors(Schemas.Evaluation, EvaluationJson.ToJson(result, indented: seed % 3 == 0));

            if (errors.Count > 0)
            {
                failures.Add($"seed {seed} ({language}): {string.Join("; ", errors.Take(5))}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal([EvaluationStatus.Evaluated, EvaluationStatus.Invalid], statuses.Order());
    }

    [Theory]
    [InlineData("{ \"decline\": ")]
    [InlineData("""{ "decline": { "channel": "fax" }, "offer": { "company": 1 }, "extra": true }""")]
    [InlineData("[]")]
    [InlineData("\"\\uD800\"")]
    public void EvaluationSchema_ResultOfUnreadableCase_IsValid(string json)
    {
        var result = OfferEvaluator.Default.EvaluateJson(System.Text.Encoding.UTF8.GetBytes(json), new EvaluationOptions { Language = "ja" });

        Assert.Equal(EvaluationStatus.Invalid, result.Status);
        Assert.Empty(Schemas.Errors(Schemas.Evaluation, EvaluationJson.ToJson(result)));
    }

    [Fact]
    public void EvaluationSchema_CreateInvalidResult_IsValid()
    {
        var result = OfferEvaluator.Default.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "file.unreadable", "$", "The file could not be read.")]);

        Assert.Empty(Schemas.Errors(Schemas.Evaluation, EvaluationJson.ToJson(result, "missing.json")));
    }

    [Fact]
    public void EvaluationSchema_ResultWithoutExplanation_IsValid()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Good(), new EvaluationOptions { Explain = false });

        Assert.Empty(Schemas.Errors(Schemas.Evaluation, EvaluationJson.ToJson(result)));
    }

    [Fact]
    public void EvaluationSchema_ResultWithWarnings_IsValid()
    {
        var @case = Cases.Good() with { Request = Cases.Good().Request with { PlannedContactAt = new DateTimeOffset(2025, 7, 12, 3, 0, 0, TimeSpan.FromHours(9)) } };
        var result = OfferEvaluator.Default.Evaluate(@case);

        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning);
        Assert.Empty(Schemas.Errors(Schemas.Evaluation, EvaluationJson.ToJson(result)));
    }

    [Theory]
    [InlineData("an unknown property", "extra", "true")]
    [InlineData("a certain outlook", "outlook", "\"certain\"")]
    [InlineData("a missing rule set", "ruleSet", null)]
    [InlineData("a hash that is not SHA-256", "ruleSet", """{ "id": "x", "version": "1", "hash": "md5:0" }""")]
    [InlineData("an evaluated result with no outlook", "outlook", "null")]
    [InlineData("an evaluated result with an error", "issues", """[{ "severity": "error", "code": "V-01", "path": "$.decline", "message": "x" }]""")]
    [InlineData("a finding that is not an object", "findings", "[\"R-B0\"]")]
    [InlineData("a call window without an offset", "callWindow", """{ "start": "2025-07-10T10:00:00", "end": "2025-07-10T12:00:00" }""")]
    [InlineData("a fact outside the catalog", "missingFacts", """[{ "fact": "company.mood", "label": "x", "couldRaiseTo": null, "couldLowerTo": null, "message": "x" }]""")]
    public void EvaluationSchema_AlteredResult_IsInvalid(string problem, string property, string? value)
    {
        var node = JsonNode.Parse(EvaluationJson.ToJson(OfferEvaluator.Default.Evaluate(Cases.Good())))!.AsObject();
        if (value is null)
        {
            node.Remove(property);
        }
        else
        {
            node[property] = JsonNode.Parse(value);
        }

        Assert.True(Schemas.Errors(Schemas.Evaluation, node.ToJsonString()).Count > 0, $"The schema accepted {problem}.");
    }

    [Theory]
    [InlineData("adjust", "\"possible\"", 1)]
    [InlineData("cap", "null", 0)]
    [InlineData("info", "null", 2)]
    public void EvaluationSchema_FindingThatDoesNotFitItsStage_IsInvalid(string stage, string outlook, int score)
    {
        var node = JsonNode.Parse(EvaluationJson.ToJson(OfferEvaluator.Default.Evaluate(Cases.Good())))!.AsObject();
        node["findings"] = JsonNode.Parse($$"""[{ "ruleId": "R-1", "stage": "{{stage}}", "outlook": {{outlook}}, "score": {{score}}, "changed": true, "message": "x", "basis": "x" }]""");

        Assert.NotEmpty(Schemas.Errors(Schemas.Evaluation, node.ToJsonString()));
    }

    [Fact]
    public void EvaluationSchema_NamesExactlyTheCataloguedFacts()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Schemas.PathOf("evaluation.schema.json")));
        var names = document.RootElement.GetProperty("$defs").GetProperty("fact").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

        Assert.Equal(FactCatalog.All.Select(f => f.Name).ToHashSet(), names.ToHashSet());
    }

    [Theory]
    [InlineData("case.schema.json")]
    [InlineData("ruleset.schema.json")]
    [InlineData("evaluation.schema.json")]
    public void Schema_IdAndDialect_AreAbsoluteAndNameNoPackageRegistry(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Schemas.PathOf(file)));
        var id = new Uri(document.RootElement.GetProperty("$id").GetString()!);
        var dialect = new Uri(document.RootElement.GetProperty("$schema").GetString()!);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", dialect.AbsoluteUri);
        Assert.Equal(("https", "offerrules.invalid", "/schema/" + file), (id.Scheme, id.Host, id.AbsolutePath));
    }
}
