namespace OfferRules.Web.Tests;

public sealed class ChromiumFactAttributeTests
{
    [Fact]
    public void SkipReason_ChromiumMissingOutsideCi_SkipsWithTheInstallCommand()
    {
        var reason = ChromiumFactAttribute.SkipReason(chromiumInstalled: false, ci: null);

        Assert.NotNull(reason);
        Assert.Contains("apt-get install -y chromium", reason);
        Assert.NotNull(ChromiumFactAttribute.SkipReason(chromiumInstalled: false, ci: "false"));
    }

    [Fact]
    public void SkipReason_ChromiumMissingUnderCi_Runs()
    {
        Assert.Null(ChromiumFactAttribute.SkipReason(chromiumInstalled: false, ci: "true"));
    }

    [Fact]
    public void SkipReason_ChromiumInstalled_Runs()
    {
        Assert.Null(ChromiumFactAttribute.SkipReason(chromiumInstalled: true, ci: null));
        Assert.Null(ChromiumFactAttribute.SkipReason(chromiumInstalled: true, ci: "true"));
    }
}
