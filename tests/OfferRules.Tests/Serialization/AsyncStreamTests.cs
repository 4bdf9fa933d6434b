using System.Text;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

/// <summary>The async stream overloads give what their sync twins give, honour cancellation and stop reading past the size limit.</summary>
public sealed class AsyncStreamTests
{
    public static TheoryData<string, string> ExampleFilesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Cases.CasesDirectory, "S*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal))
        {
            data.Add(file, "en");
            data.Add(file, "ja");
        }

        foreach (var file in Directory.GetFiles(BadCaseCorpusTests.BadDirectory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).Take(20))
        {
            data.Add("../bad-cases/" + file, "ja");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFilesAndLanguages))]
    public async Task ReadAsync_ExampleCase_GivesTheSameResultAsRead(string file, string language)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, file));

        var sync = CaseJson.Read(new MemoryStream(bytes), language);
        var async = await CaseJson.ReadAsync(new SlowStream(bytes, 7), language);

        Assert.Equal(sync.Value, async.Value);
        Assert.Equal(sync.Diagnostics.ToArray(), async.Diagnostics.ToArray());
    }

    [Theory]
    [MemberData(nameof(ExampleFilesAndLanguages))]
    public async Task EvaluateJsonAsync_ExampleCase_GivesTheSameResultAsEvaluateJson(string file, string language)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, file));
        var options = new EvaluationOptions { Language = language };

        var sync = OfferEvaluator.Default.EvaluateJson(bytes, options);
        var async = await OfferEvaluator.Default.EvaluateJsonAsync(new SlowStream(bytes, 100), options);
        var throughInterface = await ((IOfferEvaluator)new MinimalEvaluator()).EvaluateJsonAsync(new MemoryStream(bytes), options);

        Assert.Equal(EvaluationJson.ToJson(sync), EvaluationJson.ToJson(async));
        Assert.Equal(EvaluationJson.ToJson(sync), EvaluationJson.ToJson(throughInterface));
    }

    [Fact]
    public async Task LoadAsyncAndLoadFileAsync_DefaultPolicy_GiveTheSameRuleSetAsLoad()
    {
        var bytes = Encoding.UTF8.GetBytes(RuleSetJson.DefaultPolicyJson);
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "tenant-ruleset.json");

        var sync = RuleSetJson.Load(new MemoryStream(bytes)).GetValueOrThrow();
        var async = (await RuleSetJson.LoadAsync(new SlowStream(bytes, 4096))).GetValueOrThrow();
        var file = (await RuleSetJson.LoadFileAsync(path)).GetValueOrThrow();

        Assert.Equal((sync.Id, sync.Version, sync.ContentHash), (async.Id, async.Version, async.ContentHash));
        Assert.Equal(RuleSetJson.LoadFile(path).GetValueOrThrow().ContentHash, file.ContentHash);
    }

    [Fact]
    public async Task LoadFileAsync_MissingFile_IsADiagnosticLikeLoadFile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-rules.json");

        var async = await RuleSetJson.LoadFileAsync(path);

        Assert.Equal(RuleSetJson.LoadFile(path).Diagnostics.ToArray(), async.Diagnostics.ToArray());
        Assert.Equal("file.unreadable", Assert.Single(async.Diagnostics).Code);
    }

    [Fact]
    public async Task AsyncOverloads_PreCancelledToken_ThrowOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var bytes = Encoding.UTF8.GetBytes("{}");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await CaseJson.ReadAsync(new MemoryStream(bytes), null, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await RuleSetJson.LoadAsync(new MemoryStream(bytes), null, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await RuleSetJson.LoadFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "tenant-ruleset.json"), null, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await OfferEvaluator.Default.EvaluateJsonAsync(new MemoryStream(bytes), null, cts.Token));
    }

    [Fact]
    public async Task AsyncOverloads_CancelledMidRead_ThrowOperationCanceled()
    {
        var bytes = File.ReadAllBytes(Directory.GetFiles(Cases.CasesDirectory, "S01*.json").Single());
        var rules = Encoding.UTF8.GetBytes(RuleSetJson.DefaultPolicyJson);

        foreach (var read in new Func<Stream, CancellationToken, Task>[]
        {
            async (s, t) => await CaseJson.ReadAsync(s, "ja", t),
            async (s, t) => await RuleSetJson.LoadAsync(s, null, t),
            async (s, t) => await OfferEvaluator.Default.EvaluateJsonAsync(s, null, t),
        })
        {
            using var cts = new CancellationTokenSource();
            var stream = new SlowStream(bytes.Length > 64 ? bytes : rules, 16, afterChunks: 3, onChunk: cts.Cancel);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read(stream, cts.Token));
            Assert.True(stream.BytesRead < bytes.Length, $"Read {stream.BytesRead} of {bytes.Length} bytes.");
        }
    }

    [Fact]
    public async Task ReadAsyncAndEvaluateJsonAsync_EndlessStream_AreTooLargeAfterTheLimitAndOneChunk()
    {
        var reader = new CountingStream();
        var evaluator = new CountingStream();

        var read = await CaseJson.ReadAsync(reader, "ja");
        var result = await OfferEvaluator.Default.EvaluateJsonAsync(evaluator);

        var issue = Assert.Single(read.Diagnostics);
        Assert.Equal(("case.tooLarge", "$"), (issue.Code, issue.Path));
        Assert.Equal(CaseJson.Read(new CountingStream(), "ja").Diagnostics.ToArray(), read.Diagnostics.ToArray());
        Assert.Equal("case.tooLarge", Assert.Single(result.Issues).Code);
        Assert.Equal(EvaluationStatus.Invalid, result.Status);
        Assert.InRange(reader.BytesRead, CaseJson.MaxBytes + 1, CaseJson.MaxBytes + CaseJson.StreamChunk);
        Assert.InRange(evaluator.BytesRead, CaseJson.MaxBytes + 1, CaseJson.MaxBytes + CaseJson.StreamChunk);
    }

    [Fact]
    public async Task LoadAsync_EndlessStream_IsOverTheLimitAfterTheLimitAndOneChunk()
    {
        var limits = RuleSetLimits.Default with { MaxBytes = 200_000 };
        var stream = new CountingStream();

        var result = await RuleSetJson.LoadAsync(stream, limits);

        Assert.Equal(RuleSetJson.Load(new CountingStream(), limits).Diagnostics.ToArray(), result.Diagnostics.ToArray());
        Assert.Equal("ruleSet.limit", Assert.Single(result.Diagnostics).Code);
        Assert.InRange(stream.BytesRead, limits.MaxBytes + 1, limits.MaxBytes + RuleSetJson.StreamChunk);
    }

    /// <summary>A stream that hands out its bytes a few at a time, yielding between chunks, and can act after some chunks.</summary>
    private sealed class SlowStream(byte[] bytes, int chunk, int afterChunks = -1, Action? onChunk = null) : Stream
    {
        private int _position;
        private int _chunks;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            if (++_chunks == afterChunks)
            {
                onChunk?.Invoke();
            }

            var count = Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Only asynchronous reads are allowed.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An endless stream of spaces that counts how much was read from it.</summary>
    private sealed class CountingStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill((byte)' ');
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An implementation written before EvaluateJsonAsync existed, which gets the interface's default.</summary>
    private sealed class MinimalEvaluator : IOfferEvaluator
    {
        public OfferRules.Rules.RuleSet RuleSet => OfferEvaluator.Default.RuleSet;

        public Decision Decide(OfferRules.Domain.OfferCase offerCase) => OfferEvaluator.Default.Decide(offerCase);

        public EvaluationResult Evaluate(OfferRules.Domain.OfferCase offerCase, EvaluationOptions? options = null) => OfferEvaluator.Default.Evaluate(offerCase, options);

        public EvaluationResult EvaluateJson(ReadOnlySpan<byte> utf8Json, EvaluationOptions? options = null) => OfferEvaluator.Default.EvaluateJson(utf8Json, options);
    }
}
