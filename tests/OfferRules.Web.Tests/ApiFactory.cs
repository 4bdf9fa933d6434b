using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OfferRules.Web.Tests;

/// <summary>The web sample in memory, with a rate limit high enough for a whole test class.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Action<IWebHostBuilder>? _configure;

    public ApiFactory()
    {
    }

    internal ApiFactory(Action<IWebHostBuilder>? configure)
    {
        _configure = configure;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("OfferRulesWeb:PermitLimit", "10000");
        _configure?.Invoke(builder);
    }
}

/// <summary>The example cases and other inputs.</summary>
internal static class Inputs
{
    public static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "cases");

    public static byte[] Case(string prefix) =>
        File.ReadAllBytes(Directory.GetFiles(CasesDirectory, prefix + "-*.json").Single());

    /// <summary>An example case on one line, for JSON Lines.</summary>
    public static string Line(string prefix) =>
        System.Text.Json.Nodes.JsonNode.Parse(Case(prefix))!.ToJsonString();
}
