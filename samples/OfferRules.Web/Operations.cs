using System.IO.Compression;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Net.Http.Headers;
using OfferRules.DependencyInjection;

namespace OfferRules.Web;

/// <summary>
/// What an operator needs from the site: liveness and readiness, request logs that never hold a case, compression and
/// cache lifetimes for static files.
/// </summary>
internal static class Operations
{
    /// <summary>The liveness endpoint: the process answers. It runs no check.</summary>
    public const string LivenessPath = "/health";

    /// <summary>The readiness endpoint: every tenant's rule set is loaded and current.</summary>
    public const string ReadinessPath = "/health/ready";

    /// <summary>The tag of the checks that readiness runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The cache lifetime of a static file whose URL names its version (<c>?v=</c>): a year, never revalidated.</summary>
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    /// <summary>The cache rule for every other static file: keep it, but ask the server before using it again.</summary>
    public const string UnversionedCacheControl = "no-cache";

    /// <summary>The media types compressed besides ASP.NET Core's defaults.</summary>
    internal static readonly string[] CompressedMediaTypes =
    [
        "application/problem+json",
        "application/schema+json",
        EvaluationEndpoints.JsonLines,
        "image/svg+xml",
    ];

    /// <summary>Adds health checks, request logging and response compression.</summary>
    /// <param name="services">The site's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSiteOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<OfferRulesHealthCheck>("offerrules", tags: [ReadyTag]);

        // The request line, the status and the time taken: never a header value, a query string or a body. A case names
        // a person (name, school, company, dates), and the path and status are all an operator needs to follow a request.
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.RequestProtocol | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.RequestHeaders.Clear();
            logging.ResponseHeaders.Clear();
            logging.CombineLogs = true;
        });

        // HTTPS too: the answers reflect what the visitor typed but carry no secret of the site (no cookie, token or
        // session), so a compression side channel (BREACH) has nothing to recover that the visitor did not send.
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, .. CompressedMediaTypes];
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Adds request logging and compression to the start of the pipeline.</summary>
    /// <param name="app">The site.</param>
    /// <returns>The same site.</returns>
    public static WebApplication UseSiteOperations(this WebApplication app)
    {
        app.UseHttpLogging();
        app.UseResponseCompression();
        return app;
    }

    /// <summary>Gets the static-file options with the cache lifetimes.</summary>
    /// <returns>The options.</returns>
    public static StaticFileOptions StaticFiles() => new()
    {
        OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] =
            file.Context.Request.Query.ContainsKey("v") ? VersionedCacheControl : UnversionedCacheControl,
    };

    /// <summary>Maps <see cref="LivenessPath"/> and <see cref="ReadinessPath"/>.</summary>
    /// <param name="app">The site.</param>
    /// <returns>The same site.</returns>
    public static WebApplication MapSiteHealth(this WebApplication app)
    {
        // Liveness runs no check: a tenant with a bad new rule file is Degraded, not dead, and must not be restarted.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });

        // Readiness: Degraded (an old rule set still serves after a failed reload) answers 200, Unhealthy 503.
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
