using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace OfferRules.DependencyInjection.Tests;

/// <summary>Rule files and helpers shared by the tests.</summary>
internal static class Policies
{
    public static string DefaultJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default-policy.json"));

    /// <summary>The default policy under another version.</summary>
    public static string WithVersion(string version) =>
        DefaultJson.Replace("\"version\": \"1.1.1\"", $"\"version\": \"{version}\"", StringComparison.Ordinal);

    /// <summary>The default policy with two misspelt facts: at least two diagnostics.</summary>
    public static string Broken()
    {
        var json = DefaultJson;
        json = ReplaceFirst(json, "\"company.seatStatus\"", "\"company.seatStatsu\"");
        return ReplaceFirst(json, "\"decline.channel\"", "\"decline.chanel\"");
    }

    public static byte[] CaseS01() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "case-s01.json"));

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}

/// <summary>A directory under the temporary path, deleted at the end of a test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "offerrules-di-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class Logging
{
    public static FakeLogCollector AddFakeLogs(this IServiceCollection services)
    {
        var collector = new FakeLogCollector();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        return collector;
    }
}
