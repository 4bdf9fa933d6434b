using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.AspNetCore;

/// <summary>Results for minimal APIs and controllers that write an evaluation the way the contract documents it.</summary>
public static class OfferRulesResults
{
    /// <summary>
    /// Writes an evaluated result as the evaluation JSON with status 200, and an invalid one as RFC 9457 problem details
    /// with status 400 whose <c>issues</c> list every problem (<c>severity</c>, <c>code</c>, <c>path</c>, <c>message</c>).
    /// Both are sent with <c>Cache-Control: no-store</c>, since a case is about a person.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>The result to return from an endpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static IResult Evaluation(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new EvaluationHttpResult(result);
    }

    private sealed class EvaluationHttpResult(EvaluationResult result) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.Headers.CacheControl = "no-store";
            byte[] body;
            if (result.Status == EvaluationStatus.Evaluated)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/json; charset=utf-8";
                body = Encoding.UTF8.GetBytes(EvaluationJson.ToJson(result));
            }
            else
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                response.ContentType = "application/problem+json; charset=utf-8";
                body = Problem(result, httpContext.Request.Path.Value);
            }

            await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
        }

        private static byte[] Problem(EvaluationResult result, string? instance)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "https://tools.ietf.org/html/rfc9110#section-15.5.1");
                writer.WriteString("title", "The case is not valid.");
                writer.WriteNumber("status", StatusCodes.Status400BadRequest);
                writer.WriteString("detail", result.Issues.Length == 1 ? "The case has 1 problem." : $"The case has {result.Issues.Length} problems.");
                if (instance is not null)
                {
                    writer.WriteString("instance", instance);
                }

                writer.WriteStartArray("issues");
                foreach (var issue in result.Issues)
                {
                    writer.WriteStartObject();
                    writer.WriteString("severity", issue.Severity == IssueSeverity.Error ? "error" : "warning");
                    writer.WriteString("code", issue.Code);
                    writer.WriteString("path", issue.Path);
                    writer.WriteString("message", issue.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }
}
