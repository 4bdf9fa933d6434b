using System.Diagnostics;
using System.Text;
using OfferRules.Analysis;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// Every public file and stream input stops at its limit and says so, also when the input never ends: a stream that
/// never ends, <c>/dev/zero</c> (a device that reports no size) and a FIFO fed without end. Each test has a timeout, so
/// a reader that reads on fails instead of hanging the run.
/// </summary>
public sealed class BoundedReadTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private const string DevZero = "/dev/zero";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("offerrules-bounded-");

    public void Dispose() => _directory.Delete(recursive: true);

    private static bool HasDevZero => !OperatingSystem.IsWindows() && File.Exists(DevZero);

    [Fact]
    public async Task ReadAndLoad_EndlessStream_StopAtTheLimitAndReportIt()
    {
        var results = await Bounded(async () =>
        {
            var read = CaseJson.Read(new EndlessStream(), "en");
            var readAsync = await CaseJson.ReadAsync(new EndlessStream(), "en");
            var evaluated = await OfferEvaluator.Default.EvaluateJsonAsync(new EndlessStream());
            var load = RuleSetJson.Load(new EndlessStream());
            var loadAsync = await RuleSetJson.LoadAsync(new EndlessStream());
            return (read, readAsync, evaluated, load, loadAsync);
        });

        Assert.Equal("case.tooLarge", Assert.Single(results.read.Diagnostics).Code);
        Assert.Equal("case.tooLarge", Assert.Single(results.readAsync.Diagnostics).Code);
        Assert.Equal(("case.tooLarge", EvaluationStatus.Invalid), (Assert.Single(results.evaluated.Issues).Code, results.evaluated.Status));
        Assert.Equal("ruleSet.limit", Assert.Single(results.load.Diagnostics).Code);
        Assert.Equal("ruleSet.limit", Assert.Single(results.loadAsync.Diagnostics).Code);
    }

    [Fact]
    public async Task RuleFileLoaders_DevZero_StopAtTheLimitAndReportIt()
    {
        if (!HasDevZero)
        {
            return; // xunit 2 cannot skip at run time; there is no /dev/zero here
        }

        var (load, loadAsync, check) = await Bounded(async () =>
            (RuleSetJson.LoadFile(DevZero), await RuleSetJson.LoadFileAsync(DevZero), RuleSetAnalysis.CheckFile(DevZero)));

        Assert.Equal("ruleSet.limit", Assert.Single(load.Diagnostics).Code);
        Assert.Equal("ruleSet.limit", Assert.Single(loadAsync.Diagnostics).Code);
        Assert.False(check.Success);
        var error = Assert.Single(check.Errors);
        Assert.Equal("ruleSet.limit", error.Code);
        Assert.StartsWith("The rule file is at least ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"bytes; the limit is {RuleSetLimits.Default.MaxBytes}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFile_DevZeroWithASmallLimit_StopsAtThatLimit()
    {
        if (!HasDevZero)
        {
            return; // xunit 2 cannot skip at run time; there is no /dev/zero here
        }
        var limits = RuleSetLimits.Default with { MaxBytes = 1000 };

        var check = await Bounded(() => Task.FromResult(RuleSetAnalysis.CheckFile(DevZero, limits)));

        Assert.Equal("The rule file is at least 81920 bytes; the limit is 1000.", Assert.Single(check.Errors).Message);
    }

    [Fact]
    public async Task RuleTestSuiteLoadFile_DevZeroAsTheTestFile_IsTooLarge()
    {
        if (!HasDevZero)
        {
            return; // xunit 2 cannot skip at run time; there is no /dev/zero here
        }

        var load = await Bounded(() => Task.FromResult(RuleTestSuite.LoadFile(DevZero)));

        var problem = Assert.Single(load.Diagnostics);
        Assert.Equal("tests.tooLarge", problem.Code);
        Assert.StartsWith("The test file is at least ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleTestSuiteLoadFile_DevZeroAsACaseFile_NamesTheCaseFile()
    {
        if (!HasDevZero)
        {
            return; // xunit 2 cannot skip at run time; there is no /dev/zero here
        }
        var path = Path.Combine(_directory.FullName, "t.tests.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "tests": [ { "name": "t", "caseFile": "/dev/zero", "expect": { "status": "evaluated" } } ] }""", Encoding.UTF8);

        var load = await Bounded(() => Task.FromResult(RuleTestSuite.LoadFile(path)));

        var problem = Assert.Single(load.Diagnostics);
        Assert.Equal(("tests.caseFile", "/tests/0/caseFile"), (problem.Code, problem.Path));
        Assert.Contains($"is larger than {CaseJson.MaxBytes} bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileLoaders_FifoFedWithoutEnd_StopAtTheLimitAndReportIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // xunit 2 cannot skip at run time; FIFOs are a Unix thing
        }
        var fifo = MakeFifo("endless.fifo");

        var load = await WithEndlessWriter(fifo, () => RuleSetJson.LoadFile(fifo));
        var loadAsync = await WithEndlessWriter(fifo, () => RuleSetJson.LoadFileAsync(fifo).AsTask().GetAwaiter().GetResult());
        var check = await WithEndlessWriter(fifo, () => RuleSetAnalysis.CheckFile(fifo));
        var tests = await WithEndlessWriter(fifo, () => RuleTestSuite.LoadFile(fifo));

        Assert.Equal("ruleSet.limit", Assert.Single(load.Diagnostics).Code);
        Assert.Equal("ruleSet.limit", Assert.Single(loadAsync.Diagnostics).Code);
        Assert.Equal("ruleSet.limit", Assert.Single(check.Errors).Code);
        Assert.Equal("tests.tooLarge", Assert.Single(tests.Diagnostics).Code);
    }

    [Fact]
    public async Task FileLoaders_FifoWithAWholeRuleFile_LoadIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // xunit 2 cannot skip at run time; FIFOs are a Unix thing
        }
        var fifo = MakeFifo("policy.fifo");
        var policy = Encoding.UTF8.GetBytes(RuleSetJson.DefaultPolicyJson);

        var load = await WithWriter(fifo, policy, () => RuleSetJson.LoadFile(fifo));
        var check = await WithWriter(fifo, policy, () => RuleSetAnalysis.CheckFile(fifo));

        Assert.True(load.Success);
        Assert.True(check.Success);
        Assert.Equal(RuleSet.Default.ContentHash, load.Value!.ContentHash);
    }

    [Fact]
    public async Task CoverageAndDiff_LineWithoutEnd_StopWhenCancelled()
    {
        using var coverage = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var diff = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var ruleSet = RuleSet.Default;

        await Bounded(async () =>
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => RuleSetAnalysis.Coverage(ruleSet, new EndlessStream((byte)'x'), cancellationToken: coverage.Token)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => RuleSetAnalysis.Diff(ruleSet, ruleSet, new EndlessStream((byte)'x'), cancellationToken: diff.Token)));
            return true;
        });
    }

    private static async Task<T> Bounded<T>(Func<Task<T>> read)
    {
        var watch = Stopwatch.StartNew();
        var result = await Task.Run(read).WaitAsync(s_timeout);
        Assert.True(watch.Elapsed < s_timeout, $"Took {watch.Elapsed}.");
        return result;
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_directory.FullName, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Runs a reader while another thread writes to the FIFO until the reader closes it.</summary>
    private static async Task<T> WithEndlessWriter<T>(string fifo, Func<T> read)
    {
        var writer = Task.Run(() =>
        {
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            try
            {
                using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                // The reader stopped reading and closed its end (EPIPE): that is the point.
            }
        });
        var result = await Bounded(() => Task.FromResult(read()));
        await writer.WaitAsync(s_timeout);
        return result;
    }

    private static async Task<T> WithWriter<T>(string fifo, byte[] bytes, Func<T> read)
    {
        var writer = Task.Run(() =>
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(bytes);
        });
        var result = await Bounded(() => Task.FromResult(read()));
        await writer.WaitAsync(s_timeout);
        return result;
    }

    /// <summary>A stream that never ends: every read fills the whole buffer.</summary>
    private sealed class EndlessStream(byte fill = (byte)' ') : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(fill);
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.Span.Fill(fill);
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
