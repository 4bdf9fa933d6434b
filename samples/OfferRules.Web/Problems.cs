using System.Text.Json;
using OfferRules.Evaluation;

namespace OfferRules.Web;

/// <summary>RFC 9457 problem details for everything the API refuses.</summary>
internal static class Problems
{
    /// <summary>The type of the problem for a case that could not be evaluated.</summary>
    public const string InvalidCase = "https://offerrules.invalid/problems/invalid-case";

    /// <summary>The type of the problem for a body over the size limit.</summary>
    public const string TooLarge = "https://offerrules.invalid/problems/request-too-large";

    /// <summary>The type of the problem for a body in a media type the endpoint does not read.</summary>
    public const string UnsupportedMediaType = "https://offerrules.invalid/problems/unsupported-media-type";

    /// <summary>The type of the problem for a language the site does not speak.</summary>
    public const string UnsupportedLanguage = "https://offerrules.invalid/problems/unsupported-language";

    /// <summary>The type of the problem for a client over the rate limit.</summary>
    public const string TooManyRequests = "https://offerrules.invalid/problems/too-many-requests";

    /// <summary>One issue of a problem, in the shape of the evaluation JSON's <c>issues</c>.</summary>
    /// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
    /// <param name="Code">The issue's code, such as <c>V-02</c> or <c>case.unknownProperty</c>.</param>
    /// <param name="Path">The JSON path of the fact, such as <c>$.decline.declinedOn</c>.</param>
    /// <param name="Message">What is wrong, in the request's language.</param>
    internal sealed record Issue(string Severity, string Code, string Path, string Message);

    /// <summary>A 400 listing every issue of an invalid case.</summary>
    /// <param name="result">The invalid result.</param>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>The problem result.</returns>
    public static IResult ForInvalidCase(EvaluationResult result, string language, string instance)
    {
        var issues = result.Issues
            .Select(i => new Issue(JsonNamingPolicy.CamelCase.ConvertName(i.Severity.ToString()), i.Code, i.Path, i.Message))
            .ToList();
        var errors = issues.Count(i => i.Severity == "error");
        return Results.Problem(
            type: InvalidCase,
            title: "The case is invalid.",
            statusCode: StatusCodes.Status400BadRequest,
            detail: Languages.Say(language,
                errors == 1 ? "1 problem stops this case from being evaluated." : $"{errors} problems stop this case from being evaluated.",
                $"{errors}件の問題があるため、このケースは評価できません。"),
            instance: instance,
            extensions: new Dictionary<string, object?>
            {
                ["issues"] = issues,
                ["ruleSet"] = new { id = result.RuleSetId, version = result.RuleSetVersion, hash = result.RuleSetHash },
            });
    }

    /// <summary>A 413 for a body over the limit.</summary>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>The problem result.</returns>
    public static IResult ForTooLarge(long limit, string language, string instance) =>
        Results.Problem(
            type: TooLarge,
            title: "The request body is too large.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: Languages.Say(language,
                $"The body may be at most {limit:N0} bytes.",
                $"送信できる内容は{limit:N0}バイトまでです。"),
            instance: instance,
            extensions: new Dictionary<string, object?>
            {
                ["limit"] = limit,
                ["issues"] = new[] { new Issue("error", "request.tooLarge", "$", Languages.Say(language, $"The body is larger than {limit:N0} bytes.", $"内容が{limit:N0}バイトを超えています。")) },
            });

    /// <summary>A 415 for a body whose Content-Type is missing or not one the endpoint reads.</summary>
    /// <param name="received">The Content-Type header as sent, or <see langword="null"/> when there is none.</param>
    /// <param name="accepted">The media types the endpoint reads.</param>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>The problem result.</returns>
    public static IResult ForUnsupportedMediaType(string? received, IReadOnlyList<string> accepted, string language, string instance)
    {
        var sent = MediaTypes.Describe(received);
        var list = string.Join(" or ", accepted);
        var listJa = string.Join("または", accepted);
        var message = sent is null
            ? Languages.Say(language,
                $"The request has no Content-Type; send the body as {list} (charset, if given, utf-8).",
                $"Content-Typeがありません。内容は{listJa}（charsetを付けるならutf-8）で送ってください。")
            : Languages.Say(language,
                $"The body was sent as '{sent}'; this endpoint reads {list} (charset, if given, utf-8).",
                $"内容の形式が「{sent}」でした。このエンドポイントが読めるのは{listJa}（charsetを付けるならutf-8）です。");
        return Results.Problem(
            type: UnsupportedMediaType,
            title: "The media type of the body is not supported.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            detail: message,
            instance: instance,
            extensions: new Dictionary<string, object?>
            {
                ["issues"] = new[] { new Issue("error", "request.unsupportedMediaType", "Content-Type", message) },
            });
    }

    /// <summary>A 400 for a <c>lang</c> other than <c>ja</c> or <c>en</c>.</summary>
    /// <param name="given">The language the client asked for.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>The problem result.</returns>
    public static IResult ForUnsupportedLanguage(string given, string instance) =>
        Results.Problem(
            type: UnsupportedLanguage,
            title: "The language is not supported.",
            statusCode: StatusCodes.Status400BadRequest,
            detail: $"'{given}' is not supported: use lang=ja or lang=en. / 「{given}」には対応していません。lang=ja か lang=en を指定してください。",
            instance: instance,
            extensions: new Dictionary<string, object?>
            {
                ["issues"] = new[] { new Issue("error", "request.unsupportedLanguage", "lang", "Use 'ja' or 'en'. / 'ja' か 'en' を指定してください。") },
            });

    /// <summary>A 429 for a client over the rate limit.</summary>
    /// <param name="retryAfter">When the client may try again, if known.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>The problem result.</returns>
    public static IResult ForTooManyRequests(TimeSpan? retryAfter, string instance) =>
        Results.Problem(
            type: TooManyRequests,
            title: "Too many requests.",
            statusCode: StatusCodes.Status429TooManyRequests,
            detail: retryAfter is { } wait
                ? $"Try again in {Math.Ceiling(wait.TotalSeconds):0} seconds. / {Math.Ceiling(wait.TotalSeconds):0}秒後にもう一度お試しください。"
                : "Try again in a minute. / 少し時間をおいてお試しください。",
            instance: instance);
}
