using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OfferRules.Web.Tests;

/// <summary>The web sample on Kestrel at a free port on this machine, for a real HTTP client or a browser.</summary>
public sealed class KestrelApp : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private KestrelApp(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the address the app listens at, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the app.</summary>
    /// <param name="configure">Settings for the host, if any.</param>
    /// <returns>The running app.</returns>
    public static KestrelApp Start(Action<IWebHostBuilder>? configure = null)
    {
        // UseKestrel must be called on the factory that starts: a WithWebHostBuilder copy would not pass the port on.
        var factory = new ApiFactory(configure);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var uri = new Uri(address);
        if (uri.Port is 0 or 5000)
        {
            throw new InvalidOperationException($"Kestrel did not take a free port: {address}.");
        }

        return new KestrelApp(factory, new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    public void Dispose() => _factory.Dispose();
}
