using System.Collections.Immutable;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.Properties;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// <see cref="JsonSerializer"/> binds <see cref="OfferCase"/> and writes <see cref="EvaluationResult"/> in the documented
/// contracts, with default options and through <see cref="OfferRulesJsonContext"/>.
/// </summary>
public sealed class JsonContractTests
{
    private const int GeneratedCases = 300;

    private static readonly JsonSerializerOptions s_context = new() { TypeInfoResolver = OfferRulesJsonContext.Default };

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file);
        }

        return data;
    }

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(Cases.CasesDirectory, "S*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal);

    public static TheoryData<string, string> ExampleFilesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Files())
        {
            data.Add(file, "en");
            data.Add(file, "ja");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Deserialize_ExampleCase_EqualsTheStrictReader(string file)
    {
        var json = File.ReadAllText(Path.Combine(Cases.CasesDirectory, file));
        var expected = CaseJson.Read(json).GetValueOrThrow();

        Assert.Equal(expected, JsonSerializer.Deserialize<OfferCase>(json));
        Assert.Equal(expected, JsonSerializer.Deserialize(json, OfferRulesJsonContext.Default.OfferCase));
        Assert.Equal(expected, JsonSerializer.Deserialize<OfferCase>(json, s_context));
    }

    [Fact]
    public void Deserialize_CaseInsideAnotherObject_ReadsJustThatValue()
    {
        var json = """{ "id": 7, "case": { "decline": { "declinedOn": "2025-07-01", "channel": "phone" } }, "after": [1, 2] }""";

        var envelope = JsonSerializer.Deserialize<Envelope>(json, JsonSerializerOptions.Web);

        Assert.NotNull(envelope);
        Assert.Equal(7, envelope.Id);
        Assert.Equal(DeclineChannel.Phone, envelope.Case!.Decline.Channel);
        Assert.Equal(new DateOnly(2025, 7, 1), envelope.Case.Decline.DeclinedOn);
    }

    [Fact]
    public void Deserialize_InvalidCase_ThrowsJsonExceptionListingEveryIssue()
    {
        var json = """{ "decline": { "channel": "fax" }, "offer": { "company": 1 }, "extra": true }""";

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OfferCase>(json));

        var inner = Assert.IsType<CaseReadException>(ex.InnerException);
        Assert.Equal(
            [("case.invalidValue", "$.decline.channel"), ("case.unknownProperty", "$.extra"), ("case.wrongType", "$.offer.company")],
            inner.Diagnostics.Select(d => (d.Code, d.Path)).Order());
        foreach (var issue in inner.Diagnostics)
        {
            Assert.Contains($"- error {issue.Code} at {issue.Path}: {issue.Message}", ex.Message, StringComparison.Ordinal);
        }

        Assert.Contains("is not a valid channel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_InvalidCaseThroughTheContext_ThrowsJsonException()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "kind": "lottery" }""", OfferRulesJsonContext.Default.OfferCase));

        Assert.Equal(("case.invalidValue", "$.kind"), Assert.Single(Assert.IsType<CaseReadException>(ex.InnerException).Diagnostics) is var d ? (d.Code, d.Path) : default);
    }

    [Fact]
    public void Serialize_Case_WritesExactlyCaseJsonToJson()
    {
        var @case = Cases.Good() with { Candidate = new Candidate { Name = "山田 太郎" } };

        Assert.Equal(CaseJson.ToJson(@case), JsonSerializer.Serialize(@case));
        Assert.Equal(CaseJson.ToJson(@case), JsonSerializer.Serialize(@case, OfferRulesJsonContext.Default.OfferCase));
        Assert.Equal(CaseJson.ToJson(@case), JsonSerializer.Serialize(@case, s_indented));
    }

    [Theory]
    [MemberData(nameof(ExampleFilesAndLanguages))]
    public void Serialize_ExampleResult_IsByteIdenticalToEvaluationJsonAndMatchesTheSchema(string file, string language)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, file));
        var result = OfferEvaluator.Default.EvaluateJson(bytes, new EvaluationOptions { Language = language });
        var expected = EvaluationJson.ToJson(result);

        var json = JsonSerializer.Serialize(result);

        Assert.Equal(expected, json);
        Assert.Equal(expected, JsonSerializer.Serialize(result, OfferRulesJsonContext.Default.EvaluationResult));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), JsonSerializer.SerializeToUtf8Bytes(result, s_context));
        Assert.Empty(Schemas.Errors(Schemas.Evaluation, json));
    }

    [Fact]
    public void Serialize_GeneratedResults_AreByteIdenticalToEvaluationJsonAndMatchTheSchema()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < GeneratedCases; seed++)
        {
            var @case = EvaluationProperties.RandomCase(new Random(seed));
            var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = seed % 2 == 0 ? "en" : "ja" });

            var json = JsonSerializer.Serialize(result);

            if (json != EvaluationJson.ToJson(result))
            {
                failures.Add($"seed {seed}: differs from EvaluationJson.ToJson");
            }
            else if (Schemas.Errors(Schemas.Evaluation, json) is { Count: > 0 } errors)
            {
                failures.Add($"seed {seed}: {string.Join("; ", errors.Take(3))}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Serialize_ListOfResults_IsAnArrayOfTheContractObjects()
    {
        var results = new[] { OfferEvaluator.Default.Evaluate(Cases.Good()), OfferEvaluator.Default.Evaluate(Cases.Minimal(), new EvaluationOptions { Language = "ja" }) };
        var expected = "[" + string.Join(",", results.Select(r => EvaluationJson.ToJson(r))) + "]";

        Assert.Equal(expected, JsonSerializer.Serialize(results));
        Assert.Equal(expected, JsonSerializer.Serialize(results, OfferRulesJsonContext.Default.EvaluationResultArray));
        Assert.Equal(expected, JsonSerializer.Serialize(results.ToImmutableArray(), OfferRulesJsonContext.Default.ImmutableArrayEvaluationResult));
    }

    [Fact]
    public void Deserialize_EvaluationResult_IsNotSupported()
    {
        var json = EvaluationJson.ToJson(OfferEvaluator.Default.Evaluate(Cases.Good()));

        var ex = Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<EvaluationResult>(json));

        Assert.Contains("results are output only", ex.Message, StringComparison.Ordinal);
    }

    private sealed record Envelope(int Id, OfferCase? Case);
}
