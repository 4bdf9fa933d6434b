using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace OfferRules.Web.Client;

/// <summary>Creates the generated <see cref="OfferRulesClient"/> for a site that serves the OfferRules API.</summary>
public static class OfferRulesClientFactory
{
    /// <summary>Creates a client that sends its requests through an existing <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client; its <see cref="HttpClient.BaseAddress"/> is the site, such as <c>http://localhost:5180/</c>. It is not disposed with the client.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException"><paramref name="httpClient"/> has no base address.</exception>
    /// <remarks>The API needs no authentication. Errors arrive as <see cref="Models.ProblemDetails"/> exceptions, with the <c>issues</c> of a 400.</remarks>
    public static OfferRulesClient Create(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var baseAddress = httpClient.BaseAddress ?? throw new ArgumentException("The HTTP client needs a BaseAddress: the site that serves the API.", nameof(httpClient));
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient)
        {
            // The generated paths start with "/": the base URL must not end with one.
            BaseUrl = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/'),
        };
        return new OfferRulesClient(adapter);
    }
}
