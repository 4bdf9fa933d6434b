using System.Text;
using System.Text.Json;
using OfferRules.Cli;
using OfferRules.Serialization;

namespace OfferRules.Cli.Tests;

/// <summary>The batch form, <c>evaluate --jsonl FILE|-</c>: one case per line in, one result per line out.</summary>
public sealed class JsonLinesTests
{
    private static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "cases");

    private static (int Exit, string Out, string Err) Run(string[] args, byte[]? stdin = null, bool showProgress = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, () => new MemoryStream(stdin ?? []), stdout, stderr, showProgress);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>An example case file written on one line.</summary>
    private static string Line(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CasesDirectory, file)));
        return JsonSerializer.Serialize(document.RootElement);
    }

    private static JsonElement[] Parse(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string TempFile(string contents)
    {
        var path = Path.Combine(Path.GetTempPath(), $"offerrules-{Guid.NewGuid()}.jsonl");
        File.WriteAllText(path, contents);
        return path;
    }

    [Fact]
    public void Run_JsonlFile_GivesTheSameResultAsEachFileLabelledFileColonLine()
    {
        string[] files = ["S01-fresh-polite-decline-seats-open.json", "S04-eight-days-later.json", "S29-missed-calls-six-days.json"];
        var path = TempFile(string.Join("\n", files.Select(Line)) + "\n");
        try
        {
            var (exit, output, error) = Run(["evaluate", "--jsonl", path]);
            var (_, single, _) = Run(["evaluate", .. files.Select(f => Path.Combine(CasesDirectory, f)), "--format", "json"]);

            Assert.Equal(CliApp.Ok, exit);
            Assert.Empty(error);
            var batch = Parse(output);
            var one = Parse(single);
            Assert.Equal(files.Length, batch.Length);
            for (var i = 0; i < files.Length; i++)
            {
                Assert.Equal($"{path}:{i + 1}", batch[i].GetProperty("input").GetString());
                var expected = JsonSerializer.Serialize(one[i].EnumerateObject().Where(p => p.Name != "input").ToDictionary(p => p.Name, p => p.Value));
                var actual = JsonSerializer.Serialize(batch[i].EnumerateObject().Where(p => p.Name != "input").ToDictionary(p => p.Name, p => p.Value));
                Assert.Equal(expected, actual);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_JsonlStandardInput_LabelsLinesWithDashAndSkipsBlankLines()
    {
        var input = Encoding.UTF8.GetBytes($"{Line("S01-fresh-polite-decline-seats-open.json")}\r\n\r\n   \n{Line("S02-seat-filled.json")}");

        var (exit, output, _) = Run(["evaluate", "--jsonl", "-"], input);

        var lines = Parse(output);
        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal(["-:1", "-:4"], lines.Select(l => l.GetProperty("input").GetString()));
        Assert.Equal(["likely", "veryUnlikely"], lines.Select(l => l.GetProperty("outlook").GetString()));
    }

    [Fact]
    public void Run_JsonlBadLines_GetInvalidLinesAndNeverStopTheRun()
    {
        var good = Encoding.UTF8.GetBytes(Line("S01-fresh-polite-decline-seats-open.json"));
        using var input = new MemoryStream();
        input.Write(Encoding.UTF8.GetBytes("{ \"asOf\": \n"));                        // 1: malformed JSON
        input.Write([0xC3, 0x28, (byte)'\n']);                                          // 2: invalid UTF-8
        input.Write(Encoding.UTF8.GetBytes(Line("S25-declined-before-offer.json") + "\n")); // 3: contradictory facts
        input.Write(Encoding.UTF8.GetBytes("{\"kind\":\"nonsense\"}\n"));             // 4: unknown value
        input.Write(Encoding.UTF8.GetBytes("[" + new string(' ', 3 * 1024 * 1024) + "]\n")); // 5: longer than the limit
        input.Write(good);                                                              // 6: fine, and no final line break

        var (exit, output, _) = Run(["evaluate", "--jsonl", "-"], input.ToArray());

        var lines = Parse(output);
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(["-:1", "-:2", "-:3", "-:4", "-:5", "-:6"], lines.Select(l => l.GetProperty("input").GetString()));
        Assert.Equal(["invalid", "invalid", "invalid", "invalid", "invalid", "evaluated"], lines.Select(l => l.GetProperty("status").GetString()));
        Assert.Equal("case.malformedJson", lines[0].GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal("V-01", lines[2].GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal("case.tooLarge", lines[4].GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal("likely", lines[5].GetProperty("outlook").GetString());
    }

    [Fact]
    public void Run_JsonlOutlookOnly_WritesInputStatusOutlookAndConfidenceOnly()
    {
        var input = Encoding.UTF8.GetBytes($"{Line("S04-eight-days-later.json")}\nnot json\n{Line("S29-missed-calls-six-days.json")}\n");

        var (exit, output, _) = Run(["evaluate", "--jsonl", "-", "--outlook-only"], input);

        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal(
            """
            {"input":"-:1","status":"evaluated","outlook":"unlikely","confidence":"medium"}
            {"input":"-:2","status":"invalid","outlook":null,"confidence":null}
            {"input":"-:3","status":"evaluated","outlook":"possible","confidence":"medium"}

            """.ReplaceLineEndings("\n"),
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Run_OutlookOnlyWithFiles_WritesOneShortLinePerFile()
    {
        var path = Path.Combine(CasesDirectory, "S02-seat-filled.json");

        var (exit, output, _) = Run(["evaluate", path, "no-such-file.json", "--outlook-only"]);

        Assert.Equal(CliApp.SomeInvalid, exit);
        var lines = Parse(output);
        Assert.Equal([path, "no-such-file.json"], lines.Select(l => l.GetProperty("input").GetString()));
        Assert.Equal(["veryUnlikely", null], lines.Select(l => l.GetProperty("outlook").GetString()));
        Assert.All(lines, l => Assert.Equal(["input", "status", "outlook", "confidence"], l.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Run_JsonlMissingFile_WritesOneInvalidLineAndExitsOne()
    {
        var (exit, output, _) = Run(["evaluate", "--jsonl", "no-such-file.jsonl"]);

        var line = Assert.Single(Parse(output));
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal("no-such-file.jsonl", line.GetProperty("input").GetString());
        Assert.Equal("file.unreadable", line.GetProperty("issues")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Run_JsonlShortRunOnATerminal_DrawsNoProgressLine()
    {
        var input = Encoding.UTF8.GetBytes(Line("S01-fresh-polite-decline-seats-open.json") + "\n");

        var (exit, _, error) = Run(["evaluate", "--jsonl", "-"], input, showProgress: true);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("evaluate --jsonl")]
    [InlineData("evaluate --jsonl - x.json")]
    [InlineData("evaluate --jsonl - --jsonl other.jsonl")]
    [InlineData("evaluate --jsonl - --format text")]
    [InlineData("evaluate x.json --outlook-only --format text")]
    public void Run_JsonlUsageError_ExitsTwo(string commandLine)
    {
        var (exit, output, error) = Run(commandLine.Split(' '));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void ReadLine_HugeLineAmongManyLines_KeepsTheBufferBounded()
    {
        using var input = new MemoryStream();
        input.Write(Encoding.UTF8.GetBytes(new string('x', 8 * 1024 * 1024) + "\n"));
        for (var i = 0; i < 20_000; i++)
        {
            input.Write("{\"kind\":\"declineWithdrawal\"}\n"u8);
        }

        input.Position = 0;
        var reader = new JsonLines(input, 1024 * 1024);
        var lines = 0;
        long tooLong = 0;
        while (reader.TryReadLine(out _, out var skipped))
        {
            lines++;
            tooLong += skipped;
        }

        Assert.Equal(20_001, lines);
        Assert.Equal(8 * 1024 * 1024, tooLong);
        Assert.InRange(reader.BufferCapacity, 0, 4 * 1024 * 1024);
    }
}
