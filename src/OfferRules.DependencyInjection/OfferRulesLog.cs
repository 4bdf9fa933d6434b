using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection;

/// <summary>
/// The log events of the DI package. They name tenants, rule-set ids, versions, hashes, file names (never full paths)
/// and diagnostic codes with their JSON pointers; never a message text, a case value or anything a candidate wrote.
/// </summary>
internal static partial class OfferRulesLog
{
    /// <summary>The category of every event: <c>OfferRules</c>.</summary>
    public const string Category = "OfferRules";

    [LoggerMessage(EventId = 1, EventName = "RuleSetLoaded", Level = LogLevel.Information,
        Message = "OfferRules tenant {Tenant} loaded rule set {RuleSetId} version {RuleSetVersion} (hash {ContentHash}) from {Source}.")]
    public static partial void RuleSetLoaded(ILogger logger, string tenant, string ruleSetId, string ruleSetVersion, string contentHash, string source);

    [LoggerMessage(EventId = 2, EventName = "RuleSetReloaded", Level = LogLevel.Information,
        Message = "OfferRules tenant {Tenant} reloaded {FileName}: rule set {RuleSetId} version {PreviousVersion} was replaced by version {RuleSetVersion} (hash {ContentHash}).")]
    public static partial void RuleSetReloaded(ILogger logger, string tenant, string fileName, string ruleSetId, string previousVersion, string ruleSetVersion, string contentHash);

    [LoggerMessage(EventId = 3, EventName = "RuleSetReloadFailed", Level = LogLevel.Warning,
        Message = "OfferRules tenant {Tenant} could not reload {FileName}: {DiagnosticCount} diagnostic(s): {Diagnostics}. Version {ServingVersion} keeps serving.")]
    public static partial void RuleSetReloadFailed(ILogger logger, string tenant, string fileName, int diagnosticCount, string diagnostics, string servingVersion);

    [LoggerMessage(EventId = 4, EventName = "InvalidCase", Level = LogLevel.Information,
        Message = "A case was invalid under rule set {RuleSetId} version {RuleSetVersion}: {IssueCount} issue(s): {Issues}.")]
    public static partial void InvalidCase(ILogger logger, string ruleSetId, string ruleSetVersion, int issueCount, string issues);

    [LoggerMessage(EventId = 5, EventName = "RuleSetLoadFailed", Level = LogLevel.Error,
        Message = "OfferRules tenant {Tenant} could not load its rule set from {Source}: {DiagnosticCount} diagnostic(s): {Diagnostics}.")]
    public static partial void RuleSetLoadFailed(ILogger logger, string tenant, string source, int diagnosticCount, string diagnostics);

    [LoggerMessage(EventId = 6, EventName = "RuleSetWatchFailed", Level = LogLevel.Error,
        Message = "OfferRules tenant {Tenant} could not watch or reload {FileName}; the current version keeps serving.")]
    public static partial void RuleSetWatchFailed(ILogger logger, string tenant, string fileName, Exception exception);

    /// <summary>Gets the tenant's name as logs and health data write it: <c>(default)</c> for the unnamed registration.</summary>
    public static string TenantLabel(string tenant) => tenant.Length == 0 ? "(default)" : tenant;

    /// <summary>Writes diagnostics as codes and JSON pointers only, such as <c>condition.unknownFact at /policies/0/rules/3/when/fact (line 41, column 19)</c>.</summary>
    public static string Describe(IReadOnlyList<RuleSetDiagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var d in diagnostics)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(Printable(d.Code)).Append(" at ").Append(d.Path.Length == 0 ? "(document)" : Printable(d.Path));
            if (d.Line is { } line)
            {
                text.Append(CultureInfo.InvariantCulture, $" (line {line}, column {d.Column ?? 1})");
            }
        }

        return text.ToString();
    }

    /// <summary>Escapes control and bidirectional-format characters and shortens long text, so that a hostile file cannot forge or flood a log line.</summary>
    public static string Printable(string value)
    {
        const int Max = 200;
        var text = new StringBuilder(Math.Min(value.Length, Max));
        foreach (var c in value)
        {
            if (text.Length >= Max)
            {
                text.Append("...");
                break;
            }

            if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
