using System.Text.Json;
using OfferRules.Cli.Tests.TestSupport;
using OfferRules.Rules;

namespace OfferRules.Cli.Tests;

/// <summary>
/// The real tool in a child process: Ctrl-C and SIGTERM, a reader that goes away, a full disk, <c>/dev/stdin</c>.
/// Every wait is bounded by <see cref="ChildCli.Timeout"/>.
/// </summary>
public sealed class ProgramTests
{
    [Fact]
    public void Main_SigintWhileWaitingForInput_FlushesTheWholeLinesSaysWhereItStoppedAndExits130()
    {
        using var child = ChildCli.Start("evaluate", "--jsonl", "-", "--outlook-only");
        foreach (var line in Tool.JsonLines(3).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            child.Process.StandardInput.WriteLine(line);
        }

        child.Process.StandardInput.Flush();

        // The results are flushed before the next read waits, so all three arrive while standard input stays open.
        string[] lines = [child.ReadLine(), child.ReadLine(), child.ReadLine()];
        child.Signal(ChildCli.Sigint);
        var exit = child.WaitForExit();

        Assert.Equal(CliApp.Interrupted, exit);
        Assert.Equal(["-:1", "-:2", "-:3"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("input").GetString()));
        Assert.Empty(ChildCli.ReadToEnd(child.Process.StandardOutput));
        Assert.Equal(
            "offerrules: stopped by SIGINT after line 3 of - (3 results written). To resume, run the same command with --skip 3.",
            ChildCli.ReadToEnd(child.Process.StandardError).TrimEnd());
    }

    [Fact]
    public void Main_SigtermDuringABatch_EndsOnAWholeLineAndTheSkipItNamesResumesExactly()
    {
        var path = Tool.TempFile(Tool.JsonLines(300));
        try
        {
            using var child = ChildCli.Start("evaluate", "--jsonl", path);
            var first = child.ReadLine();

            // The tool is now blocked writing into the full pipe, or evaluating: either way in the middle of the batch.
            child.Signal(ChildCli.Sigterm);
            var rest = ChildCli.ReadToEnd(child.Process.StandardOutput);
            var exit = child.WaitForExit();
            var error = ChildCli.ReadToEnd(child.Process.StandardError);

            Assert.Equal(CliApp.Interrupted, exit);
            var written = first + "\n" + rest;
            Assert.EndsWith("\n", written, StringComparison.Ordinal);
            var results = Tool.ParseLines(written);
            Assert.InRange(results.Length, 1, 299);
            var skip = System.Text.RegularExpressions.Regex.Match(error, "--skip ([0-9]+)\\.");
            Assert.True(skip.Success, error);
            Assert.Equal(results.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), skip.Groups[1].Value);
            Assert.Contains("stopped by SIGTERM", error, StringComparison.Ordinal);

            var (_, resumed, _) = Tool.Run("evaluate", "--jsonl", path, "--skip", skip.Groups[1].Value);
            var (_, whole, _) = Tool.Run("evaluate", "--jsonl", path);
            Assert.Equal(whole, written + resumed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("check", "/dev/stdin")]
    [InlineData("fmt", "-")]
    [InlineData("evaluate", "--rules", "/dev/stdin", "x.json")]
    public void Main_SigintWhileReadingARuleFileFromAPipe_StopsAndExits130(params string[] args)
    {
        using var child = ChildCli.Start(args);
        child.WaitUntilReadingAPipe();

        child.Signal(ChildCli.Sigint);
        var exit = child.WaitForExit();

        Assert.Equal(CliApp.Interrupted, exit);
        Assert.Empty(ChildCli.ReadToEnd(child.Process.StandardOutput));
        Assert.Matches("^offerrules: stopped by SIGINT while reading (/dev/stdin|-); nothing was written\\.$", ChildCli.ReadToEnd(child.Process.StandardError).TrimEnd());
    }

    [Fact]
    public void Main_ReaderOfTheOutputGoesAway_StopsPromptlyAndQuietlyWith141()
    {
        var path = Tool.TempFile(Tool.JsonLines(20_000));
        try
        {
            using var child = ChildCli.Start("evaluate", "--jsonl", path);
            child.ReadLine();

            // As `| head -1` does: the reading end of the pipe closes.
            child.Process.StandardOutput.Close();
            var exit = child.WaitForExit();

            Assert.Equal(CliApp.BrokenPipe, exit);
            Assert.Empty(ChildCli.ReadToEnd(child.Process.StandardError));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Main_OutputToAFullDisk_SaysSoAndExits74()
    {
        using var child = ChildCli.StartShell($"evaluate '{Tool.S01}' > /dev/full");

        var exit = child.WaitForExit();

        Assert.Equal(CliApp.WriteFailed, exit);
        Assert.StartsWith("offerrules: the results could not be written: No space left on device", ChildCli.ReadToEnd(child.Process.StandardError), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">")]
    [InlineData(">>")]
    public void Main_OutputToAFileSharedWithTheShell_KeepsWhatCameBeforeAndAfter(string redirection)
    {
        var path = Path.Combine(Path.GetTempPath(), $"offerrules-shared-{Guid.NewGuid():N}.txt");
        try
        {
            // One descriptor for the whole group, as in "(echo before; offerrules ...; echo after) > log".
            using var child = ChildCli.StartFile("/bin/sh", ["-c", $"{{ echo before; /usr/bin/env dotnet '{ChildCli.Dll}' evaluate '{Tool.S01}' --outlook-only; echo after; }} {redirection} '{path}'"]);

            Assert.Equal(CliApp.Ok, child.WaitForExit());
            Assert.Equal(
                "before\n{\"input\":\"" + Tool.S01 + "\",\"status\":\"evaluated\",\"outlook\":\"likely\",\"confidence\":\"high\"}\nafter\n",
                File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Main_DevStdinAsACase_EvaluatesWhatWasPiped()
    {
        using var child = ChildCli.Start("evaluate", "/dev/stdin", "--outlook-only");
        child.Process.StandardInput.Write(File.ReadAllText(Tool.S01));
        child.Process.StandardInput.Close();

        var output = ChildCli.ReadToEnd(child.Process.StandardOutput);

        Assert.Equal(CliApp.Ok, child.WaitForExit());
        Assert.Equal("{\"input\":\"/dev/stdin\",\"status\":\"evaluated\",\"outlook\":\"likely\",\"confidence\":\"high\"}", output.TrimEnd());
    }

    [Fact]
    public void Main_Version_PrintsTheToolVersionAndTheDefaultRuleSet()
    {
        using var child = ChildCli.Start("--version");

        var output = ChildCli.ReadToEnd(child.Process.StandardOutput);

        Assert.Equal(CliApp.Ok, child.WaitForExit());
        Assert.Contains($"{RuleSet.Default.Id} {RuleSet.Default.Version} {RuleSet.Default.ContentHash}", output, StringComparison.Ordinal);
    }
}
