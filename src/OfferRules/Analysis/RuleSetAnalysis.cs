using System.Collections.Immutable;
using System.Text;
using OfferRules.Domain;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>
/// The checks behind <c>offerrules check | test | coverage | diff | fmt</c>, as a library, so that a job board can run
/// them in its own admin screens before a tenant's rule file goes live: load and lint a rule file, run a rule test
/// file, count which rules a stream of cases exercises, measure what a change does to a stream of cases, and rewrite a
/// rule file in the canonical layout.
/// </summary>
/// <remarks>
/// Every method is thread-safe and never throws for bad input: problems come back as diagnostics with a JSON Pointer
/// (and a line and column where there is source text). The stream methods read JSON Lines (one case per line, blank
/// lines skipped, a line longer than <see cref="CaseJson.MaxBytes"/> counted as unreadable) in bounded memory; to drive
/// the loop yourself (progress, resuming, your own cancellation), use <see cref="CoverageCollector"/> and
/// <see cref="ImpactAnalyzer"/>.
/// </remarks>
public static class RuleSetAnalysis
{
    /// <summary>
    /// The smallest Japanese-to-English length ratio of a text that is not a <see cref="RuleSetLintCodes.TextLengthMismatch"/>:
    /// Japanese shorter than 15% of the English (in characters, placeholders left out) is reported. Japanese usually
    /// needs a third to two thirds of the characters of the same English; the default policy's texts lie between 0.2 and 1.
    /// </summary>
    public const double MinJapaneseToEnglishRatio = 0.15;

    /// <summary>The largest Japanese-to-English length ratio of a text that is not a <see cref="RuleSetLintCodes.TextLengthMismatch"/>: Japanese longer than 150% of the English is reported.</summary>
    public const double MaxJapaneseToEnglishRatio = 1.5;

    /// <summary>
    /// The English length, in characters without placeholders, from which a text's two languages are compared; shorter
    /// texts ("Yours sincerely," and 敬具) differ too much by nature. A text whose Japanese has at least
    /// <see cref="MinJapaneseLengthCompared"/> characters is compared too, and one language empty while the other is not is always reported.
    /// </summary>
    public const int MinEnglishLengthCompared = 40;

    /// <summary>The Japanese length, in characters without placeholders, from which a text's two languages are compared (see <see cref="MinEnglishLengthCompared"/>).</summary>
    public const int MinJapaneseLengthCompared = 30;

    /// <summary>Loads a rule file and lints it, within the default limits.</summary>
    /// <param name="utf8Json">The rule file's bytes.</param>
    /// <returns>The load errors exactly as <see cref="RuleSetJson.Load(ReadOnlySpan{byte})"/> gives them, or the rule set and its lint warnings, each with a line and column.</returns>
    public static RuleSetCheckResult Check(ReadOnlySpan<byte> utf8Json) => Check(utf8Json, RuleSetLimits.Default);

    /// <summary>Loads a rule file and lints it, within the given limits.</summary>
    /// <param name="utf8Json">The rule file's bytes.</param>
    /// <param name="limits">The limits the file must keep to, such as <see cref="RuleSetLimits.Default"/> tightened for a tenant.</param>
    /// <returns>The load errors exactly as <see cref="RuleSetJson.Load(ReadOnlySpan{byte}, RuleSetLimits)"/> gives them, or the rule set and its lint warnings, each with a line and column.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is <see langword="null"/>.</exception>
    public static RuleSetCheckResult Check(ReadOnlySpan<byte> utf8Json, RuleSetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var loaded = RuleSetJson.Load(utf8Json, limits);
        if (!loaded.TryGetValue(out var ruleSet))
        {
            return new RuleSetCheckResult(null, loaded.Diagnostics, []);
        }

        return new RuleSetCheckResult(ruleSet, [], RuleSetLinter.Locate(utf8Json, RuleSetLinter.Lint(ruleSet)));
    }

    /// <summary>Loads a rule file from its text and lints it, within the default limits.</summary>
    /// <param name="json">The rule file's text.</param>
    /// <returns>The load errors, or the rule set and its lint warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static RuleSetCheckResult Check(string json) => Check(json, RuleSetLimits.Default);

    /// <summary>Loads a rule file from its text and lints it, within the given limits.</summary>
    /// <param name="json">The rule file's text.</param>
    /// <param name="limits">The limits the file must keep to.</param>
    /// <returns>The load errors, or the rule set and its lint warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="limits"/> is <see langword="null"/>.</exception>
    public static RuleSetCheckResult Check(string json, RuleSetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        if (json.Length > limits.MaxBytes)
        {
            return new RuleSetCheckResult(null, RuleSetJson.Load(json, limits).Diagnostics, []);
        }

        return Check(Encoding.UTF8.GetBytes(json), limits);
    }

    /// <summary>
    /// Loads a rule file from disk and lints it, reading at most <see cref="RuleSetLimits.MaxBytes"/> and one chunk more,
    /// also from a FIFO or a device (a larger input is a <c>ruleSet.limit</c> error). A missing or unreadable file is a
    /// <c>file.unreadable</c> error, not an exception.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="limits">The limits the file must keep to; <see cref="RuleSetLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The load errors, or the rule set and its lint warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static RuleSetCheckResult CheckFile(string path, RuleSetLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= RuleSetLimits.Default;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > limits.MaxBytes)
            {
                // The loader words a missing or oversized file the same way for every command.
                return new RuleSetCheckResult(null, RuleSetJson.LoadFile(path, limits).Diagnostics, []);
            }

            // A FIFO or a device reports no size: the read itself stops one chunk past the limit.
            if (BoundedFile.Read(path, limits.MaxBytes, out var seen) is not { } read)
            {
                return new RuleSetCheckResult(null, RuleSetJson.TooLarge(seen, limits, atLeast: true).Diagnostics, []);
            }

            bytes = read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new RuleSetCheckResult(null, RuleSetJson.LoadFile(path, limits).Diagnostics, []);
        }

        return Check(bytes, limits);
    }

    /// <summary>
    /// Lints a loaded rule set: rules that never fire or never change the outlook, caps above every reachable score,
    /// conditions never met or unused, items never shown, levels never chosen, and texts whose languages differ greatly
    /// in length (<see cref="RuleSetLintCodes"/>). Without the source text the warnings have no line and column; use
    /// <see cref="Check(ReadOnlySpan{byte})"/> for those.
    /// </summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The warnings, in file order; empty when there is nothing to say.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<AnalysisIssue> Lint(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return RuleSetLinter.Lint(ruleSet);
    }

    /// <summary>Runs a rule test suite against a rule set.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="suite">The tests.</param>
    /// <param name="timeProvider">The clock for cases without an <c>asOf</c>, read once; the system clock when <see langword="null"/>.</param>
    /// <returns>One result per test, with every expectation that did not hold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> or <paramref name="suite"/> is <see langword="null"/>.</exception>
    public static RuleTestRunResult RunTests(RuleSet ruleSet, RuleTestSuite suite, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(suite);
        return RuleTestRunner.Run(ruleSet, suite, timeProvider);
    }

    /// <summary>Counts how often every item of a rule set is true, false and unknown over a JSON Lines stream of cases.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="jsonLines">One case per line, in the case JSON contract.</param>
    /// <param name="timeProvider">The clock for cases without an <c>asOf</c>, read once; the system clock when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between two lines, or between two reads of a line without end.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> or <paramref name="jsonLines"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CoverageReport Coverage(RuleSet ruleSet, Stream jsonLines, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var collector = new CoverageCollector(ruleSet, timeProvider);
        ForEachLine(jsonLines, collector.AddUnreadableLine, (line, _) => collector.AddJson(line), cancellationToken);
        return collector.ToReport();
    }

    /// <summary>Counts how often every item of a rule set is true, false and unknown over a sequence of cases, with the system clock for cases without an <c>asOf</c>.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="cases">The cases.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> or <paramref name="cases"/> is <see langword="null"/>, or a case is.</exception>
    public static CoverageReport Coverage(RuleSet ruleSet, IEnumerable<OfferCase> cases) => Coverage(ruleSet, cases, null);

    /// <summary>Counts how often every item of a rule set is true, false and unknown over a sequence of cases.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="timeProvider">The clock for cases without an <c>asOf</c>, read once; the system clock when <see langword="null"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> or <paramref name="cases"/> is <see langword="null"/>, or a case is.</exception>
    public static CoverageReport Coverage(RuleSet ruleSet, IEnumerable<OfferCase> cases, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var collector = new CoverageCollector(ruleSet, timeProvider);
        foreach (var offerCase in cases)
        {
            collector.Add(offerCase);
        }

        return collector.ToReport();
    }

    /// <summary>Measures what moving from one rule set to another does to a JSON Lines stream of cases.</summary>
    /// <param name="oldRuleSet">The rule set in use.</param>
    /// <param name="newRuleSet">The rule set proposed.</param>
    /// <param name="jsonLines">One case per line, in the case JSON contract.</param>
    /// <param name="options">How many examples to keep, and the clock; <see cref="ImpactOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between two lines, or between two reads of a line without end.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="oldRuleSet"/>, <paramref name="newRuleSet"/> or <paramref name="jsonLines"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ImpactReport Diff(RuleSet oldRuleSet, RuleSet newRuleSet, Stream jsonLines, ImpactOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var analyzer = new ImpactAnalyzer(oldRuleSet, newRuleSet, options);
        ForEachLine(jsonLines, analyzer.AddUnreadableLine, (line, number) => analyzer.AddJson(line, number), cancellationToken);
        return analyzer.ToReport();
    }

    /// <summary>Measures what moving from one rule set to another does to a sequence of cases, with the default options; an example's line number is its 1-based position.</summary>
    /// <param name="oldRuleSet">The rule set in use.</param>
    /// <param name="newRuleSet">The rule set proposed.</param>
    /// <param name="cases">The cases.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="oldRuleSet"/>, <paramref name="newRuleSet"/> or <paramref name="cases"/> is <see langword="null"/>, or a case is.</exception>
    public static ImpactReport Diff(RuleSet oldRuleSet, RuleSet newRuleSet, IEnumerable<OfferCase> cases) => Diff(oldRuleSet, newRuleSet, cases, null);

    /// <summary>Measures what moving from one rule set to another does to a sequence of cases; an example's line number is its 1-based position.</summary>
    /// <param name="oldRuleSet">The rule set in use.</param>
    /// <param name="newRuleSet">The rule set proposed.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="options">How many examples to keep, and the clock; <see cref="ImpactOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="oldRuleSet"/>, <paramref name="newRuleSet"/> or <paramref name="cases"/> is <see langword="null"/>, or a case is.</exception>
    public static ImpactReport Diff(RuleSet oldRuleSet, RuleSet newRuleSet, IEnumerable<OfferCase> cases, ImpactOptions? options)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var analyzer = new ImpactAnalyzer(oldRuleSet, newRuleSet, options);
        long position = 0;
        foreach (var offerCase in cases)
        {
            analyzer.Add(offerCase, ++position);
        }

        return analyzer.ToReport();
    }

    /// <summary>
    /// Rewrites a rule file in the canonical layout without changing what it means: properties in the schema's order,
    /// two-space indentation, one item per block, strings with only the escapes JSON requires (Japanese as it is),
    /// <c>\n</c> line ends and a final line break, no byte order mark. Values are kept exactly (numbers as written).
    /// The file must load within the default limits and have no comments.
    /// </summary>
    /// <param name="utf8Json">The rule file's bytes.</param>
    /// <returns>The formatted text, or why the file could not be formatted.</returns>
    public static RuleSetFormatResult Format(ReadOnlySpan<byte> utf8Json) => RuleSetFormatter.Format(utf8Json);

    /// <summary>Rewrites a rule file's text in the canonical layout (see <see cref="Format(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="json">The rule file's text.</param>
    /// <returns>The formatted text, or why the file could not be formatted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static RuleSetFormatResult Format(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Format(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Gets a value indicating whether a rule file is already in the canonical layout, byte for byte.</summary>
    /// <param name="utf8Json">The rule file's bytes.</param>
    /// <returns><see langword="true"/> when formatting would not change it; <see langword="false"/> when it would, or when it cannot be formatted.</returns>
    public static bool IsFormatted(ReadOnlySpan<byte> utf8Json) => Format(utf8Json) is { Success: true, Changed: false };

    /// <summary>Gets a value indicating whether a rule file's text is already in the canonical layout.</summary>
    /// <param name="json">The rule file's text.</param>
    /// <returns><see langword="true"/> when formatting would not change it; <see langword="false"/> when it would, or when it cannot be formatted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static bool IsFormatted(string json) => Format(json) is { Success: true, Changed: false };

    private delegate void LineAction(ReadOnlySpan<byte> line, long lineNumber);

    private static void ForEachLine(Stream stream, Action unreadable, LineAction add, CancellationToken cancellationToken)
    {
        var lines = new JsonLines(stream, CaseJson.MaxBytes, cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!lines.TryReadLine(out var line, out var tooLong))
            {
                return;
            }

            if (tooLong > 0)
            {
                unreadable();
            }
            else if (!JsonLines.IsBlank(line))
            {
                add(line, lines.LineNumber);
            }
        }
    }
}
