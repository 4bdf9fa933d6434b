using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

public sealed class RuleSetLimitsTests
{
    public static TheoryData<string, int> OutOfRange() => new()
    {
        { nameof(RuleSetLimits.MaxBytes), 0 },
        { nameof(RuleSetLimits.MaxBytes), -1 },
        { nameof(RuleSetLimits.MaxJsonDepth), 0 },
        { nameof(RuleSetLimits.MaxJsonDepth), 257 },
        { nameof(RuleSetLimits.MaxConditionDepth), 0 },
        { nameof(RuleSetLimits.MaxRules), -20_000 },
        { nameof(RuleSetLimits.MaxConditionNodes), 0 },
        { nameof(RuleSetLimits.MaxIdLength), 0 },
        { nameof(RuleSetLimits.MaxTextLength), int.MinValue },
        { nameof(RuleSetLimits.MaxPlaceholders), 0 },
        { nameof(RuleSetLimits.MaxDiagnostics), 0 },
    };

    [Fact]
    public void Default_HasTheDocumentedValues()
    {
        var d = RuleSetLimits.Default;

        Assert.Equal(
            (16 * 1024 * 1024, 64, 32, 20_000, 200_000, 100, 2_000, 16, 200),
            (d.MaxBytes, d.MaxJsonDepth, d.MaxConditionDepth, d.MaxRules, d.MaxConditionNodes, d.MaxIdLength, d.MaxTextLength, d.MaxPlaceholders, d.MaxDiagnostics));
        Assert.Equal(new RuleSetLimits(), d);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void With_ValueOutOfRange_ThrowsArgumentExceptionNamingTheProperty(string property, int value)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Set(RuleSetLimits.Default, property, value));

        Assert.Equal(property, ex.ParamName);
        Assert.StartsWith($"RuleSetLimits.{property} must be ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_Tightened_KeepsTheOtherLimits()
    {
        var tenant = RuleSetLimits.Default with { MaxBytes = 64 * 1024, MaxRules = 100 };

        Assert.Equal((64 * 1024, 100, 32, 2_000), (tenant.MaxBytes, tenant.MaxRules, tenant.MaxConditionDepth, tenant.MaxTextLength));
        Assert.NotEqual(RuleSetLimits.Default, tenant);
        Assert.Equal(16 * 1024 * 1024, RuleSetLimits.Default.MaxBytes);
    }

    [Fact]
    public void With_LargestJsonDepth_IsAccepted()
    {
        Assert.Equal(256, (RuleSetLimits.Default with { MaxJsonDepth = 256 }).MaxJsonDepth);
    }

    [Fact]
    public void Load_NullLimits_ThrowsArgumentNullException()
    {
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.Load("{}", null!));
        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.Load("{}"u8, null!));
        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.Load(stream, null!));
        Assert.Throws<ArgumentNullException>("limits", () => RuleSetJson.LoadFile("rules.json", null!));
    }

    private static RuleSetLimits Set(RuleSetLimits limits, string property, int value) => property switch
    {
        nameof(RuleSetLimits.MaxBytes) => limits with { MaxBytes = value },
        nameof(RuleSetLimits.MaxJsonDepth) => limits with { MaxJsonDepth = value },
        nameof(RuleSetLimits.MaxConditionDepth) => limits with { MaxConditionDepth = value },
        nameof(RuleSetLimits.MaxRules) => limits with { MaxRules = value },
        nameof(RuleSetLimits.MaxConditionNodes) => limits with { MaxConditionNodes = value },
        nameof(RuleSetLimits.MaxIdLength) => limits with { MaxIdLength = value },
        nameof(RuleSetLimits.MaxTextLength) => limits with { MaxTextLength = value },
        nameof(RuleSetLimits.MaxPlaceholders) => limits with { MaxPlaceholders = value },
        nameof(RuleSetLimits.MaxDiagnostics) => limits with { MaxDiagnostics = value },
        _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
    };
}
