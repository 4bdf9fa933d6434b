using System.Globalization;
using System.Threading.RateLimiting;
using OfferRules.Web;

var builder = WebApplication.CreateBuilder(args);

var settings = builder.Configuration.GetSection(WebSampleOptions.SectionName).Get<WebSampleOptions>() ?? new WebSampleOptions();
var problems = settings.Validate().ToList();
if (problems.Count > 0)
{
    throw new InvalidOperationException("The web sample's settings are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
}

builder.Services.AddSingleton(settings);
builder.Services.AddWidgetEmbedding(settings);

// The rule set is loaded and checked when the site starts (the options are validated at start): a bad rule file stops
// the site with every diagnostic. A relative RuleSetFile is resolved against the content root.
builder.Services.AddOfferRules(options =>
{
    if (!string.IsNullOrWhiteSpace(settings.RuleSetFile))
    {
        options.UseRuleSetFile(settings.RuleSetFile);
    }

    options.DefaultLanguage = settings.DefaultLanguage;
});

// Tenants: each child of "OfferRules:Tenants" is a tenant with its own rule file, e.g.
// "OfferRules:Tenants:acme:RuleSetPath" = "rules/acme.json" and "...:ReloadOnChange" = "true". A changed file is swapped
// in atomically; a bad one keeps the old version serving and shows as Degraded at /health/ready.
foreach (var tenant in builder.Configuration.GetSection("OfferRules:Tenants").GetChildren())
{
    builder.Services.AddOfferRules(tenant.Key).BindConfiguration(tenant.Path);
}

// Liveness and readiness, request logs without bodies, compression (Operations.cs).
builder.Services.AddSiteOperations();

// The server's own ceiling; each endpoint lowers it for its requests (64 KiB per case by default).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxBatchBytes);

builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(OpenApiSetup.Configure);
builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.OnRejected = async (rejected, _) =>
    {
        var http = rejected.HttpContext;
        TimeSpan? retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        if (retryAfter is { } after)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await Problems.ForTooManyRequests(retryAfter, http.Request.Path.Value ?? "/").ExecuteAsync(http);
    };

    // A fixed window per client address. Behind a reverse proxy, add the forwarded-headers middleware first.
    limiter.AddPolicy(EvaluationEndpoints.RateLimitPolicy, http =>
    {
        var current = http.RequestServices.GetRequiredService<WebSampleOptions>();
        return RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = current.PermitLimit,
                Window = TimeSpan.FromSeconds(current.WindowSeconds),
                QueueLimit = 0,
            });
    });
});

var app = builder.Build();

app.UseSiteOperations();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers.XContentTypeOptions = "nosniff";
    headers["Referrer-Policy"] = "no-referrer";

    // A case is about a person: no API answer may be kept by a browser or a proxy.
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        headers.CacheControl = "no-store";
    }

    // frame-ancestors comes from UseWidgetEmbedding: 'self' and OfferRulesWeb:AllowedOrigins.
    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";
    await next(context);
});

app.UseWidgetEmbedding();
app.UseDefaultFiles();
app.UseStaticFiles(Operations.StaticFiles());
app.UseRateLimiter();

app.MapOpenApi();
WidgetPages.Map(app);
app.MapEvaluationApi();
app.MapSiteHealth();
app.MapGet(OpenApiSetup.CaseSchemaPath, () => Results.Stream(OpenApiSetup.Open(OpenApiSetup.CaseSchemaResource), "application/schema+json"))
    .ExcludeFromDescription();
app.MapGet(OpenApiSetup.EvaluationSchemaPath, () => Results.Stream(OpenApiSetup.Open(OpenApiSetup.EvaluationSchemaResource), "application/schema+json"))
    .ExcludeFromDescription();

app.Run();
