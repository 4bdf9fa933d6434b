using OfferRules.DependencyInjection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Web;

/// <summary>The HTTP API: evaluate one case, evaluate a batch, describe the rule set.</summary>
internal static class EvaluationEndpoints
{
    /// <summary>The name of the rate-limiting policy on every API endpoint.</summary>
    public const string RateLimitPolicy = "api";

    /// <summary>The media type of JSON Lines, in and out.</summary>
    public const string JsonLines = "application/x-ndjson";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>The options <see cref="EvaluationJson.ToJson"/> writes with, so that a batch line is the same bytes.</summary>
    private static readonly JsonWriterOptions BatchJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How many result bytes a batch holds at most before it flushes them to the client.</summary>
    private const int BatchFlushBytes = 32 * 1024;

    /// <summary>What <c>GET /api/rule-set</c> returns.</summary>
    /// <param name="Id">The rule set's id.</param>
    /// <param name="Version">The rule set's version.</param>
    /// <param name="Hash">The SHA-256 of the rule file, as <c>sha256:</c> and 64 hex digits.</param>
    /// <param name="Policies">One entry per case kind the rule set handles.</param>
    internal sealed record RuleSetInfo(string Id, string Version, string Hash, IReadOnlyList<PolicyInfo> Policies);

    /// <summary>The named conditions and rules of the policy for one case kind.</summary>
    /// <param name="Kind">The case kind, such as <c>declineWithdrawal</c>.</param>
    /// <param name="Conditions">The ids of the named conditions (withdrawal conditions, failure reasons and helpers).</param>
    /// <param name="Rules">The ids of the rules, in the order they run.</param>
    internal sealed record PolicyInfo(string Kind, IReadOnlyList<string> Conditions, IReadOnlyList<string> Rules);

    /// <summary>Maps the API under <c>/api</c>.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The group, for chaining.</returns>
    public static RouteGroupBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(RateLimitPolicy).WithTags("Evaluations");

        api.MapPost("/evaluations", EvaluateAsync)
            .WithName("evaluate")
            .WithSummary("Evaluates one case.")
            .WithDescription("The body is one case in the case format (schema: /schema/case.schema.json). The answer is the evaluation JSON, the same object the command-line tool prints with --format json. An invalid case gives 400 with RFC 9457 problem details whose `issues` list every problem with its JSON path. The Content-Type must be application/json (charset, if given, utf-8); any other, or none, gives 415.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/evaluations/batch", EvaluateBatchAsync)
            .WithName("evaluateBatch")
            .WithSummary("Evaluates many cases, one per line (JSON Lines).")
            .WithDescription("The body is JSON Lines: one case per line, sent as application/x-ndjson or application/jsonl (charset, if given, utf-8); any other Content-Type, or none, gives 415. The answer is JSON Lines, written as each line is evaluated: one evaluation object per non-blank input line, in order, each with `input` set to `line N`. A line that is not a valid case gives its `invalid` result and the stream goes on; a body over the size limit or with too many cases ends with one `invalid` line that says so.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/tenants/{tenant}/evaluations", EvaluateForTenantAsync)
            .WithName("evaluateForTenant")
            .WithSummary("Evaluates one case with a tenant's rule set.")
            .WithDescription("Like POST /api/evaluations, with the rule set of the tenant named in the path (configured under OfferRules:Tenants). An unknown tenant gives 404; a Content-Type other than application/json gives 415.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/rule-set", GetRuleSet)
            .WithName("getRuleSet")
            .WithSummary("Describes the rule set in use.")
            .WithDescription("The id, version and content hash of the rule set, and for each case kind the named conditions and the rules it contains.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return api;
    }

    /// <summary>Handles <c>POST /api/tenants/{tenant}/evaluations</c>.</summary>
    internal static Task<IResult> EvaluateForTenantAsync(
        HttpContext context,
        string tenant,
        [FromServices] IOfferEvaluatorProvider tenants,
        [FromServices] EvaluationOptions defaults,
        [FromServices] WebSampleOptions settings,
        [FromServices] ILoggerFactory loggers,
        [FromQuery] string? lang) =>
        tenants.TryGetEvaluator(tenant, out var evaluator)
            ? EvaluateAsync(context, evaluator!, defaults, settings, loggers, lang)
            : Task.FromResult(Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant", detail: "No rule set is configured for this tenant.", instance: context.Request.Path.Value));

    /// <summary>Handles <c>POST /api/evaluations</c>.</summary>
    internal static async Task<IResult> EvaluateAsync(
        HttpContext context,
        [FromServices] IOfferEvaluator evaluator,
        [FromServices] EvaluationOptions defaults,
        [FromServices] WebSampleOptions settings,
        [FromServices] ILoggerFactory loggers,
        [FromQuery] string? lang)
    {
        var instance = context.Request.Path.Value ?? "/api/evaluations";
        if (!TryResolveLanguage(lang, defaults, out var language))
        {
            return Problems.ForUnsupportedLanguage(lang!, instance);
        }

        if (!MediaTypes.IsAccepted(context.Request.ContentType, MediaTypes.CaseBody))
        {
            return Problems.ForUnsupportedMediaType(context.Request.ContentType, MediaTypes.CaseBody, language, instance);
        }

        RequestBodies.LimitBody(context, settings.MaxCaseBytes);
        var body = await RequestBodies.ReadAsync(context.Request, settings.MaxCaseBytes, context.RequestAborted);
        if (body is null)
        {
            return Problems.ForTooLarge(settings.MaxCaseBytes, language, instance);
        }

        var result = evaluator.EvaluateJson(body, defaults with { Language = language });
        if (result.Status == EvaluationStatus.Evaluated)
        {
            return Results.Text(EvaluationJson.ToJson(result), "application/json", Encoding.UTF8);
        }

        // Codes and paths only: a case's names and texts never reach the log.
        loggers.CreateLogger("OfferRules.Web").LogInvalidCase(result);
        return Problems.ForInvalidCase(result, language, instance);
    }

    /// <summary>Handles <c>POST /api/evaluations/batch</c>: streams one result line per case line.</summary>
    internal static async Task EvaluateBatchAsync(
        HttpContext context,
        [FromServices] OfferEvaluator evaluator, // the version current when the batch starts serves the whole batch
        [FromServices] EvaluationOptions defaults,
        [FromServices] WebSampleOptions settings,
        [FromQuery] string? lang)
    {
        var instance = context.Request.Path.Value ?? "/api/evaluations/batch";
        if (!TryResolveLanguage(lang, defaults, out var language))
        {
            await Problems.ForUnsupportedLanguage(lang!, instance).ExecuteAsync(context);
            return;
        }

        if (!MediaTypes.IsAccepted(context.Request.ContentType, MediaTypes.BatchBody))
        {
            await Problems.ForUnsupportedMediaType(context.Request.ContentType, MediaTypes.BatchBody, language, instance).ExecuteAsync(context);
            return;
        }

        if (context.Request.ContentLength > settings.MaxBatchBytes)
        {
            await Problems.ForTooLarge(settings.MaxBatchBytes, language, instance).ExecuteAsync(context);
            return;
        }

        RequestBodies.LimitBody(context, settings.MaxBatchBytes);
        var options = defaults with { Language = language };
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonLines + "; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.StartAsync(context.RequestAborted);

        var lines = RequestBodies.ReadLinesAsync(
            context.Request.Body, settings.MaxCaseBytes, settings.MaxBatchBytes, settings.MaxBatchCases, context.RequestAborted);
        try
        {
            await WriteBatchAsync(response.BodyWriter, lines, evaluator, options, settings, language, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is no one left to answer.
        }
    }

    /// <summary>
    /// Writes one result line per case line as UTF-8 straight into the response's pipe. The lines are flushed together,
    /// not one by one: when the next case line is not there yet (a client that sends as it goes gets each result before
    /// it sends more), when about <see cref="BatchFlushBytes"/> are waiting, and at the end.
    /// </summary>
    private static async Task WriteBatchAsync(
        System.IO.Pipelines.PipeWriter output,
        IAsyncEnumerable<RequestBodies.BatchLine> lines,
        OfferEvaluator evaluator,
        EvaluationOptions options,
        WebSampleOptions settings,
        string language,
        CancellationToken cancellationToken)
    {
        using var json = new Utf8JsonWriter(output, BatchJson);
        var pending = 0L;
        await using var next = lines.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var moved = next.MoveNextAsync();
            if (pending > 0 && (!moved.IsCompleted || pending >= BatchFlushBytes))
            {
                pending = 0;
                if ((await output.FlushAsync(cancellationToken)).IsCompleted)
                {
                    return;
                }
            }

            if (!await moved)
            {
                break;
            }

            var line = next.Current;
            var result = line.Problem == RequestBodies.LineProblem.None
                ? evaluator.EvaluateJson(line.Bytes, options)
                : evaluator.CreateInvalid([LineIssue(line, settings, language)]);
            json.Reset();
            EvaluationJson.Write(json, result, $"line {line.Number}");
            json.Flush();
            System.Buffers.BuffersExtensions.Write(output, NewLine);
            pending += json.BytesCommitted + NewLine.Length;
        }

        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Handles <c>GET /api/rule-set</c>.</summary>
    internal static RuleSetInfo GetRuleSet([FromServices] RuleSet ruleSet) =>
        new(
            ruleSet.Id,
            ruleSet.Version,
            ruleSet.ContentHash,
            [.. ruleSet.Kinds.Select(kind => new PolicyInfo(KindName(kind), [.. ruleSet.GetConditionIds(kind)], [.. ruleSet.GetRuleIds(kind)]))]);

    private static string KindName(CaseKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static bool TryResolveLanguage(string? requested, EvaluationOptions defaults, out string language)
    {
        language = Languages.Normalize(string.IsNullOrWhiteSpace(requested) ? defaults.Language : requested) ?? "en";
        return string.IsNullOrWhiteSpace(requested) || Languages.Normalize(requested) is not null;
    }

    private static ValidationIssue LineIssue(RequestBodies.BatchLine line, WebSampleOptions settings, string language) => line.Problem switch
    {
        RequestBodies.LineProblem.LineTooLarge => new ValidationIssue(IssueSeverity.Error, "request.lineTooLarge", "$", Languages.Say(language,
            $"This line is longer than {settings.MaxCaseBytes:N0} bytes; it was skipped.",
            $"この行は{settings.MaxCaseBytes:N0}バイトを超えているため、読み飛ばしました。")),
        RequestBodies.LineProblem.TooManyCases => new ValidationIssue(IssueSeverity.Error, "request.tooManyCases", "$", Languages.Say(language,
            $"A batch may hold at most {settings.MaxBatchCases:N0} cases; this line and the rest were not read.",
            $"一度に送れるのは{settings.MaxBatchCases:N0}件までです。この行以降は読んでいません。")),
        _ => new ValidationIssue(IssueSeverity.Error, "request.tooLarge", "$", Languages.Say(language,
            $"A batch may be at most {settings.MaxBatchBytes:N0} bytes; this line and the rest were not read.",
            $"一度に送れる内容は{settings.MaxBatchBytes:N0}バイトまでです。この行以降は読んでいません。")),
    };
}
