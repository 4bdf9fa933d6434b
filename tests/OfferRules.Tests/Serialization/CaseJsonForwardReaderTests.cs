using System.Text;
using OfferRules.Benchmarks.Data;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// The forward reader (<c>CaseJsonForwardReader.cs</c>) against the document walker it replaces for clean cases: on
/// the bad-input corpus, the good cases, the fuzz corpus, hand-made edge cases and 10,000 generated cases (valid and
/// invalid), <see cref="CaseJson.Read(ReadOnlySpan{byte}, string)"/> gives exactly the issues (code, path, message, in
/// both languages) and exactly the case that <see cref="CaseJson.ReadWithDocument"/> gives, and the evaluations of the
/// two are byte-identical.
/// </summary>
public sealed class CaseJsonForwardReaderTests
{
    private static readonly EvaluationOptions s_japanese = new() { Language = "ja" };

    // A case without asOf is evaluated on the clock's day, and a result carries the clock's time: fix both.
    private static readonly OfferEvaluator s_evaluator = new(OfferEvaluator.Default.RuleSet, new FixedTimeProvider(CaseGenerator.AsOf));

    public static TheoryData<string> CorpusFiles
    {
        get
        {
            var data = new TheoryData<string>();
            var root = Path.Combine(AppContext.BaseDirectory, "TestData");
            foreach (var directory in new[] { "bad-cases", "good-cases", Path.Combine("fuzz", "case") })
            {
                foreach (var file in Directory.GetFiles(Path.Combine(root, directory)).Order(StringComparer.Ordinal))
                {
                    data.Add(Path.GetRelativePath(root, file));
                }
            }

            return data;
        }
    }

    /// <summary>Edge cases where a forward reader could part from the walker: escapes, "unknown", blanks, shapes, order.</summary>
    public static TheoryData<string> EdgeCases => new(
        """{"kind":"declineWithdrawal"}""",
        """{}""",
        """{"kind":null,"asOf":"unknown","offer":null,"decline":null}""",
        """{"k\u0069nd":"declineWithdrawal"}""",
        """{"kind":"decline\u0057ithdrawal"}""",
        """{"kind":"unkno\u0077n"}""",
        """{"kind":"unknown","kind":"unknown"}""",
        """{"$schema":{"a":["\ud800"]}}""",
        """{"$schema":"\ud800"}""",
        """{"$schema":{"a":["\u00e9"]},"kind":"declineWithdrawal"}""",
        """{"$schema":[1,2,{"x":null}],"asOf":"2025-07-02"}""",
        """{"asOf":"2025-07-02T09:30Z"}""",
        """{"asOf":"2025-07-02T09:30:00.5+09:00"}""",
        """{"asOf":"2025-07-02T24:00:00+09:00"}""",
        """{"asOf":"0001-01-01T00:00:00+00:00"}""",
        """{"asOf":"2025-02-29"}""",
        """{"asOf":"２０２５-07-02"}""",
        """{"offer":{"company":"   ","position":"\t","department":"a\u0007b","contactPerson":"unknown"}}""",
        """{"offer":{"company":"株式会社テスト","position":"\u958b\u767a","department":"\ud83d\ude00"}}""",
        """{"offer":{"company":"a\u007fb"}}""",
        """{"offer":{"company":"a\u0085b"}}""",
        """{"candidate":{"name":"  山田 太郎  ","school":"\u3000"}}""",
        """{"candidate":{"name":"\ud800"}}""",
        """{"offer":{"offeredOn":"2025-06-01","startsOn":"2026-04-01","viaRecruitmentAgent":"unknown","track":null}}""",
        """{"offer":{"offeredOn":" 2025-06-01"}}""",
        """{"offer":{"offeredOn":"2025-6-01"}}""",
        """{"offer":{"offeredOn":1}}""",
        """{"decline":{"explainedReason":"true"}}""",
        """{"company":{"businessHours":{"opens":"09:00","closes":"18:00"},"closedDates":["2025-07-11","2025-07-14"]}}""",
        """{"company":{"businessHours":{"closes":"18:00","opens":"09:00"}}}""",
        """{"company":{"businessHours":{"opens":"18:00","closes":"09:00"}}}""",
        """{"company":{"businessHours":{"opens":"9:00","closes":"18:00"}}}""",
        """{"company":{"businessHours":{"opens":"09:00"}}}""",
        """{"company":{"businessHours":"unknown","closedDates":"unknown"}}""",
        """{"company":{"businessHours":{"opens":"09:00","closes":"18:00","opens":"10:00"}}}""",
        """{"company":{"closedDates":[]}}""",
        """{"company":{"closedDates":[null]}}""",
        """{"company":{"closedDates":["unknown"]}}""",
        """{"company":{"closedDates":["1899-12-31"]}}""",
        """{"request":{"plannedContactAt":"2025-07-11T10:00:00+09:00","plannedChannel":"phone"}}""",
        """{"request":{"plannedContactAt":"2025-07-11T10:00:00+15:00"}}""",
        """{"request":{"plannedContactAt":"2025-07-11"}}""",
        """{"missedContact":{"plannedCallAt":"2025-07-11T10:00:00.1234567Z","cause":"unknown"}}""",
        """{"kind":"missedContact","missedContact":{"interviewedOn":"2025-07-01","firstMissedCallOn":"2025-07-08"}}""",
        """{"kind":"declineWithdrawal"} """,
        """{"kind":"declineWithdrawal"} {}""",
        """{"kind":"declineWithdrawal"}x""",
        """{"kind":"declineWithdrawal",}""",
        """{"kind":"declineWithdrawal"/*c*/}""",
        """[]""",
        """null""",
        """ """,
        """{"offer":[],"decline":"x","company":1}""",
        """{"Kind":"declineWithdrawal","extra":1}""",
        """{"offer":{"company":"a","company":"b"}}""",
        " \t\r\n{ \"kind\" :\t\"declineWithdrawal\" ,\r\n \"offer\" : { } , \"decline\" : null,\"company\":{\"closedDates\":[ \"2025-07-11\" , \"2025-07-14\" ]} }\n ",
        """{"kind":"declineWithdrawal","offer":nul}""",
        """{"kind":"declineWithdrawal","offer":nullx}""",
        """{"offer":{"viaRecruitmentAgent":truex}}""",
        """{"offer":{"viaRecruitmentAgent":tru}}""",
        """{"offer":{"viaRecruitmentAgent":falsetrue}}""",
        """{"company":{"closedDates":["2025-07-11",]}}""",
        """{"company":{"closedDates":[,"2025-07-11"]}}""",
        """{"company":{"closedDates":["2025-07-11" "2025-07-14"]}}""",
        """{"company":{"closedDates":["2025-07-11"}}""",
        """{"company":{"businessHours":{"opens":"09:00",}}}""",
        """{"company":{"businessHours":{"opens":"09:00" "closes":"18:00"}}}""",
        "{\"kind\":\"declineWithdrawal\"",
        """{"kind":"declineWithdrawal",""",
        """{"kind" "declineWithdrawal"}""",
        """{"kind":"declineWithdrawal""asOf":"2025-07-02"}""",
        """{,"kind":"declineWithdrawal"}""",
        """{"kind":"declineWithdrawal"}}""",
        "{\"offer\":{\"company\":\"a\tb\"}}",
        "{\"offer\":{\"company\":\"a\u0001b\"}}",
        "{\"offer\":{\"company\":\"a\u00a0b\"}}",
        """{"offer":{"company":"Sakura Logistics","position":"Engineer"},"candidate":{"name":"山田 太郎"}}""",
        """{"offer":{"company":"Sakura \"Logistics\""}}""",
        """{"offer":{"company":"Sakura\\Logistics"}}""",
        """{"$schema":"https://example.com/case.schema.json","kind":"declineWithdrawal"}""",
        """{"$schema":1}""",
        """{"$schema":null}""",
        "{\"kind\":\"declineWithdrawal\",\"asOf\":\"2025-07-02\"}\u0000",
        "{\"kind\":\"declineWithdrawal\"}\u000b",
        """{"offer":{"offeredOn":"2025-06-01","startsOn":"2026-04-01","viaRecruitmentAgent":"unknown","track":null,"evaluation":"high","stageAtDecline":"unknown"}}""",
        """{"offer":{"track":"Unknown"}}""",
        """{"offer":{"track":"newGraduat"}}""",
        """{"decline":{"declinedOn":"2025-02-30","channel":"phone"}}""",
        """{"decline":{"declinedOn":"1899-12-31"}}""",
        """{"decline":{"declinedOn":"2025-07-0a"}}""",
        """{"asOf":"2025-07-02T10:00:00+15:00"}""",
        """{"asOf":"2025-07-02T10:00:00-09:00","kind":"unknown"}""",
        """{"asOf":"2025-07-02T10:60:00+09:00"}""",
        """{"asOf":"0001-01-01T00:00:00+09:00"}""",
        """{"request":{"plannedContactAt":"2999-12-31T15:00:00+00:00"}}""",
        """{"request":{"plannedContactAt":"2999-12-31T14:59:59+00:00"}}""",
        """{"offer":{"evaluation":"highx"}}""",
        """{"offer":{"evaluation":"high"x}}""",
        """{"offer":{"evaluation":"hig"}}""",
        """{"offer":{"evaluation":"unknown","track":"unknown"}}""",
        """{"offer":{"evaluation" :"high"},"decline" :{"channel": "phone"}}""",
        """{"offer":{"evaluation":"high","evaluation":"low"}}""",
        """{"decline":{"channel":"phone"},"offer":{"evaluation":"high"},"kind":"declineWithdrawal"}""");

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFile_GivesWhatTheDocumentReaderGives(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", file));

        AssertSame(bytes);
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Read_EdgeCase_GivesWhatTheDocumentReaderGives(string json)
    {
        AssertSame(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [InlineData(" {\"kind\" : \"declineWithdrawal\" ,\r\n\"offer\" :\t{ \"company\" : \"Sakura Logistics\" , \"viaRecruitmentAgent\" : true } } \n")]
    [InlineData("{\"$schema\":\"x\",\"offer\":null,\"company\":{\"businessHours\":{\"closes\":\"18:00\",\"opens\":\"09:00\"},\"closedDates\":[]}}")]
    [InlineData("{\"candidate\":{\"name\":\"山田 太郎\",\"school\":\"unknown\"},\"offer\":{\"company\":\"  \"}}")]
    public void TryRead_CleanCaseInTheScannedSubset_ReadsItWithoutTheWalker(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var @case = CaseJson.ForwardReader.TryRead(bytes);

        Assert.NotNull(@case);
        Assert.Equal(CaseJson.ToJson(CaseJson.ReadWithDocument(bytes, null).Value!), CaseJson.ToJson(@case));
    }

    [Theory]
    [InlineData("{\"offer\":{\"company\":\"Sakura \\\"Logistics\\\"\"}}")]
    [InlineData("{\"$schema\":1}")]
    [InlineData("{\"$schema\":{\"a\":[]}}")]
    [InlineData("{\"kind\":\"declineWithdrawal\"} x")]
    [InlineData("{\"kind\":\"declineWithdrawal\",}")]
    [InlineData("{\"offer\":{\"viaRecruitmentAgent\":truex}}")]
    public void TryRead_EscapeNumberOrMalformedJson_LeavesItToTheWalker(string json)
    {
        Assert.Null(CaseJson.ForwardReader.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{\"offer\":{\"company\":\"A", "\"}}")]
    [InlineData("{\"$schema\":\"", "\",\"kind\":\"declineWithdrawal\"}")]
    [InlineData("{\"kind\":\"", "\"}")]
    [InlineData("{\"asOf\":\"2025-07-0", "\"}")]
    [InlineData("{\"offer\":{\"", "\":1}}")]
    [InlineData("{\"kind\":\"declineWithdrawal\"}", "")]
    [InlineData("{\"kind\":\"declineWithdrawal\"", "}")]
    public void Read_InvalidUtf8AnywhereInAnOtherwiseCleanCase_GivesWhatTheDocumentReaderGives(string before, string after)
    {
        foreach (var bad in new byte[][] { [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xE3, 0x81] })
        {
            byte[] bytes = [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];

            Assert.Null(CaseJson.ForwardReader.TryRead(bytes));
            AssertSame(bytes, evaluateJapanese: false);
        }
    }

    [Fact]
    public void Read_NestedTooDeep_GivesWhatTheDocumentReaderGives()
    {
        AssertSame(Encoding.UTF8.GetBytes("{\"$schema\":" + new string('[', 70) + new string(']', 70) + "}"));
        AssertSame(Encoding.UTF8.GetBytes("{\"$schema\":" + new string('[', 62) + new string(']', 62) + "}"));
    }

    [Fact]
    public void Read_TenThousandGeneratedCases_GivesWhatTheDocumentReaderGivesAndTakesTheForwardPath()
    {
        var cases = CaseGenerator.Generate(10_000, 20261205);
        var forward = 0;
        foreach (var @case in cases)
        {
            var bytes = Encoding.UTF8.GetBytes(CaseJson.ToJson(@case));
            AssertSame(bytes, evaluateJapanese: false);
            if (CaseJson.ForwardReader.TryRead(bytes) is not null)
            {
                forward++;
            }
        }

        // Every generated case is written cleanly (invalid ones are contradictions the evaluation finds, not bad JSON).
        Assert.Equal(cases.Length, forward);
    }

    [Fact]
    public void Read_GeneratedCasesWithOneValueBroken_GivesWhatTheDocumentReaderGives()
    {
        string[] breakers = ["null", "\"unknown\"", "1", "true", "\"\"", "{}", "[]", "\"x\\u0000\"", "\"2025-13-01\""];
        var random = new Random(20261206);
        foreach (var @case in CaseGenerator.Generate(400, 20261207))
        {
            var json = CaseJson.ToJson(@case);

            // Replace one value (after a ':') by another JSON value, keeping the rest.
            var colons = Enumerable.Range(0, json.Length).Where(i => json[i] == ':').ToArray();
            var at = colons[random.Next(colons.Length)] + 1;
            var end = at;
            if (json[at] == '"')
            {
                end = json.IndexOf('"', at + 1) + 1;
            }
            else if (json[at] is '{' or '[')
            {
                continue;
            }
            else
            {
                while (json[end] is not (',' or '}'))
                {
                    end++;
                }
            }

            var broken = json[..at] + breakers[random.Next(breakers.Length)] + json[end..];
            AssertSame(Encoding.UTF8.GetBytes(broken), evaluateJapanese: false);
        }
    }

    private static void AssertSame(byte[] bytes, bool evaluateJapanese = true)
    {
        foreach (var language in new[] { "en", "ja" })
        {
            var expected = CaseJson.ReadWithDocument(bytes, language);
            var actual = CaseJson.Read(bytes, language);

            Assert.Equal(expected.Success, actual.Success);
            Assert.Equal(Describe(expected), Describe(actual));
            if (expected.Success)
            {
                Assert.Equal(CaseJson.ToJson(expected.Value), CaseJson.ToJson(actual.Value!));
            }
        }

        var evaluator = s_evaluator;
        foreach (var options in evaluateJapanese ? new[] { EvaluationOptions.Default, s_japanese } : [EvaluationOptions.Default])
        {
            var read = CaseJson.ReadWithDocument(bytes, options.Language);
            var expected = read.TryGetValue(out var @case) ? evaluator.Evaluate(@case, options) : evaluator.CreateInvalid(read.Diagnostics);
            Assert.Equal(EvaluationJson.ToJson(expected), EvaluationJson.ToJson(evaluator.EvaluateJson(bytes, options)));
        }
    }

    private static string Describe(CaseReadResult result) =>
        string.Join('\n', result.Diagnostics.Select(i => $"{i.Severity} {i.Code} {i.Path} {i.Message}"));
}
