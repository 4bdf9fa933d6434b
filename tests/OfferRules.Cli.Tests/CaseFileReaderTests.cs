using System.Diagnostics;
using OfferRules.Cli.Tests.TestSupport;
using OfferRules.Serialization;

namespace OfferRules.Cli.Tests;

/// <summary>
/// Case arguments that are not regular files (a FIFO, <c>/dev/zero</c>, <c>/dev/stdin</c>) are read with a bound:
/// never more than the case limit and one byte, and an input over it is a <c>case.tooLarge</c> issue. Every test is
/// bounded by a timeout (WaitAsync throws TimeoutException), so a read without end fails the test instead of hanging it.
/// </summary>
public sealed class CaseFileReaderTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_DevZeroAsACase_StopsAtTheLimitAndReportsItTooLarge()
    {
        var run = Task.Run(() => Tool.Run("evaluate", "/dev/zero", "--format", "json"));

        var (exit, output, _) = await run.WaitAsync(s_timeout);
        var line = Assert.Single(Tool.ParseLines(output));
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal("/dev/zero", line.GetProperty("input").GetString());
        Assert.Equal("case.tooLarge", line.GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Contains($"{CaseJson.MaxBytes} bytes", line.GetProperty("issues")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FifoAsACase_EvaluatesWhatTheWriterSent()
    {
        using var fifo = Fifo.Create();
        var writer = Task.Run(() => File.WriteAllBytes(fifo.Path, File.ReadAllBytes(Tool.S01)));

        var run = Task.Run(() => Tool.Run("evaluate", fifo.Path, "--outlook-only"));

        var (exit, output, _) = await run.WaitAsync(s_timeout);
        await writer.WaitAsync(s_timeout);
        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal($"{{\"input\":\"{fifo.Path}\",\"status\":\"evaluated\",\"outlook\":\"likely\",\"confidence\":\"high\"}}\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Run_FifoThatNeverEnds_StopsAtTheLimitAndTheWriterIsToldSo()
    {
        using var fifo = Fifo.Create();
        var written = 0L;
        var writer = Task.Run(() =>
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                using var stream = new FileStream(fifo.Path, FileMode.Open, FileAccess.Write);
                while (written < 64L * 1024 * 1024)
                {
                    stream.Write(chunk);
                    written += chunk.Length;
                }
            }
            catch (IOException)
            {
                // The reader closed the FIFO: the broken pipe is what ends this writer.
            }
        });

        var run = Task.Run(() => Tool.Run("evaluate", fifo.Path, "--format", "json", "--lang", "ja"));

        var (exit, output, _) = await run.WaitAsync(s_timeout);
        await writer.WaitAsync(s_timeout);
        var issue = Assert.Single(Tool.ParseLines(output)).GetProperty("issues")[0];
        Assert.Equal(CliApp.SomeInvalid, exit);
        Assert.Equal("case.tooLarge", issue.GetProperty("code").GetString());
        Assert.Equal($"入力が上限の{CaseJson.MaxBytes}バイトを超えたため、そこで読み込みを止めました。", issue.GetProperty("message").GetString());
        Assert.InRange(written, CaseJson.MaxBytes, 8L * 1024 * 1024);
    }

    [Fact]
    public void Run_RegularFileOverTheLimit_IsTurnedDownByItsSize()
    {
        var path = Tool.TempFile(new string(' ', CaseJson.MaxBytes + 1), ".json");
        try
        {
            var (exit, output, _) = Tool.Run("evaluate", path, "--format", "json");

            var issue = Assert.Single(Tool.ParseLines(output)).GetProperty("issues")[0];
            Assert.Equal(CliApp.SomeInvalid, exit);
            Assert.Equal($"The file is {CaseJson.MaxBytes + 1} bytes; the limit is {CaseJson.MaxBytes}.", issue.GetProperty("message").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadBounded_StreamOfExactlyTheLimit_IsRead()
    {
        using var stream = new MemoryStream(new byte[1000]);

        var bytes = CaseFileReader.ReadBounded(stream, 1000, ja: false, out var issue);

        Assert.Null(issue);
        Assert.Equal(1000, bytes!.Length);
    }

    [Fact]
    public void ReadBounded_StreamOneByteOverTheLimit_IsAnIssueAndReadsNoFurther()
    {
        using var stream = new MemoryStream(new byte[500_000]);

        var bytes = CaseFileReader.ReadBounded(stream, 100_000, ja: false, out var issue);

        Assert.Null(bytes);
        Assert.Equal("case.tooLarge", issue!.Code);
        Assert.Equal(100_001, stream.Position);
    }

    /// <summary>A named pipe in the temporary directory, made with mkfifo and removed at the end.</summary>
    private sealed class Fifo : IDisposable
    {
        private Fifo(string path) => Path = path;

        public string Path { get; }

        public static Fifo Create()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"offerrules-fifo-{Guid.NewGuid()}");
            using var mkfifo = Process.Start("mkfifo", [path]);
            Assert.True(mkfifo.WaitForExit(s_timeout));
            Assert.Equal(0, mkfifo.ExitCode);
            return new Fifo(path);
        }

        public void Dispose()
        {
            // A reader or writer still waiting to open the FIFO is let go by opening the other end without blocking.
            try
            {
                File.Delete(Path);
            }
            catch (IOException)
            {
            }
        }
    }
}
