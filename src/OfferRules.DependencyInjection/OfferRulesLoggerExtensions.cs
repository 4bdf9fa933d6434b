using Microsoft.Extensions.Logging;
using OfferRules.Evaluation;

namespace OfferRules.DependencyInjection;

/// <summary>Logs OfferRules results without personal data.</summary>
public static class OfferRulesLoggerExtensions
{
    /// <summary>
    /// Logs an <see cref="EvaluationStatus.Invalid"/> result as event 4 (<c>InvalidCase</c>): the rule set's id and
    /// version and each issue's code and path, such as <c>V-01 at $.decline.channel</c>. Never a message, a value or
    /// anything from the case. Does nothing for a result that is not invalid.
    /// </summary>
    /// <param name="logger">The logger.</param>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    public static void LogInvalidCase(this ILogger logger, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status != EvaluationStatus.Invalid || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var issues = string.Join("; ", result.Issues.Select(i => OfferRulesLog.Printable(i.Code) + " at " + OfferRulesLog.Printable(i.Path)));
        OfferRulesLog.InvalidCase(logger, result.RuleSetId, result.RuleSetVersion, result.Issues.Length, issues);
    }
}
