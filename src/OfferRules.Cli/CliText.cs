using System.Globalization;

namespace OfferRules.Cli;

/// <summary>Picks the English or the Japanese form of a message; every message the tool prints exists in both.</summary>
internal static class CliText
{
    /// <summary>Returns <paramref name="japanese"/> when <paramref name="ja"/> is set, else <paramref name="english"/>.</summary>
    public static string Say(bool ja, string english, string japanese) => ja ? japanese : english;

    /// <summary>Formats a count for a person, with digit grouping that does not depend on the machine's culture.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Formats a number to copy into a command line: no grouping.</summary>
    public static string Plain(long value) => value.ToString(CultureInfo.InvariantCulture);
}
