using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OfferRules.Serialization;

namespace OfferRules.Web.Tests;

/// <summary>
/// The JSON Schemas turned into OpenAPI components accept exactly what the served JSON Schemas accept: each instance is
/// checked against the file and against the components of the document as served (after the OpenAPI model wrote them).
/// </summary>
public sealed class SchemaComponentsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";
    private readonly ApiFactory _factory = factory;

    private static JsonSchema FromText(string text) => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static JsonSchema Original(string resource)
    {
        using var reader = new StreamReader(OpenApiSetup.Open(resource));
        return FromText(reader.ReadToEnd());
    }

    /// <summary>One component of the served document as a standalone schema, the other components as its <c>$defs</c>.</summary>
    private async Task<JsonSchema> ServedComponentAsync(string name)
    {
        using var client = _factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["$ref"] = "#/$defs/" + name,
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
        };
        return FromText(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
    }

    private static void AssertSameVerdict(JsonSchema original, JsonSchema converted, JsonNode instance, bool expected, string label)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Flag };
        Assert.True(expected == original.Evaluate(document.RootElement, options).IsValid, $"{label}: the JSON Schema file should say {(expected ? "valid" : "invalid")}");
        Assert.True(expected == converted.Evaluate(document.RootElement, options).IsValid, $"{label}: the OpenAPI component should say {(expected ? "valid" : "invalid")}");
    }

    private static JsonNode With(JsonNode node, string path, JsonNode? value)
    {
        var copy = node.DeepClone();
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(copy, (current, segment) => int.TryParse(segment, out var index) ? current[index]! : current[segment]!);
        if (int.TryParse(segments[^1], out var last))
        {
            parent[last] = value;
        }
        else
        {
            parent[segments[^1]] = value;
        }

        return copy;
    }

    public static TheoryData<string, string, bool> CaseVariants() => new()
    {
        { "offer.offeredOn", "\"unknown\"", true },
        { "offer.offeredOn", "null", true },
        { "offer.offeredOn", "\"2025/06/01\"", false },
        { "offer.offeredOn", "\"Unknown\"", false },
        { "asOf", "\"2025-07-02T10:00+09:00\"", true },
        { "asOf", "\"2025-07-02T25:00+09:00\"", false },
        { "asOf", "\"yesterday\"", false },
        { "kind", "null", true },
        { "kind", "\"refund\"", false },
        { "decline.explainedReason", "\"unknown\"", true },
        { "decline.explainedReason", "\"yes\"", false },
        { "decline.explainedReason", "1", false },
        { "company.closedDates", "[\"2025-07-03\"]", true },
        { "company.closedDates", "\"unknown\"", true },
        { "company.closedDates", "[\"3 July\"]", false },
        { "company.businessHours", "{\"opens\":\"09:00\",\"closes\":\"18:00\"}", true },
        { "company.businessHours", "{\"opens\":\"9:00\",\"closes\":\"18:00\"}", false },
        { "request.plannedContactAt", "\"unknown\"", true },
        { "request.plannedContactAt", "\"2025-07-04 10:00\"", false },
        { "offer.company", "\"" + new string('x', 201) + "\"", false },
        { "offer.nickname", "\"x\"", false },
        { "surprise", "true", false },
    };

    [Theory]
    [MemberData(nameof(CaseVariants))]
    public async Task CaseComponent_VariantOfAnExample_SameVerdictAsTheCaseSchema(string path, string value, bool valid)
    {
        var original = Original(OpenApiSetup.CaseSchemaResource);
        var converted = await ServedComponentAsync(OpenApiSetup.CaseComponent);
        var example = JsonNode.Parse(Inputs.Case("S01"))!;
        if (example["request"] is null)
        {
            example["request"] = new JsonObject();
        }

        AssertSameVerdict(original, converted, With(example, path, JsonNode.Parse(value)), valid, $"{path} = {value}");
    }

    [Fact]
    public async Task CaseComponent_EveryExampleCase_ValidLikeTheCaseSchema()
    {
        var original = Original(OpenApiSetup.CaseSchemaResource);
        var converted = await ServedComponentAsync(OpenApiSetup.CaseComponent);

        foreach (var file in Directory.GetFiles(Inputs.CasesDirectory, "S*.json"))
        {
            AssertSameVerdict(original, converted, JsonNode.Parse(File.ReadAllBytes(file))!, true, Path.GetFileName(file));
        }
    }

    public static TheoryData<string, string, bool> EvaluationVariants() => new()
    {
        { "actions.0.at", "null", true },
        { "findings.0.score", "1", false },
        { "findings.0.score", "\"0\"", false },
        { "findings.0.outlook", "null", false },
        { "outlook", "\"great\"", false },
        { "outlook", "null", false },
        { "asOf", "\"2025-7-2\"", false },
        { "status", "\"invalid\"", false },
        { "callWindow.notes", "[\"x\"]", false },
        { "ruleSet.hash", "\"md5:0\"", false },
        { "surprise", "1", false },
    };

    [Theory]
    [MemberData(nameof(EvaluationVariants))]
    public async Task EvaluationComponent_VariantOfAResult_SameVerdictAsTheEvaluationSchema(string path, string value, bool valid)
    {
        var original = Original(OpenApiSetup.EvaluationSchemaResource);
        var converted = await ServedComponentAsync(OpenApiSetup.EvaluationComponent);
        var result = JsonNode.Parse(EvaluationJson.ToJson(OfferRules.Evaluation.OfferEvaluator.Default.EvaluateJson(Inputs.Case("S01"))))!;
        Assert.Equal("base", result["findings"]![0]!["stage"]!.GetValue<string>());

        AssertSameVerdict(original, converted, With(result, path, JsonNode.Parse(value)), valid, $"{path} = {value}");
    }

    [Fact]
    public async Task EvaluationComponent_ResultOfEveryExampleCase_ValidLikeTheEvaluationSchema()
    {
        var original = Original(OpenApiSetup.EvaluationSchemaResource);
        var converted = await ServedComponentAsync(OpenApiSetup.EvaluationComponent);

        foreach (var file in Directory.GetFiles(Inputs.CasesDirectory, "S*.json"))
        {
            var result = OfferRules.Evaluation.OfferEvaluator.Default.EvaluateJson(File.ReadAllBytes(file));
            AssertSameVerdict(original, converted, JsonNode.Parse(EvaluationJson.ToJson(result, "line 1"))!, true, Path.GetFileName(file));
        }
    }

    [Fact]
    public void Build_AnyOfOfPlainScalars_BecomesOneScalarWithAlternativePatterns()
    {
        var schema = JsonNode.Parse("""
            {
              "$defs": {
                "day": { "type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
                "maybeDay": { "description": "A day or unknown.", "anyOf": [ { "$ref": "#/$defs/day" }, { "enum": ["unknown", null] } ] }
              },
              "type": "object",
              "properties": { "on": { "$ref": "#/$defs/maybeDay" }, "at": { "oneOf": [ { "$ref": "#/$defs/day" }, { "type": "null" } ] } }
            }
            """)!.AsObject();

        var components = SchemaComponents.Build(schema, new("test", "Root", new Dictionary<string, string>(), [], new Dictionary<string, string>()))
            .ToDictionary(c => c.Key, c => c.Value);

        Assert.Equal(["MaybeDay", "Root"], components.Keys.Order(StringComparer.Ordinal));
        var maybeDay = components["MaybeDay"];
        Assert.Equal("""["string","null"]""", maybeDay["type"]!.ToJsonString());
        Assert.Equal("(?:^\\d{4}-\\d{2}-\\d{2}$)|(?:^(?:unknown)$)", maybeDay["pattern"]!.GetValue<string>());
        Assert.Null(maybeDay["format"]);
        Assert.Equal("A day or unknown.", maybeDay["description"]!.GetValue<string>());
        var at = components["Root"]["properties"]!["at"]!;
        Assert.Equal("date", at["format"]!.GetValue<string>());
        Assert.Equal("""["string","null"]""", at["type"]!.ToJsonString());
    }

    [Fact]
    public void Build_ReferenceOutsideDefs_Throws()
    {
        var schema = JsonNode.Parse("""{ "properties": { "x": { "$ref": "other.json#/y" } } }""")!.AsObject();

        var error = Assert.Throws<InvalidOperationException>(() =>
            SchemaComponents.Build(schema, new("test", "Root", new Dictionary<string, string>(), [], new Dictionary<string, string>())));

        Assert.Contains("other.json#/y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FoldUsedElsewhere_Throws()
    {
        var schema = JsonNode.Parse("""
            {
              "$defs": { "thing": { "type": "object" }, "rules": { "allOf": [ { "required": ["a"] } ] } },
              "properties": { "x": { "allOf": [ { "$ref": "#/$defs/thing" }, { "$ref": "#/$defs/rules" } ] }, "y": { "$ref": "#/$defs/thing" } }
            }
            """)!.AsObject();

        Assert.Throws<InvalidOperationException>(() =>
            SchemaComponents.Build(schema, new("test", "Root", new Dictionary<string, string>(), [], new Dictionary<string, string> { ["rules"] = "thing" })));
    }
}
