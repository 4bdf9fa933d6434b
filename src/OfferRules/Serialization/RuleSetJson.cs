using System.Security.Cryptography;
using System.Text.Json;
using OfferRules.Evaluation.Plan;
using OfferRules.Rules;

namespace OfferRules.Serialization;

/// <summary>
/// Loads rule sets from JSON. Loading never throws for bad input: the result carries every problem with its
/// JSON Pointer. A rule file can only name catalogued facts and the closed set of condition nodes; nothing in it is
/// executed, compiled as code or reflected on, so a file from an untrusted tenant is safe to load.
/// </summary>
public static class RuleSetJson
{
    private static readonly Lazy<string> s_defaultPolicyJson = new(ReadDefaultPolicy);

    /// <summary>
    /// Gets the JSON text of the built-in default policy, as a starting point for a rule set of your own
    /// (change the id and version, adjust, then load it with <see cref="Load(string)"/>).
    /// </summary>
    public static string DefaultPolicyJson => s_defaultPolicyJson.Value;

    /// <summary>Loads a rule set from JSON text.</summary>
    /// <param name="json">The rule file's text.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var limits = RuleSetLimits.Default;
        if (json.Length > limits.MaxBytes)
        {
            return TooLarge(json.Length, limits);
        }

        return Load(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Loads a rule set from UTF-8 bytes (a leading byte order mark is allowed).</summary>
    /// <param name="utf8Json">The rule file's bytes.</param>
    /// <returns>The rule set, or every problem found.</returns>
    public static RuleSetLoadResult Load(ReadOnlySpan<byte> utf8Json)
    {
        var limits = RuleSetLimits.Default;
        if (utf8Json.Length > limits.MaxBytes)
        {
            return TooLarge(utf8Json.Length, limits);
        }

        var hash = "sha256:" + Convert.ToHexString(SHA256.HashData(utf8Json)).ToLowerInvariant();
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return Failed([new RuleSetDiagnostic("json.malformed", string.Empty, "The text is not valid UTF-8.")]);
        }

        var walker = new JsonWalker(limits.MaxDiagnostics);
        JsonDocument document;
        var options = new JsonReaderOptions { MaxDepth = limits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };
        try
        {
            var reader = new Utf8JsonReader(utf8Json, options);
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                // ParseValue stops after one value; anything but white space or comments after it is not one document.
                document.Dispose();
                return Failed([new RuleSetDiagnostic("json.malformed", string.Empty, "The text holds more than one JSON value.")]);
            }
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = ex.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            var message = ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
                ? $"The JSON is nested deeper than {limits.MaxJsonDepth} levels."
                : "The text is not valid JSON: " + FirstSentence(ex.Message);
            return Failed([new RuleSetDiagnostic("json.malformed", string.Empty, message) { Line = line, Column = column }]);
        }

        using (document)
        {
            if (JsonEscapes.FindUnreadableString(utf8Json, options, out var offset) is { } at)
            {
                var pointer = string.Empty;
                foreach (var segment in at)
                {
                    pointer = segment is int index ? JsonWalker.Child(pointer, index) : JsonWalker.Child(pointer, (string)segment);
                }

                var (line, column) = JsonPositions.LineAndColumn(utf8Json, (int)offset);
                return Failed([new RuleSetDiagnostic("json.malformed", pointer, "The text has an escape that is not a valid Unicode character, such as a lone surrogate \\ud800.") { Line = line, Column = column }]);
            }

            var model = new RuleSetReader(walker, limits).Read(document.RootElement);
            var plan = model is null ? null : RuleSetCompiler.Compile(model, walker);
            if (plan is null || walker.HasErrors)
            {
                return Failed(JsonPositions.Locate(utf8Json, walker.Diagnostics));
            }

            return new RuleSetLoadResult(new RuleSet(plan, hash), []);
        }
    }

    /// <summary>Loads a rule set from a stream, reading at most the size limit.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var limits = RuleSetLimits.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
            {
                return TooLarge(buffer.Length + read, limits);
            }

            buffer.Write(chunk, 0, read);
        }

        return Load(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Loads a rule set from a file. A missing or unreadable file is a diagnostic, not an exception.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed([new RuleSetDiagnostic("file.unreadable", string.Empty, $"The file '{path}' could not be read: {ex.Message}")]);
        }
    }

    private static string ReadDefaultPolicy()
    {
        using var stream = OpenDefaultPolicy();
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Opens the embedded default policy.</summary>
    internal static Stream OpenDefaultPolicy() =>
        typeof(RuleSetJson).Assembly.GetManifestResourceStream("OfferRules.default-policy.json")
            ?? throw new InvalidOperationException("The default policy is missing from the OfferRules assembly.");

    private static RuleSetLoadResult TooLarge(long size, RuleSetLimits limits) =>
        Failed([new RuleSetDiagnostic("ruleSet.limit", string.Empty, $"The rule file is {size} bytes; the limit is {limits.MaxBytes}.")]);

    private static RuleSetLoadResult Failed(IEnumerable<RuleSetDiagnostic> diagnostics) => new(null, [.. diagnostics]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
