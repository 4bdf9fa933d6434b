using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// A stored result names the rule set (id, version, SHA-256 of the file's bytes) and the date it was evaluated at, so a
/// job board can replay it later: the same rule file and the same case JSON give the same JSON, byte for byte.
/// </summary>
public sealed class AuditRecordTests : IDisposable
{
    private static readonly DateTimeOffset s_muchLater = new(2031, 1, 15, 9, 0, 0, TimeSpan.FromHours(9));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "offerrules-audit-" + Guid.NewGuid().ToString("N"));

    public AuditRecordTests() => Directory.CreateDirectory(_directory);

    public static TheoryData<string, string, string> ExamplesAndRuleFiles()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var file in Directory.GetFiles(Cases.CasesDirectory, "S*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal))
        {
            data.Add(file, "default", "en");
            data.Add(file, "default", "ja");
            data.Add(file, "tenant", "ja");
        }

        return data;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(ExamplesAndRuleFiles))]
    public void Replay_SameRuleFileAndCaseLater_GivesByteIdenticalJson(string example, string rules, string language)
    {
        var ruleFile = WriteRuleFile(rules);
        var caseJson = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, example));
        var options = new EvaluationOptions { Language = language };
        var first = RuleSetJson.LoadFile(ruleFile).GetValueOrThrow();
        var stored = EvaluationJson.ToJson(new OfferEvaluator(first).EvaluateJson(caseJson, options), example);

        // Later, in another process: the same file is loaded again and the stored case evaluated again.
        var again = RuleSetJson.LoadFile(ruleFile).GetValueOrThrow();
        var replayed = EvaluationJson.ToJson(new OfferEvaluator(again, new FixedTimeProvider(s_muchLater)).EvaluateJson(caseJson, options), example);

        Assert.NotSame(first, again);
        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Equal(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(replayed));
    }

    [Fact]
    public void StoredResult_NamesTheRuleSetByTheHashOfItsBytesAndTheDate()
    {
        var ruleFile = WriteRuleFile("tenant");
        var ruleSet = RuleSetJson.LoadFile(ruleFile).GetValueOrThrow();
        var caseJson = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, "S01-fresh-polite-decline-seats-open.json"));

        using var stored = JsonDocument.Parse(EvaluationJson.ToJson(new OfferEvaluator(ruleSet).EvaluateJson(caseJson)));

        var record = stored.RootElement.GetProperty("ruleSet");
        Assert.Equal("tenant.acme", record.GetProperty("id").GetString());
        Assert.Equal("2025.1", record.GetProperty("version").GetString());
        Assert.Equal(Sha256(File.ReadAllBytes(ruleFile)), record.GetProperty("hash").GetString());
        Assert.Equal("2025-07-02", stored.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void DefaultRuleSet_HashIsTheSha256OfTheEmbeddedFile()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("OfferRules.default-policy.json")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        Assert.Equal(Sha256(buffer.ToArray()), RuleSet.Default.ContentHash);
        Assert.Equal(RuleSet.Default.ContentHash, RuleSetJson.Load(buffer.ToArray()).GetValueOrThrow().ContentHash);
    }

    [Theory]
    [InlineData("a new version", "\"version\": \"2025.1\"", "\"version\": \"2025.2\"")]
    [InlineData("a five-day week instead of seven", "\"withinWeekMaxDays\": 5", "\"withinWeekMaxDays\": 7")]
    [InlineData("a changed message", "and the seat at {offer.company} is open.", "and the seat at {offer.company} is still open.")]
    [InlineData("white space only", "\"schemaVersion\": 1,", "\"schemaVersion\":  1,")]
    public void Replay_ChangedRuleFile_HasADifferentHashAndSaysSo(string change, string from, string to)
    {
        var ruleFile = WriteRuleFile("tenant");
        var caseJson = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, "S05-seven-days-later.json"));
        var original = RuleSetJson.LoadFile(ruleFile).GetValueOrThrow();
        var stored = EvaluationJson.ToJson(new OfferEvaluator(original).EvaluateJson(caseJson));

        File.WriteAllText(ruleFile, File.ReadAllText(ruleFile).Replace(from, to, StringComparison.Ordinal));
        var changed = RuleSetJson.LoadFile(ruleFile).GetValueOrThrow();
        var replayed = EvaluationJson.ToJson(new OfferEvaluator(changed).EvaluateJson(caseJson));

        Assert.True(original.ContentHash != changed.ContentHash, $"The rule set kept its hash after {change}.");
        Assert.NotEqual(stored, replayed);
        using var document = JsonDocument.Parse(replayed);
        Assert.Equal(changed.ContentHash, document.RootElement.GetProperty("ruleSet").GetProperty("hash").GetString());
    }

    [Fact]
    public void Replay_ByteOrderMarkAdded_IsADifferentFileWithTheSameRules()
    {
        var ruleFile = WriteRuleFile("tenant");
        var bytes = File.ReadAllBytes(ruleFile);

        var plain = RuleSetJson.Load(bytes).GetValueOrThrow();
        var withBom = RuleSetJson.Load([0xEF, 0xBB, 0xBF, .. bytes]).GetValueOrThrow();

        Assert.NotEqual(plain.ContentHash, withBom.ContentHash);
        Assert.Equal((plain.Id, plain.Version), (withBom.Id, withBom.Version));
    }

    [Fact]
    public void Replay_CaseWithoutAsOf_IsIdenticalWhenTheClockIsPinnedToTheOriginalInstant()
    {
        // The stored asOf is a date, but call slots and action times follow the instant of evaluation. A case without
        // its own asOf therefore replays exactly only with the original instant: store it, or write asOf into the case.
        var caseJson = """{ "decline": { "declinedOn": "2025-07-09", "channel": "phone" }, "company": { "seatStatus": "open" } }"""u8.ToArray();
        var instant = new DateTimeOffset(2025, 7, 10, 14, 30, 0, TimeSpan.FromHours(9));
        var stored = EvaluationJson.ToJson(new OfferEvaluator(RuleSet.Default, new FixedTimeProvider(instant)).EvaluateJson(caseJson));

        var replayed = EvaluationJson.ToJson(new OfferEvaluator(RuleSet.Default, new FixedTimeProvider(instant)).EvaluateJson(caseJson));
        var withInstantInTheCase = EvaluationJson.ToJson(new OfferEvaluator(RuleSet.Default, new FixedTimeProvider(s_muchLater)).EvaluateJson(
            """{ "asOf": "2025-07-10T14:30:00+09:00", "decline": { "declinedOn": "2025-07-09", "channel": "phone" }, "company": { "seatStatus": "open" } }"""u8));

        Assert.Equal(stored, replayed);
        Assert.Equal(stored, withInstantInTheCase);
    }

    private static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private string WriteRuleFile(string rules)
    {
        var path = Path.Combine(_directory, rules + "-rules.json");
        if (rules == "tenant")
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "tenant-ruleset.json"), path, overwrite: true);
        }
        else
        {
            using var resource = typeof(RuleSet).Assembly.GetManifestResourceStream("OfferRules.default-policy.json")!;
            using var file = File.Create(path);
            resource.CopyTo(file);
        }

        return path;
    }
}
