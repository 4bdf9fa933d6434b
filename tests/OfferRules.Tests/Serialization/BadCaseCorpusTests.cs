using System.Text;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// The bad-input corpus: every file in <c>TestData/bad-cases/</c> is malformed, hostile or contradictory and must give
/// an invalid result whose issues point at the problem, never an exception. <c>TestData/bad-cases.expected.json</c>
/// lists each file with the issue code and JSON path it must produce. The files in <c>TestData/good-cases/</c> are
/// unusual but valid (a byte order mark, CRLF, escapes, the edges of the supported years) and must be evaluated.
/// Inputs too big to commit (100 MB, 10,000 levels) are built here at run time.
/// </summary>
public sealed class BadCaseCorpusTests
{
    private static readonly EvaluationOptions s_japanese = new() { Language = "ja" };

    public static string BadDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "bad-cases");

    public static string GoodDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "good-cases");

    public static TheoryData<string, string, string> BadCases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (file, code, path) in Expected())
            {
                data.Add(file, code, path);
            }

            return data;
        }
    }

    public static TheoryData<string> GoodCases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(GoodDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                data.Add(file!);
            }

            return data;
        }
    }

    [Fact]
    public void Corpus_HasAtLeastFiftyFiles_EachListedOnceWithItsExpectedIssue()
    {
        var listed = Expected().Select(e => e.File).ToArray();
        var present = Directory.GetFiles(BadDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.True(present.Length >= 50, $"Only {present.Length} bad cases.");
        Assert.Equal(present, listed.Order(StringComparer.Ordinal));
        Assert.Equal(listed.Length, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEmpty(Directory.GetFiles(GoodDirectory));
    }

    [Theory]
    [MemberData(nameof(BadCases))]
    public void EvaluateJson_BadCase_IsInvalidWithAnIssueAtTheOffendingMember(string file, string code, string path)
    {
        var bytes = File.ReadAllBytes(Path.Combine(BadDirectory, file));

        var read = CaseJson.Read(bytes);
        var english = OfferEvaluator.Default.EvaluateJson(bytes);
        var japanese = OfferEvaluator.Default.EvaluateJson(bytes, s_japanese);

        // Contradictions are read fine and reported by the evaluation; everything else fails to read.
        Assert.Equal(!code.StartsWith("V-", StringComparison.Ordinal), !read.Success);
        foreach (var result in new[] { english, japanese })
        {
            Assert.Equal(EvaluationStatus.Invalid, result.Status);
            Assert.Null(result.Outlook);
            Assert.NotEmpty(result.Issues);
            Assert.All(result.Issues, i => Assert.StartsWith("$", i.Path, StringComparison.Ordinal));
            Assert.All(result.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
            Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error && i.Code == code && i.Path == path);
            using var json = JsonDocument.Parse(EvaluationJson.ToJson(result, file));
            Assert.Equal("invalid", json.RootElement.GetProperty("status").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(GoodCases))]
    public void EvaluateJson_UnusualButValidCase_IsEvaluated(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(GoodDirectory, file));

        var read = CaseJson.Read(bytes);
        var result = OfferEvaluator.Default.EvaluateJson(bytes);

        Assert.True(read.Success, string.Join("; ", read.Diagnostics));
        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
        Assert.Equal(EvaluationStatus.Evaluated, OfferEvaluator.Default.EvaluateJson(bytes, s_japanese).Status);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void EvaluateJson_ByteOrderMark_GivesTheSameResultAsWithout()
    {
        var withBom = File.ReadAllBytes(Path.Combine(GoodDirectory, "bom-utf8.json"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, withBom[..3]);

        var a = OfferEvaluator.Default.EvaluateJson(withBom);
        var b = OfferEvaluator.Default.EvaluateJson(withBom.AsSpan(3));

        Assert.Equal(EvaluationJson.ToJson(b), EvaluationJson.ToJson(a));
    }

    [Fact]
    public void EvaluateJson_WholeCorpusInBothLanguages_GivesAResultForEveryFile()
    {
        // Speed is BenchmarkDotNet's to measure; this checks that every file, good or bad, gives a whole result.
        var files = Directory.GetFiles(BadDirectory).Concat(Directory.GetFiles(GoodDirectory)).Select(File.ReadAllBytes).ToArray();

        foreach (var bytes in files)
        {
            var english = OfferEvaluator.Default.EvaluateJson(bytes);
            var japanese = OfferEvaluator.Default.EvaluateJson(bytes, s_japanese);

            Assert.Equal(english.Status, japanese.Status);
            Assert.True(english.Status == EvaluationStatus.Evaluated || !english.Issues.IsEmpty);
            Assert.StartsWith("{", EvaluationJson.ToJson(english), StringComparison.Ordinal);
            Assert.StartsWith("{", EvaluationJson.ToJson(japanese), StringComparison.Ordinal);
        }

        Assert.NotEmpty(files);
    }

    [Fact]
    public void Read_HundredMegabyteString_IsTooLargeWithoutReadingIt()
    {
        const int Size = 100 * 1024 * 1024;
        var bytes = new byte[Size];
        var head = "{ \"candidate\": { \"name\": \""u8;
        var tail = "\" } }"u8;
        bytes.AsSpan().Fill((byte)'x');
        head.CopyTo(bytes);
        tail.CopyTo(bytes.AsSpan(Size - tail.Length));

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var fromBytes = CaseJson.Read(bytes);
        CaseReadResult fromStream;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            fromStream = CaseJson.Read(stream);
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var evaluated = OfferEvaluator.Default.EvaluateJson(bytes);

        foreach (var issues in new[] { fromBytes.Diagnostics, fromStream.Diagnostics, evaluated.Issues })
        {
            var issue = Assert.Single(issues);
            Assert.Equal(("case.tooLarge", "$"), (issue.Code, issue.Path));
        }

        // The stream is read in chunks only up to the 1 MiB limit; nothing near the input's size is allocated.
        Assert.True(allocated < 8 * 1024 * 1024, $"Reading allocated {allocated} bytes.");
    }

    [Fact]
    public void Read_HundredMillionCharacterString_IsTooLarge()
    {
        var json = "{ \"candidate\": { \"name\": \"" + new string('x', 100_000_000) + "\" } }";

        var issue = Assert.Single(CaseJson.Read(json).Diagnostics);

        Assert.Equal(("case.tooLarge", "$"), (issue.Code, issue.Path));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    [InlineData("[{\"offer\":", "}]")]
    public void Read_TenThousandLevelsDeep_IsTooDeep(string open, string close)
    {
        const int Depth = 10_000;
        var closed = "{\"offer\":" + string.Concat(Enumerable.Repeat(open, Depth)) + "1" + string.Concat(Enumerable.Repeat(close, Depth)) + "}";
        var unclosed = "{\"offer\":" + string.Concat(Enumerable.Repeat(open, Depth));

        foreach (var json in new[] { closed, unclosed })
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var result = OfferEvaluator.Default.EvaluateJson(bytes);

            Assert.Equal(EvaluationStatus.Invalid, result.Status);
            var issue = Assert.Single(result.Issues);
            Assert.Equal("case.tooDeep", issue.Code);
            Assert.StartsWith("$", issue.Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_JustOverTheSizeLimit_IsTooLarge_AndJustUnderIsRead()
    {
        var filler = CaseJson.MaxBytes - "{\"candidate\":{\"name\":\"x\"},\"$schema\":\"\"}".Length;
        var under = "{\"candidate\":{\"name\":\"x\"},\"$schema\":\"" + new string('s', filler) + "\"}";
        var over = "{\"candidate\":{\"name\":\"x\"},\"$schema\":\"" + new string('s', filler + 1) + "\"}";

        Assert.Equal(CaseJson.MaxBytes, Encoding.UTF8.GetByteCount(under));
        Assert.True(CaseJson.Read(Encoding.UTF8.GetBytes(under)).Success);
        Assert.Equal("case.tooLarge", Assert.Single(CaseJson.Read(Encoding.UTF8.GetBytes(over)).Diagnostics).Code);
    }

    private static (string File, string Code, string Path)[] Expected()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "bad-cases.expected.json")));
        return manifest.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("file").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("path").GetString()!))
            .ToArray();
    }
}
