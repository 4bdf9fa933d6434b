using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Internal;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>One expectation of a rule test, as read: what it checks, the id it names and the value it expects.</summary>
internal sealed record RuleTestCheck(string Field, string? Id, string Expected, string Path);

/// <summary>What a rule test expects, in the order the file states it.</summary>
internal sealed record RuleTestExpectation(ImmutableArray<RuleTestCheck> Checks);

/// <summary>
/// Reads rule test files (<c>schema/ruletests.schema.json</c>) strictly and totally: every problem with its JSON
/// Pointer, line and column, in English and Japanese, never an exception.
/// </summary>
internal sealed class RuleTestReader
{
    private const int MaxTests = 10_000;
    private const int MaxIds = 1_000;

    private static readonly string[] s_rootProps = ["$schema", "schemaVersion", "description", "tests"];
    private static readonly string[] s_testProps = ["name", "description", "case", "caseFile", "expect"];
    private static readonly string[] s_expectProps = ["status", "outlook", "confidence", "rules", "conditions", "failureReasons", "actions", "caveats", "fallbacks", "drafts", "issues"];
    private static readonly string[] s_rulesProps = ["fired", "notFired"];
    private static readonly string[] s_presenceProps = ["present", "absent"];
    private static readonly string[] s_states = ["met", "notMet", "unknown"];

    private readonly List<AnalysisIssue> _issues = [];
    private readonly string? _baseDirectory;

    private RuleTestReader(string? baseDirectory) => _baseDirectory = baseDirectory;

    public static RuleTestSuiteLoadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > RuleSetLimits.Default.MaxBytes)
            {
                return Failed(AnalysisText.Error("tests.tooLarge", string.Empty,
                    $"The test file is {info.Length} bytes; the limit is {RuleSetLimits.Default.MaxBytes}.",
                    $"テストファイルが{info.Length}バイトあります。上限は{RuleSetLimits.Default.MaxBytes}バイトです。"));
            }

            // A FIFO or a device reports no size: the read itself stops one chunk past the limit.
            if (BoundedFile.Read(path, RuleSetLimits.Default.MaxBytes, out var seen) is not { } read)
            {
                return Failed(AnalysisText.Error("tests.tooLarge", string.Empty,
                    $"The test file is at least {seen} bytes; the limit is {RuleSetLimits.Default.MaxBytes}.",
                    $"テストファイルが{seen}バイト以上あります。上限は{RuleSetLimits.Default.MaxBytes}バイトです。"));
            }

            bytes = read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(AnalysisText.Error("file.unreadable", string.Empty,
                $"The file '{path}' could not be read: {ex.Message}",
                $"ファイル「{path}」を読み込めませんでした（{ex.Message}）。"));
        }

        return Read(bytes, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    public static RuleTestSuiteLoadResult Read(ReadOnlySpan<byte> utf8Json, string? baseDirectory)
    {
        if (utf8Json.Length > RuleSetLimits.Default.MaxBytes)
        {
            return Failed(AnalysisText.Error("tests.tooLarge", string.Empty,
                $"The test file is {utf8Json.Length} bytes; the limit is {RuleSetLimits.Default.MaxBytes}.",
                $"テストファイルが{utf8Json.Length}バイトあります。上限は{RuleSetLimits.Default.MaxBytes}バイトです。"));
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return Failed(AnalysisText.Error("tests.malformedJson", string.Empty, "The test file is not valid UTF-8.", "テストファイルが正しい UTF-8 ではありません。"));
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = CaseJson.MaxDepth + 8, CommentHandling = JsonCommentHandling.Skip });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                return Failed(AnalysisText.Error("tests.malformedJson", string.Empty, "The test file holds more than one JSON value.", "テストファイルに JSON の値が複数あります。"));
            }
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = ex.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            return Failed(AnalysisText.Error("tests.malformedJson", string.Empty, "The test file is not valid JSON.", "テストファイルが JSON として読み取れません。") with { Line = line, Column = column });
        }

        // An escaped lone surrogate parses but cannot be read as text.
        if (JsonPositions.FindUnreadableString(utf8Json, CaseJson.MaxDepth + 8) is var bad and >= 0)
        {
            var (line, column) = JsonPositions.LineAndColumn(utf8Json, (int)bad);
            document.Dispose();
            return Failed(AnalysisText.Error("tests.malformedJson", JsonPositions.PointerAt(utf8Json, bad),
                "A string has a \\u escape that is not valid Unicode text, such as a lone surrogate \\uD800.",
                "文字列に、有効な Unicode 文字にならない \\u エスケープ（単独のサロゲート \\uD800 など）があります。") with { Line = line, Column = column });
        }

        using (document)
        {
            var walker = new RuleTestReader(baseDirectory);
            var tests = walker.ReadRoot(document.RootElement);
            if (walker._issues.Count > 0)
            {
                return new RuleTestSuiteLoadResult(null, Locate(utf8Json, walker._issues));
            }

            var lines = JsonPositions.Locate(utf8Json, [.. tests.Select(t => new RuleSetDiagnostic("test", t.Path, string.Empty))]).ToList();
            var located = tests.Select((t, i) => new RuleTestCase(t.Name, t.Path, lines[i].Line, t.CaseJson, t.Expect)).ToImmutableArray();
            return new RuleTestSuiteLoadResult(new RuleTestSuite(located), []);
        }
    }

    private static RuleTestSuiteLoadResult Failed(AnalysisIssue issue) => new(null, [issue]);

    private static ImmutableArray<AnalysisIssue> Locate(ReadOnlySpan<byte> utf8Json, List<AnalysisIssue> issues)
    {
        var located = JsonPositions.Locate(utf8Json, [.. issues.Select(i => new RuleSetDiagnostic(i.Code, i.Path, string.Empty))]).ToList();
        return [.. issues.Select((issue, i) => issue.Line is null ? issue with { Line = located[i].Line, Column = located[i].Column } : issue)];
    }

    private List<RuleTestCase> ReadRoot(JsonElement root)
    {
        var tests = new List<RuleTestCase>();
        if (!Object(root, string.Empty, "the test file", "テストファイル", s_rootProps))
        {
            return tests;
        }

        if (!root.TryGetProperty("schemaVersion", out var version))
        {
            Missing(string.Empty, "schemaVersion", "the test file", "テストファイル");
        }
        else if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1)
        {
            Error("tests.schemaVersion", "/schemaVersion", $"This version of OfferRules reads test files of schemaVersion 1, not {Describe(version)}.", $"このバージョンの OfferRules が読めるのは schemaVersion 1 のテストファイルです（指定値：{Describe(version)}）。");
        }

        OptionalString(root, string.Empty, "description");
        if (!root.TryGetProperty("tests", out var array))
        {
            Missing(string.Empty, "tests", "the test file", "テストファイル");
            return tests;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            WrongType("/tests", "'tests'", "an array", "配列", array);
            return tests;
        }

        if (array.GetArrayLength() > MaxTests)
        {
            Error("tests.limit", "/tests", $"The file has {array.GetArrayLength()} tests; the limit is {MaxTests}.", $"テストが{array.GetArrayLength()}件あります。上限は{MaxTests}件です。");
            return tests;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = "/tests/" + (index++).ToString(CultureInfo.InvariantCulture);
            if (ReadTest(item, at, names) is { } test)
            {
                tests.Add(test);
            }

            if (_issues.Count >= 100)
            {
                break;
            }
        }

        return tests;
    }

    private RuleTestCase? ReadTest(JsonElement item, string at, HashSet<string> names)
    {
        if (!Object(item, at, "a test", "テスト", s_testProps))
        {
            return null;
        }

        var name = RequiredString(item, at, "name", "a test", "テスト");
        if (name is not null && !names.Add(name))
        {
            Error("tests.duplicateName", at + "/name", $"Another test is already named '{JsonWalker.Shorten(name)}'; names must be unique.", $"「{JsonWalker.Shorten(name)}」という名前のテストがすでにあります。名前は重複できません。");
        }

        OptionalString(item, at, "description");
        var hasCase = item.TryGetProperty("case", out var inline);
        var hasFile = item.TryGetProperty("caseFile", out var file);
        string? caseJson = null;
        if (hasCase == hasFile)
        {
            Error("tests.case", at, "A test needs exactly one of 'case' (the case written inline) and 'caseFile' (a path to it).", "テストには「case」（ケースを直接記述）と「caseFile」（ケースファイルのパス）のどちらか一方だけが必要です。");
        }
        else if (hasCase)
        {
            if (inline.ValueKind != JsonValueKind.Object)
            {
                WrongType(at + "/case", "'case'", "an object in the case contract", "ケースの形式のオブジェクト", inline);
            }
            else
            {
                caseJson = inline.GetRawText();
            }
        }
        else
        {
            caseJson = ReadCaseFile(file, at + "/caseFile");
        }

        RuleTestExpectation? expect = null;
        if (!item.TryGetProperty("expect", out var expectElement))
        {
            Missing(at, "expect", "a test", "テスト");
        }
        else
        {
            expect = ReadExpect(expectElement, at + "/expect");
        }

        return name is null || caseJson is null || expect is null ? null : new RuleTestCase(name, at, null, caseJson, expect);
    }

    private string? ReadCaseFile(JsonElement file, string at)
    {
        if (file.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(file.GetString()))
        {
            WrongType(at, "'caseFile'", "a non-empty path", "空でないパス", file);
            return null;
        }

        var relative = file.GetString()!;
        if (_baseDirectory is null)
        {
            Error("tests.caseFile", at, "This test file was read from text, so 'caseFile' cannot be resolved; write the case inline with 'case', or read the test file from disk.", "このテストファイルはテキストとして読み込まれたため、「caseFile」を解決できません。「case」でケースを直接記述するか、テストファイルをディスクから読み込んでください。");
            return null;
        }

        var path = Path.Combine(_baseDirectory, relative);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > CaseJson.MaxBytes)
            {
                Error("tests.caseFile", at, $"The case file '{JsonWalker.Shorten(relative)}' is larger than {CaseJson.MaxBytes} bytes.", $"ケースファイル「{JsonWalker.Shorten(relative)}」が{CaseJson.MaxBytes}バイトを超えています。");
                return null;
            }

            if (BoundedFile.Read(path, CaseJson.MaxBytes, out _) is not { } bytes)
            {
                Error("tests.caseFile", at, $"The case file '{JsonWalker.Shorten(relative)}' is larger than {CaseJson.MaxBytes} bytes.", $"ケースファイル「{JsonWalker.Shorten(relative)}」が{CaseJson.MaxBytes}バイトを超えています。");
                return null;
            }

            return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error("tests.caseFile", at, $"The case file '{JsonWalker.Shorten(relative)}' could not be read: {ex.Message}", $"ケースファイル「{JsonWalker.Shorten(relative)}」を読み込めませんでした（{ex.Message}）。");
            return null;
        }
    }

    private RuleTestExpectation? ReadExpect(JsonElement element, string at)
    {
        var before = _issues.Count;
        if (!Object(element, at, "'expect'", "「expect」", s_expectProps))
        {
            return null;
        }

        var checks = ImmutableArray.CreateBuilder<RuleTestCheck>();
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(s_expectProps, property.Name) < 0)
            {
                continue; // already reported by Object
            }

            var path = JsonWalker.Child(at, property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "status":
                    Name(value, path, "status", JsonNames<EvaluationStatus>.Names, nullable: false, checks);
                    break;
                case "outlook":
                    Name(value, path, "outlook", JsonNames<Outlook>.Names, nullable: true, checks);
                    break;
                case "confidence":
                    Name(value, path, "confidence", JsonNames<Confidence>.Names, nullable: true, checks);
                    break;
                case "rules":
                    Lists(value, path, "rules", s_rulesProps, checks);
                    break;
                case "conditions" or "failureReasons":
                    States(value, path, property.Name, checks);
                    break;
                default:
                    Lists(value, path, property.Name, s_presenceProps, checks);
                    break;
            }
        }

        if (_issues.Count > before)
        {
            return null;
        }

        if (checks.Count == 0)
        {
            Error("tests.emptyExpectation", at, "'expect' states nothing, so the test could never fail; expect at least one thing.", "「expect」に何も書かれていないため、このテストは失敗しようがありません。少なくとも1つは期待値を書いてください。");
            return null;
        }

        return new RuleTestExpectation(checks.ToImmutable());
    }

    private void Name(JsonElement value, string path, string field, string[] names, bool nullable, ImmutableArray<RuleTestCheck>.Builder checks)
    {
        if (value.ValueKind == JsonValueKind.Null && nullable)
        {
            checks.Add(new RuleTestCheck(field, null, "none", path));
            return;
        }

        if (value.ValueKind == JsonValueKind.String && Array.IndexOf(names, value.GetString()) >= 0)
        {
            checks.Add(new RuleTestCheck(field, null, value.GetString()!, path));
            return;
        }

        var allowed = string.Join(", ", names) + (nullable ? ", null" : string.Empty);
        Error("tests.invalidValue", path, $"{Describe(value)} is not a valid {field}. Use one of: {allowed}.", $"{Describe(value)}は{field}として使えません。次のいずれかを使ってください：{allowed}。");
    }

    private void Lists(JsonElement value, string path, string field, string[] lists, ImmutableArray<RuleTestCheck>.Builder checks)
    {
        if (!Object(value, path, $"'{field}'", $"「{field}」", lists))
        {
            return;
        }

        foreach (var list in value.EnumerateObject())
        {
            var listPath = JsonWalker.Child(path, list.Name);
            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                WrongType(listPath, $"'{list.Name}'", "an array of ids", "id の配列", list.Value);
                continue;
            }

            if (list.Value.GetArrayLength() > MaxIds)
            {
                Error("tests.limit", listPath, $"The list has more than {MaxIds} ids.", $"id が{MaxIds}個を超えています。");
                continue;
            }

            var i = 0;
            foreach (var id in list.Value.EnumerateArray())
            {
                var idPath = JsonWalker.Child(listPath, i++);
                if (id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
                {
                    WrongType(idPath, "An id", "a non-empty string", "空でない文字列", id);
                    continue;
                }

                // The list's name is the expected value: fired, notFired, present or absent.
                checks.Add(new RuleTestCheck($"{field}.{list.Name}", id.GetString(), list.Name, idPath));
            }
        }
    }

    private void States(JsonElement value, string path, string field, ImmutableArray<RuleTestCheck>.Builder checks)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            WrongType(path, $"'{field}'", "an object of condition ids and states", "条件の id と状態のオブジェクト", value);
            return;
        }

        foreach (var state in value.EnumerateObject())
        {
            var statePath = JsonWalker.Child(path, state.Name);
            if (state.Value.ValueKind == JsonValueKind.String && Array.IndexOf(s_states, state.Value.GetString()) >= 0)
            {
                checks.Add(new RuleTestCheck(field, state.Name, state.Value.GetString()!, statePath));
            }
            else
            {
                Error("tests.invalidValue", statePath, $"{Describe(state.Value)} is not a condition state. Use one of: met, notMet, unknown.", $"{Describe(state.Value)}は条件の状態として使えません。met、notMet、unknown のいずれかを使ってください。");
            }
        }
    }

    private bool Object(JsonElement element, string at, string whatEn, string whatJa, string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongType(at, whatEn, "an object", "オブジェクト", element);
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                var hint = Suggest(property.Name, allowed);
                var name = JsonWalker.Shorten(property.Name);
                Error("tests.unknownProperty", JsonWalker.Child(at, property.Name),
                    $"'{name}' is not a property of {Lower(whatEn)}.{(hint is null ? $" Use one of: {string.Join(", ", allowed)}." : $" Did you mean '{hint}'?")}",
                    $"「{name}」は{whatJa}のプロパティではありません。{(hint is null ? $"次のいずれかを使ってください：{string.Join("、", allowed)}。" : $"「{hint}」のことですか？")}");
            }
        }

        return true;
    }

    private string? RequiredString(JsonElement obj, string at, string name, string whatEn, string whatJa)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            Missing(at, name, whatEn, whatJa);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()) || value.GetString()!.Length > 200)
        {
            WrongType(JsonWalker.Child(at, name), $"'{name}'", "a non-empty string of at most 200 characters", "200文字以内の空でない文字列", value);
            return null;
        }

        return value.GetString();
    }

    private void OptionalString(JsonElement obj, string at, string name)
    {
        if (obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.String)
        {
            WrongType(JsonWalker.Child(at, name), $"'{name}'", "a string", "文字列", value);
        }
    }

    private void Missing(string at, string name, string whatEn, string whatJa) =>
        Error("tests.missingProperty", at, $"{Upper(whatEn)} needs the property '{name}'.", $"{whatJa}にはプロパティ「{name}」が必要です。");

    private void WrongType(string at, string whatEn, string expectedEn, string expectedJa, JsonElement actual) =>
        Error("tests.wrongType", at, $"{Upper(whatEn)} must be {expectedEn}, not {Describe(actual)}.", $"{(whatEn.StartsWith('\'') ? "「" + whatEn.Trim('\'') + "」" : "値")}は{expectedJa}でなければなりません（実際：{Describe(actual)}）。");

    private void Error(string code, string at, string en, string ja)
    {
        if (_issues.Count < 100)
        {
            _issues.Add(AnalysisText.Error(code, at, JsonWalker.Printable(en), JsonWalker.Printable(ja)));
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "\"" + JsonWalker.Shorten(value.GetString()!) + "\"",
        JsonValueKind.Number => value.GetRawText().Length <= 30 ? value.GetRawText() : "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Upper(string text) => text.Length > 0 && char.IsAsciiLetterLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string Lower(string text) => text.Length > 1 && char.IsAsciiLetterUpper(text[0]) && !char.IsAsciiLetterUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string? Suggest(string name, string[] allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var d = Distance(name, candidate);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 100 || Math.Abs(a.Length - b.Length) > 10)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
