using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Web;

/// <summary>
/// Fills in what the OpenAPI generator cannot see: the raw JSON and JSON Lines bodies, typed by the case and evaluation
/// JSON Schemas (turned into components), the problem details with their <c>issues</c>, and real examples.
/// </summary>
internal static class OpenApiSetup
{
    /// <summary>The name of the embedded example case (S01).</summary>
    public const string ExampleCaseResource = "example-case.json";

    /// <summary>The name of the embedded case schema.</summary>
    public const string CaseSchemaResource = "case.schema.json";

    /// <summary>The name of the embedded evaluation schema.</summary>
    public const string EvaluationSchemaResource = "evaluation.schema.json";

    /// <summary>Where the site serves the case schema.</summary>
    public const string CaseSchemaPath = "/schema/case.schema.json";

    /// <summary>Where the site serves the evaluation schema.</summary>
    public const string EvaluationSchemaPath = "/schema/evaluation.schema.json";

    /// <summary>The component name of a case.</summary>
    public const string CaseComponent = "Case";

    /// <summary>The component name of an evaluation result.</summary>
    public const string EvaluationComponent = "Evaluation";

    /// <summary>The component name of the problem details every refusal carries.</summary>
    public const string ProblemComponent = "ProblemDetails";

    /// <summary>The extension that names the schema of each line of a JSON Lines body (OpenAPI 3.2 calls it <c>itemSchema</c>).</summary>
    public const string ItemSchemaExtension = "x-itemSchema";

    /// <summary>How the case schema becomes components.</summary>
    internal static readonly SchemaComponents.Source CaseSchema = new(
        CaseSchemaResource,
        CaseComponent,
        new Dictionary<string, string> { ["date"] = "CaseDate", ["dateTime"] = "CaseDateTime" },
        [
            new("/properties/company/properties/businessHours/anyOf/0", "BusinessHours"),
            new("/properties/offer", "Offer"),
            new("/properties/decline", "Decline"),
            new("/properties/company", "Company"),
            new("/properties/request", "CaseRequest"),
            new("/properties/candidate", "Candidate"),
            new("/properties/missedContact", "MissedContact"),
        ],
        new Dictionary<string, string>());

    /// <summary>How the evaluation schema becomes components.</summary>
    internal static readonly SchemaComponents.Source EvaluationSchema = new(
        EvaluationSchemaResource,
        EvaluationComponent,
        new Dictionary<string, string>
        {
            ["date"] = "EvaluationDate",
            ["dateTime"] = "EvaluationDateTime",
            ["id"] = "Identifier",
            ["issue"] = "Issue",
            ["ruleSet"] = "RuleSetRecord",
            ["action"] = "ActionStep",
        },
        [],
        new Dictionary<string, string> { ["findingByStage"] = "finding" });

    /// <summary>Configures the document.</summary>
    /// <param name="options">The OpenAPI options.</param>
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            Describe(document, context.ApplicationServices);
            return Task.CompletedTask;
        });
    }

    /// <summary>Opens an embedded resource.</summary>
    /// <param name="name">The resource's logical name.</param>
    /// <returns>The stream.</returns>
    public static Stream Open(string name) =>
        typeof(OpenApiSetup).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The resource '{name}' is not embedded.");

    private static void Describe(OpenApiDocument document, IServiceProvider services)
    {
        document.Info = new OpenApiInfo
        {
            Title = "OfferRules web sample",
            Version = "v1",
            Description = "Evaluates whether a declined job offer in Japan (内定辞退), or a missed call from an employer, can still be put right, and explains why. "
                + "Messages are in Japanese or English (`?lang=ja|en`).\n\n"
                + $"The bodies are typed by two JSON Schemas (2020-12) that the site also serves: the case at [{CaseSchemaPath}]({CaseSchemaPath}) "
                + $"and the evaluation result at [{EvaluationSchemaPath}]({EvaluationSchemaPath}). Their definitions are the components below "
                + $"(`{CaseComponent}`, `{EvaluationComponent}` and the rest); the served files stay the reference for validation.\n\n"
                + $"Every refusal is RFC 9457 problem details (`application/problem+json`, the `{ProblemComponent}` component) whose `issues` list what is wrong, each with a JSON path.",
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
        };

        // A relative server: the document is the same whichever address the site is reached at.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The site that serves this document." }];
        document.Tags ??= new HashSet<OpenApiTag>();
        if (document.Tags.FirstOrDefault(t => t.Name == "Evaluations") is not { } evaluations)
        {
            evaluations = new OpenApiTag { Name = "Evaluations" };
            document.Tags.Add(evaluations);
        }

        evaluations.Description = "Evaluate cases and describe the rule set in use.";

        AddComponents(document);
        foreach (var (_, item) in document.Paths)
        {
            foreach (var (_, operation) in item.Operations ?? [])
            {
                DescribeOperation(document, services, operation);
            }
        }
    }

    private static void AddComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var components = new List<KeyValuePair<string, JsonObject>>();
        foreach (var source in new[] { CaseSchema, EvaluationSchema })
        {
            using var stream = Open(source.Resource);
            components.AddRange(SchemaComponents.Build(JsonNode.Parse(stream)!.AsObject(), source));
        }

        components.Add(new(ProblemComponent, ProblemSchema()));
        components.Add(new("ProblemIssue", ProblemIssueSchema()));
        foreach (var (name, json) in components)
        {
            if (document.Components.Schemas.ContainsKey(name) && name != ProblemComponent)
            {
                throw new InvalidOperationException($"The OpenAPI document already has a schema named '{name}'.");
            }

            document.Components.Schemas[name] = Parse(document, name, json);
        }
    }

    private static OpenApiSchema Parse(OpenApiDocument document, string name, JsonObject json)
    {
        var schema = OpenApiModelFactory.Parse<OpenApiSchema>(json.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json");
        return schema is not null && diagnostic.Errors.Count == 0
            ? schema
            : throw new InvalidOperationException($"The schema '{name}' is not valid OpenAPI: " + string.Join("; ", diagnostic.Errors.Select(e => e.Message)));
    }

    private static void DescribeOperation(OpenApiDocument document, IServiceProvider services, OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            switch (parameter.Name)
            {
                case "lang":
                    parameter.Description = "The language of the messages: ja or en (also ja-JP, en-US…). The default is the site's DefaultLanguage (ja).";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(ja|en)(-[A-Za-z0-9]+)*$" };
                    break;
                case "tenant":
                    parameter.Description = "The tenant's name, a child of OfferRules:Tenants in the site's configuration.";
                    break;
                default:
                    break;
            }
        }

        switch (operation.OperationId)
        {
            case "evaluate" or "evaluateForTenant":
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = $"One case (the `{CaseComponent}` schema; JSON Schema: {CaseSchemaPath}). At most MaxCaseBytes (64 KiB by default).",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = Ref(document, CaseComponent), Example = ExampleCase() },
                    },
                };
                SetOk(operation, "The evaluation: outlook, confidence, findings, conditions, failure reasons, missing facts, what would help, call window, actions, drafts, caveats, fallbacks, warnings and rule set.",
                    "application/json", new() { Schema = Ref(document, EvaluationComponent), Example = JsonNode.Parse(ExampleResult(services)) });
                break;
            case "evaluateBatch":
                // Only application/x-ndjson is listed, though application/jsonl is read too: with two request media
                // types a generated client (Kiota) makes every caller pass a content type.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = $"JSON Lines (application/x-ndjson; application/jsonl is read too): one case per line, each line a `{CaseComponent}` (JSON Schema: {CaseSchemaPath}); blank lines are skipped. "
                        + $"The `{ItemSchemaExtension}` extension names the schema of one line. "
                        + "Each line at most MaxCaseBytes (64 KiB), the body at most MaxBatchBytes (4 MiB), at most MaxBatchCases (1000) cases.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [EvaluationEndpoints.JsonLines] = Lines(document, "One case per line.", CaseComponent, ExampleCase().ToJsonString() + "\n"),
                    },
                };
                SetOk(operation,
                    $"JSON Lines, one `{EvaluationComponent}` per non-blank input line, in input order, each with `input` set to `line N`. "
                    + "A line that is not a valid case gives an evaluation with `status` `invalid` and its `issues` (errors), and the stream goes on. "
                    + "A line over the case limit gives one with the issue `request.lineTooLarge`; a body over the batch limit or with too many cases ends with one whose issue is `request.tooLarge` or `request.tooManyCases`.",
                    EvaluationEndpoints.JsonLines,
                    Lines(document, $"One {EvaluationComponent} per line (JSON Schema: {EvaluationSchemaPath}).", EvaluationComponent, ExampleResult(services, "line 1") + "\n"));
                break;
            case "getRuleSet" when operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok:
                ok.Description = "The rule set's id, version and content hash, and the conditions and rules of each case kind.";
                break;
            default:
                break;
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse concrete && ProblemDescription(operation.OperationId, status) is { } description)
            {
                concrete.Description = description;
            }
        }
    }

    private static string? ProblemDescription(string? operationId, string status) => (operationId, status) switch
    {
        ("evaluateBatch", "400") => "The `lang` is not supported (issue `request.unsupportedLanguage`). Invalid lines do not give 400: they are answered in the stream.",
        (_, "400") => "The case is invalid: `issues` lists every error with its JSON path, and `ruleSet` names the rule set that checked it. Or the `lang` is not supported (issue `request.unsupportedLanguage`, path `lang`).",
        (_, "404") => "No rule set is configured for this tenant.",
        ("evaluateBatch", "413") => "The declared body (Content-Length) is over MaxBatchBytes; `limit` gives it. A body that only turns out too large ends the stream with a `request.tooLarge` line instead.",
        (_, "413") => "The body is over MaxCaseBytes; `limit` gives it and `issues` holds `request.tooLarge`.",
        ("evaluateBatch", "415") => "The Content-Type is missing, or not application/x-ndjson or application/jsonl with charset utf-8 if any; `issues` holds `request.unsupportedMediaType` with path `Content-Type`.",
        (_, "415") => "The Content-Type is missing, or not application/json with charset utf-8 if any (a +json suffix is not read as a case); `issues` holds `request.unsupportedMediaType` with path `Content-Type`.",
        (_, "429") => "Too many requests from this address; the Retry-After header says when to try again.",
        _ => null,
    };

    private static OpenApiSchemaReference Ref(OpenApiDocument document, string component) => new(component, document);

    private static OpenApiMediaType Lines(OpenApiDocument document, string description, string itemComponent, string example) => new()
    {
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = description },
        Example = example,
        Extensions = new Dictionary<string, IOpenApiExtension>
        {
            [ItemSchemaExtension] = new JsonNodeExtension(new JsonObject { ["$ref"] = SchemaComponents.ComponentsPrefix + itemComponent }),
        },
    };

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

    private static void SetOk(OpenApiOperation operation, string description, string mediaType, OpenApiMediaType content)
    {
        // The answer first, then the refusals in the order the endpoint declares them.
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = content },
            },
        };
        foreach (var (status, response) in operation.Responses ?? [])
        {
            responses.TryAdd(status, response);
        }

        operation.Responses = responses;
    }

    /// <summary>RFC 9457 problem details as <see cref="Problems"/> writes them, with the site's extensions.</summary>
    private static JsonObject ProblemSchema() => JsonNode.Parse($$"""
        {
          "type": "object",
          "description": "RFC 9457 problem details. The site adds `issues` (what is wrong, each with a path), `ruleSet` for an invalid case, `limit` for a body too large, and `traceId`.",
          "properties": {
            "type": { "type": "string", "description": "A URI that names the kind of problem, such as {{Problems.InvalidCase}}." },
            "title": { "type": "string", "description": "A short English summary of the kind of problem." },
            "status": { "type": "integer", "description": "The HTTP status code." },
            "detail": { "type": "string", "description": "What went wrong with this request, in the request's language.", "x-ms-primary-error-message": true },
            "instance": { "type": "string", "description": "The request path." },
            "issues": {
              "type": "array",
              "description": "Every problem found, in the shape of the evaluation's `issues`.",
              "items": { "$ref": "{{SchemaComponents.ComponentsPrefix}}ProblemIssue" }
            },
            "ruleSet": { "$ref": "{{SchemaComponents.ComponentsPrefix}}RuleSetRecord", "description": "For an invalid case: the rule set that checked it." },
            "limit": { "type": "integer", "format": "int64", "description": "For a body too large: the limit in bytes." },
            "traceId": { "type": "string", "description": "The request's trace id, to find it in the site's logs." }
          },
          "required": ["type", "title", "status"]
        }
        """)!.AsObject();

    private static JsonObject ProblemIssueSchema() => JsonNode.Parse("""
        {
          "type": "object",
          "description": "One problem with a request.",
          "additionalProperties": false,
          "required": ["severity", "code", "path", "message"],
          "properties": {
            "severity": { "type": "string", "enum": ["error", "warning"] },
            "code": { "type": "string", "minLength": 1, "description": "The issue's code, such as V-02, case.invalidValue, request.tooLarge or request.unsupportedMediaType." },
            "path": { "type": "string", "description": "Where the problem is: a JSON path into the case such as $.decline.channel, the query parameter `lang`, or the header `Content-Type`." },
            "message": { "type": "string", "description": "What is wrong, in the request's language." }
          }
        }
        """)!.AsObject();
}
