using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OfferRules.Benchmarks.Peers;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Tests;

/// <summary>
/// The out-of-process peers in <c>benchmarks/peers-js</c> (json-rules-engine and zen-engine) give exactly OfferRules'
/// decision on the cases the benchmark program exports, and the harness's check catches a decision that differs.
/// </summary>
public sealed class JsPeersTests
{
    private const int GeneratedCount = 10_000;

    [Fact]
    public void WriteCasesWithDecisions_EquivalenceCases_EachLineHoldsTheCaseAndOfferRulesDecision()
    {
        var cases = OutOfProcessPeers.EquivalenceCases(500).ToArray();
        using var buffer = new MemoryStream();

        var written = OutOfProcessPeers.WriteCasesWithDecisions(buffer, cases);

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Length, written);
        Assert.Equal(cases.Length, lines.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            var read = CaseJson.Read(line.RootElement.GetProperty("case").GetRawText());
            Assert.True(read.Success, string.Join("; ", read.Diagnostics));
            Assert.Equal(cases[i], read.Value);
            Assert.Equal(OutOfProcessPeers.DecisionJson(OfferEvaluator.Default.Decide(cases[i])), line.RootElement.GetProperty("expected").GetRawText());
        }
    }

    [Fact]
    public void DecisionJson_InvalidAndEvaluated_UsesTheContractNamesAndNulls()
    {
        Assert.Equal("""{"status":"invalid","outlook":null,"confidence":null}""", OutOfProcessPeers.DecisionJson(new Decision(EvaluationStatus.Invalid, null, null)));
        Assert.Equal(
            """{"status":"evaluated","outlook":"veryUnlikely","confidence":"medium"}""",
            OutOfProcessPeers.DecisionJson(new Decision(EvaluationStatus.Evaluated, Outlook.VeryUnlikely, Confidence.Medium)));
    }

    [Theory]
    [InlineData("export-cases")]
    [InlineData("export-cases", "ten", "cases.jsonl")]
    [InlineData("export-cases", "10", "cases.jsonl", "--everything")]
    [InlineData("timed-loop", "10")]
    [InlineData("timed-loop", "0", "1")]
    public void Commands_BadArguments_ExitWithUsageError(params string[] args)
    {
        var exit = args[0] == "export-cases" ? OutOfProcessPeers.ExportCases(args) : OutOfProcessPeers.TimedLoop(args);

        Assert.Equal(2, exit);
    }

    [JsPeersFact]
    public void JsPeers_TenThousandGeneratedAndBoundaryCases_DecideExactlyLikeOfferRules()
    {
        using var work = new TemporaryDirectory();
        var casesFile = Path.Combine(work.Path, "cases.jsonl");
        using (var file = File.Create(casesFile))
        {
            OutOfProcessPeers.WriteCasesWithDecisions(file, OutOfProcessPeers.EquivalenceCases(GeneratedCount));
        }

        var expected = File.ReadLines(casesFile).Select(line => Decision(JsonDocument.Parse(line).RootElement.GetProperty("expected"))).ToArray();

        // Both engines at once: each is its own node process.
        var runs = new[] { "json-rules-engine", "zen-engine" }
            .Select(engine => (Engine: engine, Output: Path.Combine(work.Path, engine + ".jsonl")))
            .Select(run => (run.Engine, run.Output, Task: Task.Run(() => Node("decide", run.Engine, casesFile, run.Output, "--seconds", "0"))))
            .ToArray();
        foreach (var (engine, output, task) in runs)
        {
            var (exit, stdout, stderr) = task.GetAwaiter().GetResult();
            Assert.True(exit == 0, $"{engine}: exit {exit}\n{stdout}\n{stderr}");

            var decisions = File.ReadLines(output).Select(line => Decision(JsonDocument.Parse(line).RootElement)).ToArray();
            Assert.Equal(expected.Length, decisions.Length);
            var differing = Enumerable.Range(0, expected.Length).Where(i => decisions[i] != expected[i]).ToArray();
            Assert.True(differing.Length == 0, $"{engine}: {differing.Length} of {expected.Length} decisions differ, the first on line {differing.FirstOrDefault() + 1}: {decisions.ElementAtOrDefault(differing.FirstOrDefault())} instead of {expected.ElementAtOrDefault(differing.FirstOrDefault())}");

            var compare = Node("compare", casesFile, output);
            Assert.True(compare.Exit == 0, $"{engine}: the harness's own check failed: {compare.Stdout}{compare.Stderr}");
        }
    }

    [Fact]
    public void JsPeersCompare_OneDecisionDiffers_ExitsNonZeroAndNamesTheLine()
    {
        using var work = new TemporaryDirectory();
        var casesFile = Path.Combine(work.Path, "cases.jsonl");
        using (var file = File.Create(casesFile))
        {
            OutOfProcessPeers.WriteCasesWithDecisions(file, OutOfProcessPeers.EquivalenceCases(20).Take(20));
        }

        // OfferRules' own decisions, with the third one changed.
        var decisions = File.ReadLines(casesFile).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("expected").GetRawText()).ToArray();
        decisions[2] = decisions[2] == OutOfProcessPeers.DecisionJson(new Decision(EvaluationStatus.Evaluated, Outlook.Likely, Confidence.Low))
            ? OutOfProcessPeers.DecisionJson(new Decision(EvaluationStatus.Evaluated, Outlook.Possible, Confidence.Low))
            : OutOfProcessPeers.DecisionJson(new Decision(EvaluationStatus.Evaluated, Outlook.Likely, Confidence.Low));
        var decisionsFile = Path.Combine(work.Path, "decisions.jsonl");
        File.WriteAllText(decisionsFile, string.Join("\n", decisions) + "\n");

        var (exit, _, stderr) = Node("compare", casesFile, decisionsFile);

        Assert.Equal(1, exit);
        Assert.Contains("1 of 20 decisions differ", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipReason_NotInstalledOutsideCi_SkipsWithTheInstallCommand()
    {
        var reason = JsPeersFactAttribute.SkipReason(installed: false, ci: null);

        Assert.NotNull(reason);
        Assert.Contains("npm install", reason, StringComparison.Ordinal);
        Assert.NotNull(JsPeersFactAttribute.SkipReason(installed: false, ci: "false"));
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "true")]
    [InlineData(false, "TRUE")]
    public void SkipReason_InstalledOrUnderCi_Runs(bool installed, string? ci)
    {
        Assert.Null(JsPeersFactAttribute.SkipReason(installed, ci));
    }

    private static string Decision(JsonElement element)
    {
        static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
        return $"{Text(element, "status")}/{Text(element, "outlook") ?? "-"}/{Text(element, "confidence") ?? "-"}";
    }

    private static (int Exit, string Stdout, string Stderr) Node(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(JsPeersFactAttribute.HarnessDirectory, "run.js"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', args)} ran for more than 5 minutes.");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "offerrules-peers-" + Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>
/// A fact that needs the harness's packages (<c>benchmarks/peers-js/node_modules</c>, which <c>.ci/run</c> installs).
/// Without them the test is skipped, never passed, with a message; under <c>CI=true</c> it always runs, so a missing
/// install fails instead of going unnoticed. The test itself installs nothing.
/// </summary>
public sealed class JsPeersFactAttribute : FactAttribute
{
    public JsPeersFactAttribute()
    {
        Skip = SkipReason(Directory.Exists(Path.Combine(HarnessDirectory, "node_modules")), Environment.GetEnvironmentVariable("CI"));
    }

    /// <summary>Gets <c>benchmarks/peers-js</c> in the repository this test was built from.</summary>
    public static string HarnessDirectory { get; } = FindHarness();

    /// <summary>Why the test is skipped, or <see langword="null"/> when it runs.</summary>
    /// <param name="installed">Whether the harness's node_modules exist.</param>
    /// <param name="ci">The value of the <c>CI</c> environment variable.</param>
    /// <returns>The message xunit shows for the skipped test.</returns>
    internal static string? SkipReason(bool installed, string? ci) =>
        installed || string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The JS peers are not installed: run 'npm install' in {HarnessDirectory} to check them. (Under CI=true this test always runs; .ci/run installs them.)";

    private static string FindHarness()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OfferRules.sln")))
            {
                return Path.Combine(directory.FullName, "benchmarks", "peers-js");
            }
        }

        throw new InvalidOperationException($"No OfferRules.sln above {AppContext.BaseDirectory}.");
    }
}
