using System.Collections.Immutable;
using System.Text.Json;
using OfferRules.Evaluation;

namespace OfferRules.Analysis;

/// <summary>The outcome of <see cref="RuleSetAnalysis.RunTests"/>: one result per test, in file order.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleTestRunResult
{
    internal RuleTestRunResult(RuleSetIdentity ruleSet, ImmutableArray<RuleTestResult> results)
    {
        RuleSet = ruleSet;
        Results = results;
        Passed = results.Count(r => r.Passed);
    }

    /// <summary>Gets the rule set the tests ran against.</summary>
    public RuleSetIdentity RuleSet { get; }

    /// <summary>Gets the result of each test, in file order.</summary>
    public ImmutableArray<RuleTestResult> Results { get; }

    /// <summary>Gets how many tests passed.</summary>
    public int Passed { get; }

    /// <summary>Gets how many tests failed.</summary>
    public int Failed => Results.Length - Passed;

    /// <summary>Gets a value indicating whether every test passed.</summary>
    public bool Success => Failed == 0;

    /// <summary>
    /// Writes the run as one JSON object: <c>ruleSet</c>, <c>passed</c>, <c>failed</c> and <c>tests</c>, each with its
    /// <c>name</c>, <c>path</c>, <c>line</c>, <c>passed</c>, the actual <c>status</c>, <c>outlook</c> and
    /// <c>confidence</c>, and its <c>mismatches</c> (<c>field</c>, <c>id</c>, <c>expected</c>, <c>actual</c>, <c>path</c>).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteJson(Utf8JsonWriter writer) => AnalysisJson.Write(writer, this);

    /// <summary>Gets the run as JSON text (see <see cref="WriteJson"/>), Japanese unescaped.</summary>
    /// <param name="indented">Whether to indent the text.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false) => AnalysisJson.ToJson(w => WriteJson(w), indented);
}

/// <summary>The result of one rule test: passed, or every expectation it missed.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleTestResult
{
    internal RuleTestResult(RuleTestCase test, EvaluationResult result, ImmutableArray<RuleTestMismatch> mismatches)
    {
        Name = test.Name;
        Path = test.Path;
        Line = test.Line;
        Result = result;
        Mismatches = mismatches;
    }

    /// <summary>Gets the test's name.</summary>
    public string Name { get; }

    /// <summary>Gets where the test is in its file, as a JSON Pointer such as <c>/tests/3</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the 1-based line the test starts on, when it is known.</summary>
    public int? Line { get; }

    /// <summary>Gets a value indicating whether every expectation held.</summary>
    public bool Passed => Mismatches.IsEmpty;

    /// <summary>Gets the expectations that did not hold, in the order the test file states them; empty when the test passed.</summary>
    public ImmutableArray<RuleTestMismatch> Mismatches { get; }

    /// <summary>Gets the evaluation the expectations were checked against (English).</summary>
    public EvaluationResult Result { get; }
}

/// <summary>
/// One expectation of a rule test that did not hold: the field, and the expected and actual values in the test file's
/// own words, such as <c>outlook</c>: <c>likely</c> expected, <c>possible</c> actual, or <c>rules.fired</c> <c>R-H1</c>:
/// <c>fired</c> expected, <c>notFired</c> actual.
/// </summary>
/// <param name="Field">
/// The expectation: <c>status</c>, <c>outlook</c>, <c>confidence</c>, <c>rules.fired</c>, <c>rules.notFired</c>,
/// <c>conditions</c>, <c>failureReasons</c>, or <c>actions</c>, <c>caveats</c>, <c>fallbacks</c>, <c>drafts</c> or
/// <c>issues</c> followed by <c>.present</c> or <c>.absent</c>.
/// </param>
/// <param name="Id">The rule, condition, action or issue code the expectation names; <see langword="null"/> for status, outlook and confidence.</param>
/// <param name="Expected">
/// The expected value: a status, outlook or confidence name, <c>fired</c> or <c>notFired</c>, a condition state
/// (<c>met</c>, <c>notMet</c>, <c>unknown</c>), or <c>present</c> or <c>absent</c>.
/// </param>
/// <param name="Actual">The actual value in the same words; <c>none</c> when the result has no outlook or confidence, <c>absent</c> when it has no such condition.</param>
/// <param name="Path">Where the expectation is in the test file, as a JSON Pointer such as <c>/tests/3/expect/rules/fired/0</c>.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RuleTestMismatch(string Field, string? Id, string Expected, string Actual, string Path);
