using System.Text.Json;
using System.Text.RegularExpressions;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// Every Japanese message about a bad case is wholly Japanese: values are quoted with 「」, and outside the quotes the
/// only ASCII words are the case's own property names and a few literals and technical names (JSON, UTF-8, Unicode,
/// true, false, null).
/// </summary>
public sealed partial class JapaneseMessageTests
{
    private static readonly EvaluationOptions s_japanese = new() { Language = "ja" };

    private static readonly HashSet<string> s_allowedWords = BuildAllowedWords();

    public static TheoryData<string> BadCaseFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(BadCaseCorpusTests.BadDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                data.Add(file!);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadCaseFiles))]
    public void ReadAndEvaluateJson_BadCaseInJapanese_HasNoEnglishOutsideQuotesAndPropertyNames(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(BadCaseCorpusTests.BadDirectory, file));

        var messages = CaseJson.Read(bytes, "ja").Diagnostics
            .Concat(OfferEvaluator.Default.EvaluateJson(bytes, s_japanese).Issues)
            .Select(i => i.Message)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        Assert.NotEmpty(messages);
        var english = messages.Select(m => (Message: m, Words: EnglishIn(m))).Where(m => m.Words.Length > 0).Select(m => $"{m.Message} [{string.Join(", ", m.Words)}]");
        Assert.Empty(english);
    }

    [Theory]
    [InlineData("""{ "decline": { "channel": "fax" } }""", "文字列「fax」は channel に使えません。")]
    [InlineData("""{ "decline": { "declinedOn": 20250701 } }""", "指定値：数値「20250701」")]
    [InlineData("""{ "decline": { "declinedOn": "1899-12-31" } }""", "（日本時間で1900年1月1日〜2999年12月31日）")]
    [InlineData("""{ "decline": [] }""", "オブジェクトが必要ですが、配列が指定されています。")]
    [InlineData("""{ "Decline": {} }""", "不明なプロパティ「Decline」です。「decline」の誤りではありませんか。")]
    [InlineData("{ \"decline\": \n { \"channel\" ", "JSON として読み取れません（2行目、")]
    public void Read_BadCaseInJapanese_QuotesValuesAndWritesDatesTheJapaneseWay(string json, string expected)
    {
        var issue = Assert.Single(CaseJson.Read(json, "ja").Diagnostics);

        Assert.Contains(expected, issue.Message, StringComparison.Ordinal);
        Assert.Empty(EnglishIn(issue.Message));
    }

    [Fact]
    public void EnglishIn_EnglishFragment_IsFound()
    {
        Assert.Equal(["the", "string", "x", "to"], EnglishIn("the string \"x\" は 1900-01-01 to 2999-12-31 の外です。"));
        Assert.Empty(EnglishIn("文字列「the string to」は channel に使えません（不明な場合は null）。"));
    }

    /// <summary>Gets the ASCII words of a message outside 「」 that are neither property names nor allowed terms.</summary>
    private static string[] EnglishIn(string message)
    {
        var unquoted = Quoted().Replace(message, "「」");
        return [.. Word().Matches(unquoted).Select(m => m.Value).Where(w => !s_allowedWords.Contains(w))];
    }

    private static HashSet<string> BuildAllowedWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { "JSON", "UTF", "Unicode", "U", "true", "false", "null" };
        using var schema = JsonDocument.Parse(File.ReadAllBytes(Schemas.PathOf("case.schema.json")));
        Collect(schema.RootElement, words);
        return words;

        static void Collect(JsonElement element, HashSet<string> words)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in property.Value.EnumerateObject())
                        {
                            words.Add(name.Name);
                        }
                    }

                    Collect(property.Value, words);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, words);
                }
            }
        }
    }

    [GeneratedRegex("「[^」]*」")]
    private static partial Regex Quoted();

    [GeneratedRegex("[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex Word();
}
