using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>
/// A problem or warning found while analysing rule files or rule tests, with where it is and a message in English and
/// Japanese: a lint warning from <see cref="RuleSetAnalysis.Lint"/>, or a problem in a test file read by
/// <see cref="RuleTestSuite.Load(string)"/>.
/// </summary>
/// <param name="Severity">Whether it is an error (the file cannot be used) or a warning (it can, but something looks wrong).</param>
/// <param name="Code">A stable code, for example <c>lint.ruleNeverFires</c> (see <see cref="RuleSetLintCodes"/>).</param>
/// <param name="Path">Where it is, as a JSON Pointer (RFC 6901) such as <c>/policies/0/rules/3</c>; empty for the whole document.</param>
/// <param name="Message">The problem in English.</param>
/// <param name="MessageJa">The problem in Japanese.</param>
/// <remarks>This type is immutable and thread-safe. Equality compares every member.</remarks>
public sealed record AnalysisIssue(IssueSeverity Severity, string Code, string Path, string Message, string MessageJa)
{
    /// <summary>Gets the 1-based line in the source text, when it is known.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the 1-based column in the source text, when it is known.</summary>
    public int? Column { get; init; }

    /// <summary>Gets the message in a language.</summary>
    /// <param name="language">A language tag such as <c>en</c>, <c>ja</c> or <c>ja-JP</c>; English when <see langword="null"/> or any other language.</param>
    /// <returns><see cref="MessageJa"/> for Japanese, otherwise <see cref="Message"/>.</returns>
    public string GetMessage(string? language) =>
        language is not null && EvaluationOptions.ResolveLanguage(language) == Facts.Language.Japanese ? MessageJa : Message;

    /// <summary>Gets the issue as one line in English, such as <c>/policies/0/rules/3 (line 41, column 9): … [lint.ruleNeverFires]</c>.</summary>
    /// <returns>The path, the position when known, the message and the code.</returns>
    public override string ToString() => ToString(null);

    /// <summary>
    /// Gets the issue as one line in a language. Control characters and bidirectional overrides are written as
    /// <c>\uXXXX</c>, so that text from a file cannot forge or reorder a log line.
    /// </summary>
    /// <param name="language">A language tag such as <c>en</c> or <c>ja</c>; English when <see langword="null"/>.</param>
    /// <returns>The path, the position when known, the message and the code.</returns>
    public string ToString(string? language)
    {
        var japanese = language is not null && EvaluationOptions.ResolveLanguage(language) == Facts.Language.Japanese;
        var where = Path.Length == 0 ? (japanese ? "（文書全体）" : "(document)") : JsonWalker.Printable(Path.Length <= 200 ? Path : Path[..197] + "...");
        var position = Line is { } line
            ? japanese ? $"（{line}行目、{Column ?? 1}列目）" : $" (line {line}, column {Column ?? 1})"
            : string.Empty;
        var separator = japanese ? "：" : ": ";
        return $"{where}{position}{separator}{JsonWalker.Printable(GetMessage(language))} [{JsonWalker.Printable(Code)}]";
    }
}
