using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// The rule-set loader's diagnostics (code, JSON Pointer, line, column and message, in order) are pinned for every bad
/// rule file in the tests and for a few thousand mutants of two good ones, recorded before the loader was made faster
/// (issue 14): a faster reader must say exactly what the old one said (<c>TestData/golden/ruleset-diagnostics.sha256</c>,
/// one line per input).
/// </summary>
/// <remarks>
/// The mutants are made from the bytes of committed test files (never from the default policy, which changes with
/// its versions): a property renamed, a value turned into another type or into a near miss, a container replaced by a
/// number, the text cut short, and escapes (lone surrogates, valid pairs, an escaped backslash) written into strings.
/// After a change that is meant to alter diagnostics, regenerate the file with
/// <c>OFFERRULES_WRITE_GOLDEN=1 dotnet test tests/OfferRules.Tests --filter RuleSetJsonDifferentialTests</c> and say why
/// in the commit.
/// </remarks>
public sealed class RuleSetJsonDifferentialTests
{
    private const string FileName = "ruleset-diagnostics.sha256";

    private static readonly (string Name, string Text)[] s_escapes =
    [
        ("loneHigh", "\\uD800"), ("pair", "\\uD83D\\uDE00"), ("kana", "\\u3042"), ("escapedBackslash", "\\\\uD800"), ("highThenHigh", "\\uD800\\uD800"),
        ("loneLow", "\\uDC00"), ("lowThenHigh", "\\uDC00\\uD800"),
    ];

    private static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    [Fact]
    public void Load_BadRuleFilesAndMutants_GiveTheRecordedDiagnostics()
    {
        var inputs = Inputs().ToList();
        var actual = new List<string>(inputs.Count);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes, limits) in inputs)
        {
            var text = Render(RuleSetJson.Load(bytes, limits));
            texts[name] = text;
            actual.Add(name + " " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24]);
        }

        if (Environment.GetEnvironmentVariable("OFFERRULES_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "TestData", "golden", FileName), string.Join('\n', actual) + "\n");
            return;
        }

        var expected = File.ReadAllLines(Path.Combine(TestData, "golden", FileName));
        Assert.True(inputs.Count > 1_800, $"Only {inputs.Count} inputs.");
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < actual.Count; i++)
        {
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal))
            {
                var name = actual[i][..actual[i].LastIndexOf(' ')];
                Assert.Fail($"{name} gives other diagnostics than recorded (expected '{expected[i]}'). Now:\n{texts[name]}");
            }
        }
    }

    [Fact]
    public void Load_DifferentialBaseFiles_LoadWithoutProblems()
    {
        Assert.True(RuleSetJson.LoadFile(Path.Combine(TestData, "tenant-ruleset.json")).Success);
        Assert.True(RuleSetJson.LoadFile(Path.Combine(TestData, "differential", "default-excerpt.json")).Success);
    }

    internal static IEnumerable<(string Name, byte[] Bytes, RuleSetLimits Limits)> Inputs()
    {
        foreach (var folder in new[] { "hostile-rulesets", Path.Combine("fuzz", "ruleset") })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestData, folder)).Order(StringComparer.Ordinal))
            {
                yield return (folder.Replace('\\', '/') + "/" + Path.GetFileName(file), File.ReadAllBytes(file), RuleSetLimits.Default);
            }
        }

        var tenant = File.ReadAllBytes(Path.Combine(TestData, "tenant-ruleset.json"));
        var excerpt = File.ReadAllBytes(Path.Combine(TestData, "differential", "default-excerpt.json"));
        foreach (var (limit, limits) in TightLimits())
        {
            yield return ("tenant+" + limit, tenant, limits);
            yield return ("excerpt+" + limit, excerpt, limits);
        }

        foreach (var mutant in Mutants("tenant", tenant, every: 1))
        {
            yield return mutant;
        }

        foreach (var mutant in Mutants("excerpt", excerpt, every: 9))
        {
            yield return mutant;
        }
    }

    private static IEnumerable<(string, RuleSetLimits)> TightLimits()
    {
        var d = RuleSetLimits.Default;
        yield return ("MaxBytes", d with { MaxBytes = 1_000 });
        yield return ("MaxJsonDepth", d with { MaxJsonDepth = 5 });
        yield return ("MaxConditionDepth", d with { MaxConditionDepth = 1 });
        yield return ("MaxRules", d with { MaxRules = 1 });
        yield return ("MaxConditionNodes", d with { MaxConditionNodes = 3 });
        yield return ("MaxIdLength", d with { MaxIdLength = 3 });
        yield return ("MaxTextLength", d with { MaxTextLength = 5 });
        yield return ("MaxPlaceholders", d with { MaxPlaceholders = 1 });
        yield return ("MaxValuesPerList", d with { MaxValuesPerList = 1 });
        yield return ("MaxProbeValues", d with { MaxProbeValues = 1 });
        yield return ("MaxEvaluationCost", d with { MaxEvaluationCost = 10 });
        yield return ("MaxDiagnostics1", d with { MaxDiagnostics = 1, MaxIdLength = 3 });
        yield return ("MaxDiagnostics3", d with { MaxDiagnostics = 3, MaxTextLength = 5 });
    }

    /// <summary>Mutates every <paramref name="every"/>-th token of a file, several ways per kind of token.</summary>
    private static IEnumerable<(string, byte[], RuleSetLimits)> Mutants(string name, byte[] source, int every)
    {
        var reader = new Utf8JsonReader(source, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var tokens = new List<(JsonTokenType Type, int Start, int End)>();
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            var end = start + reader.ValueSpan.Length + (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? 2 : 0);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var copy = reader;
                copy.Skip();
                end = (int)copy.BytesConsumed;
            }

            tokens.Add((reader.TokenType, start, end));
        }

        var limits = RuleSetLimits.Default;
        for (var t = 0; t < tokens.Count; t += every)
        {
            var (type, start, end) = tokens[t];
            var at = FormattableString.Invariant($"{name}~{t}~");
            switch (type)
            {
                case JsonTokenType.PropertyName:
                    yield return (at + "rename", Splice(source, end - 1, end - 1, "x"), limits);
                    yield return (at + "escapedName", Splice(source, start + 1, start + 1, "\\u0061"), limits);
                    if (t % 3 == 0)
                    {
                        yield return (at + "loneSurrogateName", Splice(source, end - 1, end - 1, "\\uDC00"), limits);
                    }

                    break;
                case JsonTokenType.String:
                    yield return (at + "nearMiss", Splice(source, end - 1, end - 1, "x"), limits);
                    yield return (at + "number", Splice(source, start, end, "1"), limits);
                    yield return (at + "empty", Splice(source, start, end, "\"\""), limits);
                    yield return (at + "placeholder", Splice(source, end - 1, end - 1, " {nope}"), limits);
                    yield return (at + s_escapes[t % s_escapes.Length].Name, Splice(source, end - 1, end - 1, s_escapes[t % s_escapes.Length].Text), limits);
                    break;
                case JsonTokenType.Number:
                    yield return (at + "string", Splice(source, start, end, "\"1\""), limits);
                    yield return (at + "huge", Splice(source, start, end, "12345678901234567890"), limits);
                    yield return (at + "negative", Splice(source, start, end, "-40000"), limits);
                    break;
                case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                    yield return (at + "string", Splice(source, start, end, "\"true\""), limits);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    yield return (at + "number", Splice(source, start, end, "7"), limits);
                    yield return (at + "swap", Splice(source, start, end, type == JsonTokenType.StartObject ? "[]" : "{}"), limits);
                    break;
                default:
                    break;
            }

            if (t % 13 == 0)
            {
                yield return (at + "cut", source[..start], limits);
            }
        }
    }

    private static byte[] Splice(byte[] source, int start, int end, string text) =>
        [.. source.AsSpan(0, start), .. Encoding.UTF8.GetBytes(text), .. source.AsSpan(end)];

    internal static string Render(RuleSetLoadResult result)
    {
        var builder = new StringBuilder(result.Success ? "loaded\n" : "failed\n");
        foreach (var d in result.Diagnostics)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{d.Code}\t{JsonSerializer.Serialize(d.Path)}\t{d.Line}\t{d.Column}\t{JsonSerializer.Serialize(d.Message)}\n");
        }

        return builder.ToString();
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
