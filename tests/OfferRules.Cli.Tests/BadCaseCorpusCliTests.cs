using System.Text.Json;
using OfferRules.Cli;

namespace OfferRules.Cli.Tests;

/// <summary>The whole bad-input corpus in one CLI run: one line per input, in order, and the good example unharmed.</summary>
public sealed class BadCaseCorpusCliTests
{
    private static string BadDirectory => Path.Combine(AppContext.BaseDirectory, "bad-cases");

    private static string GoodExample => Path.Combine(AppContext.BaseDirectory, "cases", "S01-fresh-polite-decline-seats-open.json");

    [Fact]
    public void Run_JsonOnTheWholeCorpusAndAGoodExample_PrintsOneLinePerInputInOrder()
    {
        var bad = Directory.GetFiles(BadDirectory).Order(StringComparer.Ordinal).ToArray();
        string[] inputs = [bad[0], GoodExample, .. bad[1..], GoodExample];
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = CliApp.Run(["evaluate", .. inputs, "--format", "json"], stdout, stderr);

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(bad.Length >= 50, $"Only {bad.Length} bad cases were copied.");
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(inputs.Length, lines.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            var root = line.RootElement;
            Assert.Equal(inputs[i], root.GetProperty("input").GetString());
            var good = inputs[i] == GoodExample;
            Assert.Equal(good ? "evaluated" : "invalid", root.GetProperty("status").GetString());
            Assert.Equal(good ? "likely" : null, root.GetProperty("outlook").GetString());
            if (!good)
            {
                var issues = root.GetProperty("issues");
                Assert.NotEqual(0, issues.GetArrayLength());
                Assert.All(issues.EnumerateArray(), issue => Assert.StartsWith("$", issue.GetProperty("path").GetString(), StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Run_TextOnTheWholeCorpus_ReportsEveryFileAndExitsOne()
    {
        var bad = Directory.GetFiles(BadDirectory).Order(StringComparer.Ordinal).ToArray();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = CliApp.Run(["evaluate", .. bad, GoodExample, "--lang", "ja"], stdout, stderr);

        var text = stdout.ToString();
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.All(bad, file => Assert.Contains(file, text, StringComparison.Ordinal));
        Assert.Contains(GoodExample, text, StringComparison.Ordinal);
    }
}
