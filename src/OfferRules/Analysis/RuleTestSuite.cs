using System.Collections.Immutable;

namespace OfferRules.Analysis;

/// <summary>
/// A rule test file: named cases, each with expectations on the result (status, outlook, confidence, the rules that
/// fire or do not, the states of named conditions and failure reasons, and the actions, caveats, fallbacks, drafts and
/// issues present or absent). Its format is <c>schema/ruletests.schema.json</c>; run it with
/// <see cref="RuleSetAnalysis.RunTests"/>.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleTestSuite
{
    internal RuleTestSuite(ImmutableArray<RuleTestCase> tests) => Tests = tests;

    /// <summary>Gets the tests, in file order.</summary>
    public ImmutableArray<RuleTestCase> Tests { get; }

    /// <summary>
    /// Reads a test file from JSON text. Every case must be written inline (<c>"case"</c>): a <c>"caseFile"</c>
    /// reference needs a directory to resolve it against (<see cref="Load(ReadOnlySpan{byte}, string?)"/> or
    /// <see cref="LoadFile"/>). Reading never throws for bad input.
    /// </summary>
    /// <param name="json">The test file's text.</param>
    /// <returns>The suite, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static RuleTestSuiteLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(System.Text.Encoding.UTF8.GetBytes(json), null);
    }

    /// <summary>Reads a test file from UTF-8 bytes (a leading byte order mark is allowed). Reading never throws for bad input.</summary>
    /// <param name="utf8Json">The test file's bytes.</param>
    /// <param name="baseDirectory">
    /// The directory that <c>"caseFile"</c> paths are resolved against; <see langword="null"/> to allow inline cases
    /// only, which is what a test file from an untrusted source (a tenant's upload) should be read with, so that it
    /// cannot make the host read its files.
    /// </param>
    /// <returns>The suite, or every problem found.</returns>
    public static RuleTestSuiteLoadResult Load(ReadOnlySpan<byte> utf8Json, string? baseDirectory) => RuleTestReader.Read(utf8Json, baseDirectory);

    /// <summary>
    /// Reads a test file from disk; <c>"caseFile"</c> paths are relative to its directory. A missing or unreadable
    /// file is a <c>file.unreadable</c> problem, not an exception. The test file is read to at most
    /// <see cref="OfferRules.Serialization.RuleSetLimits.MaxBytes"/> of the default limits and each case file to at most
    /// <see cref="OfferRules.Serialization.CaseJson.MaxBytes"/>, and one chunk more, also from a FIFO or a device; a larger input is a
    /// <c>tests.tooLarge</c> or <c>tests.caseFile</c> problem.
    /// </summary>
    /// <param name="path">The test file's path.</param>
    /// <returns>The suite, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static RuleTestSuiteLoadResult LoadFile(string path) => RuleTestReader.ReadFile(path);
}

/// <summary>One named test of a <see cref="RuleTestSuite"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleTestCase
{
    internal RuleTestCase(string name, string path, int? line, string caseJson, RuleTestExpectation expect)
    {
        Name = name;
        Path = path;
        Line = line;
        CaseJson = caseJson;
        Expect = expect;
    }

    /// <summary>Gets the test's name, unique in its file.</summary>
    public string Name { get; }

    /// <summary>Gets where the test is in its file, as a JSON Pointer such as <c>/tests/3</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the 1-based line the test starts on, when it is known.</summary>
    public int? Line { get; }

    /// <summary>Gets the case, as JSON text in the case contract.</summary>
    public string CaseJson { get; }

    internal RuleTestExpectation Expect { get; }
}

/// <summary>The outcome of reading a rule test file: the suite, or every problem found. Reading never throws for bad input.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleTestSuiteLoadResult
{
    internal RuleTestSuiteLoadResult(RuleTestSuite? value, ImmutableArray<AnalysisIssue> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets a value indicating whether the file was read.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    public bool Success => Value is not null;

    /// <summary>Gets the suite, or <see langword="null"/> when the file has errors.</summary>
    public RuleTestSuite? Value { get; }

    /// <summary>Gets every problem found, each with a JSON Pointer, line and column; empty on success.</summary>
    public ImmutableArray<AnalysisIssue> Diagnostics { get; }

    /// <summary>Gets the suite when it was read.</summary>
    /// <param name="suite">The suite, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the file was read.</returns>
    public bool TryGetValue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RuleTestSuite? suite)
    {
        suite = Value;
        return suite is not null;
    }
}
