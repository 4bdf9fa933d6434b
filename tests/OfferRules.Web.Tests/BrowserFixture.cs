using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace OfferRules.Web.Tests;

/// <summary>The browser tests share one Chromium, one widget site and one job-board host, started on first use.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Chromium (Debian's, driven by Playwright), the widget site on Kestrel with the job board's origin allowed, and the
/// job board's page (samples/JobBoardHost) served from two more origins: one allowed, one not.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly SemaphoreSlim _start = new(1, 1);
    private StaticHost? _host;
    private KestrelApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _axe;

    /// <summary>Gets the widget site, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Site => _app?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    /// <summary>Gets the job board's page on an origin in AllowedOrigins.</summary>
    public Uri AllowedHost => _host?.Allowed ?? throw new InvalidOperationException("Not started.");

    /// <summary>Gets the job board's page on an origin that is not configured.</summary>
    public Uri OtherHost => _host?.Other ?? throw new InvalidOperationException("Not started.");

    /// <summary>Gets axe-core's script.</summary>
    public string AxeScript => _axe ?? throw new InvalidOperationException("Not started.");

    /// <summary>Gets where the tests put their screenshots.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Opens a fresh browser context and page of the given size.</summary>
    /// <param name="width">The viewport width.</param>
    /// <param name="height">The viewport height.</param>
    /// <param name="javaScript">Whether scripts run.</param>
    /// <returns>The session; dispose it to close the context.</returns>
    public async Task<BrowserSession> OpenAsync(int width, int height, bool javaScript = true)
    {
        await StartAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ReducedMotion = ReducedMotion.Reduce,
            JavaScriptEnabled = javaScript,
        });
        return await BrowserSession.OpenAsync(this, context);
    }

    // Nothing starts until a test asks for a page, so that skipped browser tests start nothing.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _app?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _start.Dispose();

    private async Task StartAsync()
    {
        await _start.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                return;
            }

            _axe = await LoadAxeAsync();
            _host = await StaticHost.StartAsync(() => Site);
            var allowed = _host.Allowed.GetLeftPart(UriPartial.Authority);
            _app = KestrelApp.Start(web => web.UseSetting("OfferRulesWeb:AllowedOrigins:0", allowed));
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumFactAttribute.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        finally
        {
            _start.Release();
        }
    }

    /// <summary>Reads axe-core from the test project's node_modules, running <c>npm install</c> there first if needed.</summary>
    private static async Task<string> LoadAxeAsync()
    {
        var project = typeof(BrowserFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TestProjectDirectory").Value!;
        var script = Path.Combine(project, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "install --no-audit --no-fund")
            {
                WorkingDirectory = project,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("npm could not be started.");
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await npm.WaitForExitAsync(timeout.Token);
            if (npm.ExitCode != 0 || !File.Exists(script))
            {
                throw new InvalidOperationException($"axe-core is not installed and 'npm install' in {project} failed:{Environment.NewLine}{await output}{await errors}");
            }
        }

        return await File.ReadAllTextAsync(script);
    }
}

/// <summary>One browser context with one page; it records every request URL and every message the top page receives.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly BrowserFixture _fixture;
    private readonly IBrowserContext _context;
    private readonly List<string> _requests = [];
    private readonly List<string> _bodies = [];
    private readonly List<string> _errors = [];

    private BrowserSession(BrowserFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Gets every URL the page and its frames asked for, so far.</summary>
    public IReadOnlyList<string> RequestUrls
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Gets the bodies of the API requests, so far.</summary>
    public IReadOnlyList<string> ApiBodies
    {
        get
        {
            lock (_requests)
            {
                return [.. _bodies];
            }
        }
    }

    public string Site => _fixture.Site.ToString();

    internal static async Task<BrowserSession> OpenAsync(BrowserFixture fixture, IBrowserContext context)
    {
        // Messages the top page receives, from any origin: the tests check what the iframe posts and to whom.
        await context.AddInitScriptAsync(
            "if (window === window.top) { window.__messages = []; window.addEventListener('message', e => window.__messages.push({ origin: e.origin, data: e.data })); }");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var session = new BrowserSession(fixture, context, page);
        page.PageError += (_, error) =>
        {
            lock (session._requests)
            {
                session._errors.Add(error);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (session._requests)
                {
                    session._errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        context.Request += (_, request) =>
        {
            lock (session._requests)
            {
                session._requests.Add(request.Url);
                if (request.Method == "POST" && request.Url.Contains("/api/", StringComparison.Ordinal) && request.PostData is { } body)
                {
                    session._bodies.Add(body);
                }
            }
        };
        return session;
    }

    /// <summary>Checks the page (and every frame in it) with axe-core and fails with every violation found.</summary>
    /// <param name="state">What the page shows, for the failure message.</param>
    public async Task AssertAccessibleAsync(string state)
    {
        foreach (var frame in Page.Frames)
        {
            if (frame.Url.StartsWith("http", StringComparison.Ordinal) && !await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            {
                // Evaluated through the DevTools protocol, so the pages' Content-Security-Policy stays on.
                await frame.EvaluateAsync(_fixture.AxeScript);
            }
        }

        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ["violations"] });
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}\n    ` +
                v.nodes.slice(0, 5).map(n => n.target.join(" > ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ")).join("\n    "));
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(found.Count == 0, $"axe found {found.Count} violation(s) with {state} at {Page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }

    /// <summary>Fails when a personal text appears in the page's URL or in any URL it asked for, as typed or encoded.</summary>
    /// <param name="secrets">The texts that must stay out of URLs (a name, a school).</param>
    public void AssertNoPersonalDataInUrls(params string[] secrets)
    {
        var urls = RequestUrls.Append(Page.Url).ToList();
        Assert.True(urls.Count > 1, "No request was recorded.");
        foreach (var secret in secrets)
        {
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) })
            {
                Assert.DoesNotContain(urls, url => url.Contains(form, StringComparison.OrdinalIgnoreCase)
                    || Uri.UnescapeDataString(url).Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>Gets the messages the top page has received, as JSON with their origins.</summary>
    /// <returns>The messages.</returns>
    public async Task<List<JsonElement>> MessagesAsync()
    {
        using var messages = JsonDocument.Parse(await Page.EvaluateAsync<string>("() => JSON.stringify(window.__messages || [])"));
        return [.. messages.RootElement.EnumerateArray().Select(m => m.Clone())];
    }

    /// <summary>Fails when a script threw or the console reported an error (a Content-Security-Policy refusal too).</summary>
    public void AssertNoScriptErrors()
    {
        lock (_requests)
        {
            Assert.True(_errors.Count == 0, "The page reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, _errors));
        }
    }

    /// <summary>Saves a screenshot into the test output.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="fullPage">Whether to capture the whole page.</param>
    public async Task ScreenshotAsync(string name, bool fullPage = false)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 0);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

/// <summary>
/// Serves samples/JobBoardHost from two origins on this machine. The page's snippets name the widget's site as
/// http://localhost:5180 and their own origin as http://localhost:5190, as in the README; both are replaced by the
/// real addresses as the files are served.
/// </summary>
internal sealed class StaticHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticHost(WebApplication app, Uri allowed, Uri other)
    {
        _app = app;
        Allowed = allowed;
        Other = other;
    }

    public Uri Allowed { get; }

    public Uri Other { get; }

    public static async Task<StaticHost> StartAsync(Func<Uri> site)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "host");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.MapGet("/{file?}", async (HttpContext context, string? file) =>
        {
            var name = Path.GetFileName(file ?? "index.html");
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            var own = $"{context.Request.Scheme}://{context.Request.Host}";
            var text = (await File.ReadAllTextAsync(path))
                .Replace("http://localhost:5180", site().GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                .Replace("http://localhost:5190", own, StringComparison.Ordinal);
            var type = Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "text/plain; charset=utf-8",
            };
            return Results.Text(text, type);
        });
        await app.StartAsync();
        var addresses = app.Urls.Select(u => new Uri(u.Replace("[::]", "127.0.0.1", StringComparison.Ordinal))).ToList();
        return new StaticHost(app, new Uri(addresses[0], "/"), new Uri(addresses[1], "/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
