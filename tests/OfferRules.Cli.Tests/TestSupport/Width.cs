namespace OfferRules.Cli.Tests.TestSupport;

/// <summary>An independent display-width count for the tests: the CJK and full-width ranges take two columns.</summary>
internal static class Width
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
                or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
                ? 2
                : 1;
        }

        return width;
    }
}
