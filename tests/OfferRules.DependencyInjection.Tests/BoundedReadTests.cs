using Microsoft.Extensions.DependencyInjection;
using OfferRules.Evaluation;

namespace OfferRules.DependencyInjection.Tests;

/// <summary>A rule set from a stream or a file that never ends fails at the size limit, with the loader's diagnostic.</summary>
public sealed class BoundedReadTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Resolve_RuleSetStreamWithoutEnd_FailsWithTheSizeLimit()
    {
        using var provider = new ServiceCollection().AddOfferRules(o => o.UseRuleSetStream(() => new EndlessStream())).Services.BuildServiceProvider();

        var ex = await Task.Run(() => Record.Exception(() => provider.GetRequiredService<IOfferEvaluator>())).WaitAsync(s_timeout);

        Assert.NotNull(ex);
        Assert.Contains("ruleSet.limit", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_RuleSetFileDevZero_FailsWithTheSizeLimit()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero"))
        {
            return; // xunit 2 cannot skip at run time; there is no /dev/zero here
        }

        using var provider = new ServiceCollection().AddOfferRules(o => o.UseRuleSetFile("/dev/zero")).Services.BuildServiceProvider();

        var ex = await Task.Run(() => Record.Exception(() => provider.GetRequiredService<IOfferEvaluator>())).WaitAsync(s_timeout);

        Assert.NotNull(ex);
        Assert.Contains("ruleSet.limit", ex.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A stream that never ends: every read fills the whole buffer with spaces.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
