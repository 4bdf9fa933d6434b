namespace OfferRules.Web;

/// <summary>
/// Lets job boards embed the widget, from one list of origins (<c>OfferRulesWeb:AllowedOrigins</c>, empty by default):
/// a CORS policy for the API and what the custom element fetches, CSP <c>frame-ancestors</c> for the iframe, and the
/// only origin the iframe page may post its messages to. With the list empty there is no CORS, no message and no
/// framing by another site.
/// </summary>
internal static class Embedding
{
    /// <summary>The name of the CORS policy.</summary>
    public const string CorsPolicy = "widget-embedding";

    /// <summary>Lists what is wrong with the configured origins; empty when they are valid.</summary>
    /// <param name="origins">The configured values.</param>
    /// <returns>The problems, each naming the setting and the value.</returns>
    public static IEnumerable<string> Validate(IReadOnlyList<string> origins)
    {
        for (var i = 0; i < origins.Count; i++)
        {
            if (Normalize(origins[i]) is null)
            {
                yield return $"{WebSampleOptions.SectionName}:AllowedOrigins:{i} ('{origins[i]}') must be an origin such as https://board.example or http://localhost:5190: http or https, a host and an optional port, no path, query or wildcard.";
            }
        }
    }

    /// <summary>Writes an origin the way browsers send it in the <c>Origin</c> header.</summary>
    /// <param name="value">A configured or requested origin, such as <c>https://Board.example/</c>.</param>
    /// <returns>The origin, such as <c>https://board.example</c>, or <see langword="null"/> when the value is not one.</returns>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('*', StringComparison.Ordinal)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>Gives the origin the iframe page may post to: the requested parent when it is allowed.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="parent">The <c>parent</c> query parameter of <c>/embed</c>.</param>
    /// <returns>The origin, or <see langword="null"/> when the page must post nothing.</returns>
    public static string? MessageTarget(WebSampleOptions settings, string? parent) =>
        Normalize(parent) is { } origin && Origins(settings).Contains(origin, StringComparer.Ordinal) ? origin : null;

    /// <summary>Adds the widget's pages (<see cref="WidgetPages"/>) and the CORS policy for the allowed origins.</summary>
    /// <param name="services">The services.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddWidgetEmbedding(this IServiceCollection services, WebSampleOptions settings)
    {
        services.AddSingleton(provider => WidgetPages.Load(provider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        var origins = Origins(settings);
        if (origins.Count > 0)
        {
            services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. origins])
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Accept")
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        }

        return services;
    }

    /// <summary>
    /// Answers CORS requests from the allowed origins (preflights with 204, before the rate limiter) and adds
    /// <c>frame-ancestors 'self'</c> and the allowed origins to every page's Content-Security-Policy.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application, for chaining.</returns>
    public static IApplicationBuilder UseWidgetEmbedding(this IApplicationBuilder app)
    {
        var origins = Origins(app.ApplicationServices.GetRequiredService<WebSampleOptions>());
        var frameAncestors = "frame-ancestors " + string.Join(' ', origins.Prepend("'self'"));
        app.Use((context, next) =>
        {
            // On starting, so that the directive joins whatever policy the rest of the pipeline has set by then.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var policy = headers.ContentSecurityPolicy.ToString();
                if (!policy.Contains("frame-ancestors", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = policy.Length == 0 ? frameAncestors : policy.TrimEnd(' ', ';') + "; " + frameAncestors;
                }

                // With CORS on, an answer differs by the asking origin (granted or not), so a cache must keep them apart.
                if (origins.Count > 0 && !headers.Vary.ToString().Contains("Origin", StringComparison.OrdinalIgnoreCase))
                {
                    headers.Append("Vary", "Origin");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

        if (origins.Count > 0)
        {
            app.UseCors(CorsPolicy);
        }

        return app;
    }

    private static List<string> Origins(WebSampleOptions settings) =>
        [.. settings.AllowedOrigins.Select(Normalize).OfType<string>().Distinct(StringComparer.Ordinal)];
}
