namespace OfferRules.Web.Tests;

/// <summary>
/// A fact that needs Debian's Chromium at <c>/usr/bin/chromium</c>. Without it the test is skipped with a message,
/// except under <c>CI=true</c>, where it runs (and fails) so that a missing browser is never silently green.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        Skip = SkipReason(File.Exists(ChromiumPath), Environment.GetEnvironmentVariable("CI"));
    }

    /// <summary>Why a browser test is skipped, or <see langword="null"/> when it runs.</summary>
    /// <param name="chromiumInstalled">Whether <see cref="ChromiumPath"/> exists.</param>
    /// <param name="ci">The value of the <c>CI</c> environment variable.</param>
    /// <returns>The message xunit shows for the skipped test.</returns>
    internal static string? SkipReason(bool chromiumInstalled, string? ci) =>
        chromiumInstalled || string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Chromium is not installed at {ChromiumPath}: run 'apt-get update && apt-get install -y chromium fonts-noto-cjk' to run the browser tests. (Under CI=true they always run.)";
}
