using OfferRules.Cli.Tests.TestSupport;

namespace OfferRules.Cli.Tests;

/// <summary>
/// Redirected output is byte for byte what the tool wrote before it drew on terminals: the files in Golden/ were
/// written by the command-line sample as it was before issue 13 (commit df7346a), run from the samples directory.
/// When a change to the default policy's texts is meant to change them, rewrite them with
/// <c>OFFERRULES_WRITE_GOLDEN=1 dotnet test tests/OfferRules.Cli.Tests</c> and review the diff.
/// </summary>
public sealed class GoldenOutputTests
{
    private static readonly string[] s_cases =
    [
        "S01-fresh-polite-decline-seats-open.json",
        "S02-seat-filled.json",
        "S18-already-refused.json",
        "S25-declined-before-offer.json",
        "S29-missed-calls-six-days.json",
    ];

    [Theory]
    [InlineData("evaluate-text-en.txt")]
    [InlineData("evaluate-text-ja.txt", "--lang", "ja")]
    [InlineData("evaluate-json.jsonl", "--format", "json")]
    [InlineData("evaluate-outlook-only.jsonl", "--outlook-only", "--lang", "ja")]
    public void Run_RedirectedOutput_IsByteForByteTheGoldenFile(string golden, params string[] options)
    {
        var (_, output, error) = Tool.Run(["evaluate", .. s_cases.Select(Tool.Case), .. options]);

        // The golden files name the cases as cases/NAME, as they were run.
        var actual = output.Replace(Tool.CasesDirectory + Path.DirectorySeparatorChar, "cases/", StringComparison.Ordinal);
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", golden);
        if (Environment.GetEnvironmentVariable("OFFERRULES_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Golden", golden), actual);
        }

        Assert.Empty(error);
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
