using System.Globalization;

namespace OfferRules.Analysis;

/// <summary>Small shared helpers of the analysis: pointers and the two languages of a message.</summary>
internal static class AnalysisText
{
    /// <summary>Gets the array index a pointer such as <c>/policies/0/rules/12</c> ends with.</summary>
    public static int LastIndex(string pointer) =>
        int.Parse(pointer.AsSpan(pointer.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture);

    public static AnalysisIssue Warning(string code, string path, string en, string ja) =>
        new(Evaluation.IssueSeverity.Warning, code, path, en, ja);

    public static AnalysisIssue Error(string code, string path, string en, string ja) =>
        new(Evaluation.IssueSeverity.Error, code, path, en, ja);
}
