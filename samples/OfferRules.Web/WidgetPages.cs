using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.Extensions.FileProviders;

namespace OfferRules.Web;

/// <summary>
/// The widget's pages, rendered on the server in the requested language from one set of texts (<c>Widget/texts.json</c>)
/// and one markup template (<c>Widget/widget.html</c>): <c>GET /</c>, the iframe page <c>GET /embed</c>, and
/// <c>GET /widget/kit.json</c>, which hands the same template and texts to the custom element.
/// </summary>
internal sealed partial class WidgetPages
{
    private const string TextsResource = "widget/texts.json";
    private const string TemplateResource = "widget/widget.html";
    private const string PageResource = "widget/page.html";
    private const string EmbedResource = "widget/embed.html";

    private static readonly JsonSerializerOptions DataBlockJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly IFileProvider _webRoot;
    private readonly ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _texts;
    private readonly Dictionary<string, string> _parts;
    private readonly string _page;
    private readonly string _embed;
    private readonly string _textsBlock;

    private WidgetPages(IFileProvider webRoot, string textsJson, string template, string page, string embed)
    {
        _webRoot = webRoot;
        TextsJson = textsJson;
        _texts = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(textsJson)
            ?? throw new InvalidOperationException($"{TextsResource} is empty.");
        _parts = SplitParts(template);
        _page = page;
        _embed = embed;

        // The texts as a JSON data block in the page: this encoder writes < > & ' " as \u003C… (so the block cannot be
        // closed early) and leaves Japanese as it is.
        _textsBlock = JsonSerializer.Serialize(JsonDocument.Parse(textsJson).RootElement, DataBlockJson);
    }

    /// <summary>Gets the texts file as it is embedded: <c>{"ja": {...}, "en": {...}}</c>.</summary>
    public string TextsJson { get; }

    /// <summary>Gets the texts of one language by key.</summary>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <returns>The texts.</returns>
    public IReadOnlyDictionary<string, string> Texts(string language) => _texts[language];

    /// <summary>Gets the raw parts of the template (<c>lang</c>, <c>body</c>), with their placeholders.</summary>
    public IReadOnlyDictionary<string, string> Parts => _parts;

    /// <summary>Loads the texts and templates embedded in the sample.</summary>
    /// <param name="webRoot">The static files, for the content hashes of the asset URLs.</param>
    /// <returns>The pages.</returns>
    public static WidgetPages Load(IFileProvider webRoot)
    {
        var pages = new WidgetPages(webRoot, Read(TextsResource), Read(TemplateResource), Read(PageResource), Read(EmbedResource));
        var problems = pages.Check().ToList();
        return problems.Count == 0
            ? pages
            : throw new InvalidOperationException("The widget's texts or templates are inconsistent:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Lists what does not fit together: a key missing in one language, a placeholder with no text.</summary>
    /// <returns>The problems; empty when the texts and templates agree.</returns>
    public IEnumerable<string> Check()
    {
        foreach (var language in Languages.All)
        {
            if (!_texts.ContainsKey(language))
            {
                yield return $"{TextsResource} has no '{language}' texts.";
                yield break;
            }
        }

        foreach (var key in _texts["ja"].Keys.Except(_texts["en"].Keys))
        {
            yield return $"'{key}' has a Japanese text but no English one.";
        }

        foreach (var key in _texts["en"].Keys.Except(_texts["ja"].Keys))
        {
            yield return $"'{key}' has an English text but no Japanese one.";
        }

        foreach (var (name, source) in _parts.Append(new("page", _page)).Append(new("embed", _embed)))
        {
            foreach (Match match in Placeholder().Matches(source))
            {
                var inner = match.Groups[1].Value;
                var colon = inner.IndexOf(':', StringComparison.Ordinal);
                var key = inner.StartsWith('>') ? null
                    : colon > 0 && inner[..colon] is "ja" or "en" ? inner[(colon + 1)..]
                    : colon > 0 || inner is "lang" or "texts" or "parentAttribute" ? null
                    : inner;
                if (inner.StartsWith('>') && !_parts.ContainsKey(inner[1..]))
                {
                    yield return $"{name}: no part '{inner[1..]}' in {TemplateResource}.";
                }
                else if (key is not null && !_texts["ja"].ContainsKey(key))
                {
                    yield return $"{name}: no text for '{{{{{key}}}}}'.";
                }
            }
        }
    }

    /// <summary>Renders the full page.</summary>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <returns>The HTML.</returns>
    public string RenderPage(string language) => Render(_page, language, parentOrigin: null);

    /// <summary>Renders the page for an iframe.</summary>
    /// <param name="language"><c>ja</c> or <c>en</c>.</param>
    /// <param name="parentOrigin">The origin the page may post its messages to, or <see langword="null"/> for none.</param>
    /// <returns>The HTML.</returns>
    public string RenderEmbed(string language, string? parentOrigin) => Render(_embed, language, parentOrigin);

    /// <summary>Gives the URL of a static file with its content hash, such as <c>css/widget.css?v=3f2a…</c>.</summary>
    /// <param name="path">The path under <c>wwwroot</c>, without a leading slash.</param>
    /// <returns>The relative URL.</returns>
    public string Asset(string path) => path + "?v=" + _versions.GetOrAdd(path, Hash);

    /// <summary>Maps <c>/</c>, <c>/embed</c> and <c>/widget/kit.json</c>.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application, for chaining.</returns>
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, WidgetPages pages, WebSampleOptions settings, string? lang) =>
            Html(context, pages.RenderPage(PageLanguage(lang, settings))))
            .ExcludeFromDescription();

        app.MapGet("/embed", (HttpContext context, WidgetPages pages, WebSampleOptions settings, string? lang, string? parent) =>
            Html(context, pages.RenderEmbed(PageLanguage(lang, settings), Embedding.MessageTarget(settings, parent))))
            .ExcludeFromDescription();

        app.MapGet("/widget/kit.json", (HttpContext context, WidgetPages pages) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Json(new Kit(pages.Asset("css/widget.css"), pages.Parts, JsonDocument.Parse(pages.TextsJson).RootElement));
        }).ExcludeFromDescription();

        return app;
    }

    /// <summary>What the custom element fetches: its stylesheet, the markup template and the texts.</summary>
    /// <param name="Stylesheet">The stylesheet's URL, relative to the site.</param>
    /// <param name="Parts">The template's parts by name.</param>
    /// <param name="Texts">The texts by language.</param>
    internal sealed record Kit(string Stylesheet, IReadOnlyDictionary<string, string> Parts, JsonElement Texts);

    private static IResult Html(HttpContext context, string html)
    {
        // Rendered per language: a cache in between must keep the two apart, and should ask again after a deployment.
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string PageLanguage(string? requested, WebSampleOptions settings) =>
        Languages.Normalize(requested) ?? Languages.Normalize(settings.DefaultLanguage) ?? "ja";

    private string Render(string template, string language, string? parentOrigin) =>
        Placeholder().Replace(template, match =>
        {
            var inner = match.Groups[1].Value;
            if (inner.StartsWith('>'))
            {
                return Render(_parts[inner[1..]], language, parentOrigin);
            }

            var colon = inner.IndexOf(':', StringComparison.Ordinal);
            var (op, argument) = colon > 0 ? (inner[..colon], inner[(colon + 1)..]) : (string.Empty, inner);
            return op switch
            {
                "asset" => WebUtility.HtmlEncode(Asset(argument)),
                "pressed" => argument == language ? "true" : "false",
                "ja" or "en" => WebUtility.HtmlEncode(_texts[op][argument]),
                _ => argument switch
                {
                    "lang" => language,
                    "texts" => _textsBlock,
                    "parentAttribute" => parentOrigin is null ? string.Empty : $" data-parent-origin=\"{WebUtility.HtmlEncode(parentOrigin)}\"",
                    _ => WebUtility.HtmlEncode(_texts[language][argument]),
                },
            };
        });

    private static Dictionary<string, string> SplitParts(string template)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var pieces = PartMarker().Split(template);
        for (var i = 1; i + 1 < pieces.Length; i += 2)
        {
            parts[pieces[i]] = pieces[i + 1].Trim('\n');
        }

        return parts;
    }

    private string Hash(string path)
    {
        var file = _webRoot.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The static file '{path}' does not exist.");
        }

        using var stream = file.CreateReadStream();
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }

    private static string Read(string resource)
    {
        using var stream = typeof(WidgetPages).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource '{resource}' is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([^{}\s]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"<!-- part:([a-z]+) -->")]
    private static partial Regex PartMarker();
}
