using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Web;

/// <summary>Fills in what the OpenAPI generator cannot see: the raw JSON and JSON Lines bodies, with real examples.</summary>
internal static class OpenApiSetup
{
    /// <summary>The name of the embedded example case (S01).</summary>
    public const string ExampleCaseResource = "example-case.json";

    /// <summary>The name of the embedded case schema.</summary>
    public const string CaseSchemaResource = "case.schema.json";

    /// <summary>Configures the document.</summary>
    /// <param name="options">The OpenAPI options.</param>
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "OfferRules web sample",
                Version = "v1",
                Description = "Evaluates whether a declined job offer in Japan (内定辞退) can be taken back, and explains why. "
                    + "Messages are in Japanese or English (`?lang=ja|en`). The case format is described by the JSON Schema at /schema/case.schema.json.",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var services = context.ApplicationServices;
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name == "lang")
                {
                    parameter.Description = "The language of the messages: ja or en (also ja-JP, en-US…). The default is the site's DefaultLanguage (ja).";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(ja|en)(-[A-Za-z0-9]+)*$" };
                }
            }

            switch (operation.OperationId)
            {
                case "evaluate":
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "One case (JSON Schema: /schema/case.schema.json). At most MaxCaseBytes (64 KiB by default).",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = Object("A case."), Example = ExampleCase() },
                        },
                    };
                    SetOk(operation, "application/json", Object("The evaluation: outlook, confidence, findings, conditions, failure reasons, missing facts, what would help, call window, actions, drafts, caveats, fallbacks, issues and rule set."), JsonNode.Parse(ExampleResult(services)));
                    break;
                case "evaluateBatch":
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "JSON Lines: one case per line. Each line at most MaxCaseBytes (64 KiB), the body at most MaxBatchBytes (4 MiB), at most MaxBatchCases (1000) cases.",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            [EvaluationEndpoints.JsonLines] = new() { Schema = Text("One case per line."), Example = ExampleCase().ToJsonString() + "\n" },
                        },
                    };
                    SetOk(operation, EvaluationEndpoints.JsonLines, Text("One evaluation object per line, in input order."), ExampleResult(services, "line 1") + "\n");
                    break;
                default:
                    break;
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Opens an embedded resource.</summary>
    /// <param name="name">The resource's logical name.</param>
    /// <returns>The stream.</returns>
    public static Stream Open(string name) =>
        typeof(OpenApiSetup).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The resource '{name}' is not embedded.");

    private static JsonNode ExampleCase()
    {
        using var stream = Open(ExampleCaseResource);
        return JsonNode.Parse(stream)!;
    }

    private static string ExampleResult(IServiceProvider services, string? input = null)
    {
        var evaluator = services.GetRequiredService<OfferEvaluator>();
        var defaults = services.GetRequiredService<EvaluationOptions>();
        using var stream = Open(ExampleCaseResource);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return EvaluationJson.ToJson(evaluator.EvaluateJson(buffer.ToArray(), defaults), input);
    }

    private static OpenApiSchema Object(string description) => new() { Type = JsonSchemaType.Object, Description = description };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static void SetOk(OpenApiOperation operation, string mediaType, OpenApiSchema schema, JsonNode? example)
    {
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "OK",
            Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() { Schema = schema, Example = example } },
        };
    }
}
