using System.Security.Cryptography;
using System.Text;
using OfferRules.Benchmarks.Data;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Tests.Evaluation;

/// <summary>
/// Every optimisation keeps the evaluation JSON byte for byte: 10,000 generated cases plus the boundary cases, in
/// English and Japanese, read from their JSON as a service reads them, are compared with hashes recorded before the
/// optimisations (<c>TestData/golden/evaluations.sha256</c>, one line per case).
/// </summary>
/// <remarks>
/// After a change that is meant to alter results (a policy text, a new field), regenerate the file with
/// <c>OFFERRULES_WRITE_GOLDEN=1 dotnet test tests/OfferRules.Tests --filter EvaluationGoldenTests</c> and say why in the commit.
/// </remarks>
public sealed class EvaluationGoldenTests
{
    private const int GeneratedCount = 10_000;
    private const int Seed = 20261204;
    private const string FileName = "evaluations.sha256";

    [Fact]
    public void EvaluateJson_GeneratedAndBoundaryCases_AreByteForByteTheRecordedResults()
    {
        OfferCase[] cases = [.. CaseGenerator.Generate(GeneratedCount, Seed), .. CaseGenerator.Boundaries()];
        var actual = new string[cases.Length];
        var outputs = new string[cases.Length];
        for (var i = 0; i < cases.Length; i++)
        {
            var json = Encoding.UTF8.GetBytes(CaseJson.ToJson(cases[i]));
            outputs[i] = Render(json);
            actual[i] = Line(i, outputs[i]);
        }

        if (Environment.GetEnvironmentVariable("OFFERRULES_WRITE_GOLDEN") == "1")
        {
            var source = Path.Combine(SourceDirectory(), "TestData", "golden", FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, string.Join('\n', actual) + "\n");
            return;
        }

        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "golden", FileName));
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal))
            {
                Assert.Fail($"Case {i} evaluates to other bytes than recorded.\nCase: {CaseJson.ToJson(cases[i])}\nNow:\n{outputs[i]}");
            }
        }
    }

    [Fact]
    public void Decide_GeneratedCases_AgreesWithTheFullEvaluation()
    {
        foreach (var @case in CaseGenerator.Generate(2_000, Seed + 1))
        {
            var full = OfferEvaluator.Default.Evaluate(@case);
            var decision = OfferEvaluator.Default.Decide(@case);
            Assert.Equal((full.Status, full.Outlook, full.Confidence), (decision.Status, decision.Outlook, decision.Confidence));
        }
    }

    private static string Render(byte[] caseJson) =>
        EvaluationJson.ToJson(OfferEvaluator.Default.EvaluateJson(caseJson, new EvaluationOptions { Language = "en" })) + "\n"
        + EvaluationJson.ToJson(OfferEvaluator.Default.EvaluateJson(caseJson, new EvaluationOptions { Language = "ja" }));

    private static string Line(int index, string output) =>
        FormattableString.Invariant($"{index} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(output)))[..24]}");

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
