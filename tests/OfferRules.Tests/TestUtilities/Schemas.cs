using System.Text.Json;
using Json.Schema;

namespace OfferRules.Tests.TestUtilities;

/// <summary>The JSON Schemas in <c>schema/</c>, built once each with their own registry, and a validator that lists every error.</summary>
internal static class Schemas
{
    private static readonly Lazy<JsonSchema> s_case = new(() => Build("case.schema.json"));
    private static readonly Lazy<JsonSchema> s_ruleSet = new(() => Build("ruleset.schema.json"));
    private static readonly Lazy<JsonSchema> s_evaluation = new(() => Build("evaluation.schema.json"));

    private static readonly EvaluationOptions s_options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    public static JsonSchema Case => s_case.Value;

    public static JsonSchema RuleSet => s_ruleSet.Value;

    public static JsonSchema Evaluation => s_evaluation.Value;

    public static string SchemaDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "schema");

    public static string PathOf(string name) => Path.Combine(SchemaDirectory, name);

    /// <summary>Validates JSON text against a schema; returns every error as "instance location: message", empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Errors(schema, document.RootElement);
    }

    /// <summary>Validates UTF-8 JSON against a schema; returns every error, empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return Errors(schema, document.RootElement);
    }

    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, s_options);
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count == 0 ? ["(invalid, with no error message)"] : errors;
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.IsValid)
        {
            return;
        }

        if (results.Errors is { } own)
        {
            foreach (var (keyword, message) in own)
            {
                errors.Add($"{results.InstanceLocation} [{keyword} at {results.EvaluationPath}]: {message}");
            }
        }

        if (results.Details is { } details)
        {
            foreach (var detail in details)
            {
                Collect(detail, errors);
            }
        }
    }

    private static JsonSchema Build(string name) =>
        JsonSchema.FromFile(PathOf(name), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
