using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OfferRules.Diagnostics;
using OfferRules.Evaluation.Plan;
using OfferRules.Rules;

namespace OfferRules.Serialization;

/// <summary>
/// Loads rule sets from JSON. Loading never throws for bad input: the result carries every problem with its
/// JSON Pointer. A rule file can only name catalogued facts and the closed set of condition nodes; nothing in it is
/// executed, compiled as code or reflected on, so a file from an untrusted tenant is safe to load. Size limits
/// (<see cref="RuleSetLimits"/>) keep a hostile file cheap to reject; the overloads that take them let a host tighten
/// them, for example per tenant.
/// </summary>
public static class RuleSetJson
{
    /// <summary>The chunk the stream overloads read at a time; a stream over the limit is read at most this much past it.</summary>
    internal const int StreamChunk = 81920;

    private static readonly Lazy<string> s_defaultPolicyJson = new(ReadDefaultPolicy);

    /// <summary>
    /// Gets the JSON text of the built-in default policy, as a starting point for a rule set of your own
    /// (change the id and version, adjust, then load it with <see cref="Load(string)"/>).
    /// </summary>
    public static string DefaultPolicyJson => s_defaultPolicyJson.Value;

    /// <summary>Loads a rule set from JSON text, within the default limits.</summary>
    /// <param name="json">The rule file's text.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult Load(string json) => Load(json, RuleSetLimits.Default);

    /// <summary>Loads a rule set from JSON text, within the given limits.</summary>
    /// <param name="json">The rule file's text.</param>
    /// <param name="limits">The limits the file must keep to, such as <see cref="RuleSetLimits.Default"/> tightened for a tenant.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="limits"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult Load(string json, RuleSetLimits limits) => OfferRulesTelemetry.RecordLoad(LoadString(json, limits));

    private static RuleSetLoadResult LoadString(string json, RuleSetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);

        // Each character is at least one byte, so a string longer than the limit is too large without encoding it.
        if (json.Length > limits.MaxBytes)
        {
            return TooLarge(json.Length, limits);
        }

        var size = Encoding.UTF8.GetByteCount(json);
        if (size > limits.MaxBytes)
        {
            return TooLarge(size, limits);
        }

        return LoadSpan(Encoding.UTF8.GetBytes(json), limits);
    }

    /// <summary>Loads a rule set from UTF-8 bytes (a leading byte order mark is allowed), within the default limits.</summary>
    /// <param name="utf8Json">The rule file's bytes.</param>
    /// <returns>The rule set, or every problem found.</returns>
    public static RuleSetLoadResult Load(ReadOnlySpan<byte> utf8Json) => Load(utf8Json, RuleSetLimits.Default);

    /// <summary>Loads a rule set from UTF-8 bytes (a leading byte order mark is allowed), within the given limits.</summary>
    /// <param name="utf8Json">The rule file's bytes.</param>
    /// <param name="limits">The limits the file must keep to, such as <see cref="RuleSetLimits.Default"/> tightened for a tenant.</param>
    /// <returns>The rule set, or every problem found. The rule set's <see cref="RuleSet.ContentHash"/> is the SHA-256 of these bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult Load(ReadOnlySpan<byte> utf8Json, RuleSetLimits limits) => OfferRulesTelemetry.RecordLoad(LoadSpan(utf8Json, limits));

    /// <summary>Loads a rule set from UTF-8 bytes; <paramref name="forward"/> <see langword="false"/> skips the forward reader (for tests that compare the two readers).</summary>
    internal static RuleSetLoadResult LoadSpan(ReadOnlySpan<byte> utf8Json, RuleSetLimits limits, bool forward = true)
    {
        ArgumentNullException.ThrowIfNull(limits);
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
            return InvalidUtf8(utf8Json);
        }

        // A clean file, nearly every one, is read in one forward pass; any problem sends it to the document reader below,
        // which reports every problem, so a file that fails fails exactly as before.
        if (forward && RuleSetReader.ForwardReader.TryRead(utf8Json, limits) is { } clean && JsonPositions.FindUnreadableString(utf8Json, limits.MaxJsonDepth) < 0)
        {
            var compiled = RuleSetCompiler.Compile(clean, new JsonWalker(limits.MaxDiagnostics), limits);
            if (compiled is not null)
            {
                return new RuleSetLoadResult(new RuleSet(compiled, hash), []);
            }
        }

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
            // System.Text.Json parses an escaped lone surrogate ("\uD800") but throws when the string is read.
            var unreadable = JsonPositions.FindUnreadableString(utf8Json, limits.MaxJsonDepth);
            if (unreadable >= 0)
            {
                var (line, column) = JsonPositions.LineAndColumn(utf8Json, (int)unreadable);
                return Failed([new RuleSetDiagnostic(
                    "json.malformed",
                    JsonPositions.PointerAt(utf8Json, unreadable),
                    "A string has a \\u escape that is not valid Unicode text: a lone surrogate such as \\uD800.") { Line = line, Column = column }]);
            }

            var walker = new JsonWalker(limits.MaxDiagnostics);
            var model = new RuleSetReader(walker, limits).Read(document.RootElement);
            var plan = model is null ? null : RuleSetCompiler.Compile(model, walker, limits);
            if (plan is null || walker.HasErrors)
            {
                return Failed(JsonPositions.Locate(utf8Json, walker.Diagnostics));
            }

            return new RuleSetLoadResult(new RuleSet(plan, hash), []);
        }
    }

    /// <summary>Loads a rule set from a stream, within the default limits, reading at most the size limit.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult Load(Stream utf8Json) => Load(utf8Json, RuleSetLimits.Default);

    /// <summary>Loads a rule set from a stream, within the given limits, reading at most <see cref="RuleSetLimits.MaxBytes"/> and one chunk more.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON.</param>
    /// <param name="limits">The limits the file must keep to, such as <see cref="RuleSetLimits.Default"/> tightened for a tenant.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="limits"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult Load(Stream utf8Json, RuleSetLimits limits) => OfferRulesTelemetry.RecordLoad(LoadStream(utf8Json, limits));

    private static RuleSetLoadResult LoadStream(Stream utf8Json, RuleSetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(limits);
        using var buffer = new MemoryStream();
        var chunk = new byte[StreamChunk];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
            {
                return TooLarge(buffer.Length + read, limits, atLeast: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return LoadSpan(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), limits);
    }

    /// <summary>Loads a rule set from a file, within the default limits. A missing or unreadable file is a diagnostic, not an exception.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult LoadFile(string path) => LoadFile(path, RuleSetLimits.Default);

    /// <summary>Loads a rule set from a file, within the given limits. A missing or unreadable file is a diagnostic, not an exception.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="limits">The limits the file must keep to, such as <see cref="RuleSetLimits.Default"/> tightened for a tenant.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is <see langword="null"/>.</exception>
    public static RuleSetLoadResult LoadFile(string path, RuleSetLimits limits) => OfferRulesTelemetry.RecordLoad(LoadFileCore(path, limits));

    private static RuleSetLoadResult LoadFileCore(string path, RuleSetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var stream = File.OpenRead(path);
            return LoadStream(stream, limits);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Unreadable(path, ex);
        }
    }

    /// <summary>
    /// Loads a rule set from a stream asynchronously, reading at most <see cref="RuleSetLimits.MaxBytes"/> and one chunk
    /// of 80 KiB more. The result is the same as <see cref="Load(Stream, RuleSetLimits)"/> gives; a stream over the limit
    /// is a <c>ruleSet.limit</c> diagnostic.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON.</param>
    /// <param name="limits">The limits the file must keep to; <see cref="RuleSetLimits.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read; a cancelled read throws, it is not reported as a diagnostic.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<RuleSetLoadResult> LoadAsync(Stream utf8Json, RuleSetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return OfferRulesTelemetry.RecordLoad(await LoadStreamAsync(utf8Json, limits ?? RuleSetLimits.Default, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Loads a rule set from a file asynchronously. A missing or unreadable file is a <c>file.unreadable</c> diagnostic,
    /// not an exception, as with <see cref="LoadFile(string, RuleSetLimits)"/>.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="limits">The limits the file must keep to; <see cref="RuleSetLimits.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read; a cancelled read throws, it is not reported as a diagnostic.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<RuleSetLoadResult> LoadFileAsync(string path, RuleSetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= RuleSetLimits.Default;
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                return OfferRulesTelemetry.RecordLoad(await LoadStreamAsync(stream, limits, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return OfferRulesTelemetry.RecordLoad(Unreadable(path, ex));
        }
    }

    private static async ValueTask<RuleSetLoadResult> LoadStreamAsync(Stream utf8Json, RuleSetLimits limits, CancellationToken cancellationToken)
    {
        using var bytes = await PooledStreamReader.ReadAsync(utf8Json, limits.MaxBytes, StreamChunk, cancellationToken).ConfigureAwait(false);
        return bytes.TooLargeAt >= 0 ? TooLarge(bytes.TooLargeAt, limits, atLeast: true) : LoadSpan(bytes.Span, limits);
    }

    /// <summary>
    /// Writes a loaded rule set back to JSON. Loading the text gives a rule set that decides and explains every case
    /// the same way (its content hash differs when the text does).
    /// </summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public static string ToJson(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            RuleSetWriter.Write(writer, ruleSet.Plan.Model);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
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

    private static RuleSetLoadResult Unreadable(string path, Exception ex) =>
        Failed([new RuleSetDiagnostic("file.unreadable", string.Empty, $"The file '{path}' could not be read: {ex.Message}")]);

    /// <summary>The result for a rule file of <paramref name="size"/> bytes (or at least that many), over <see cref="RuleSetLimits.MaxBytes"/>.</summary>
    internal static RuleSetLoadResult TooLarge(long size, RuleSetLimits limits, bool atLeast = false) =>
        Failed([new RuleSetDiagnostic("ruleSet.limit", string.Empty, $"The rule file is {(atLeast ? "at least " : string.Empty)}{size} bytes; the limit is {limits.MaxBytes}.")]);

    private static RuleSetLoadResult InvalidUtf8(ReadOnlySpan<byte> utf8Json)
    {
        // Find the first byte that does not start a valid sequence, so that the diagnostic says where.
        var offset = 0;
        while (offset < utf8Json.Length)
        {
            if (Rune.DecodeFromUtf8(utf8Json[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
        }

        var (line, column) = JsonPositions.LineAndColumn(utf8Json, offset);
        return Failed([new RuleSetDiagnostic("json.malformed", string.Empty, $"The text is not valid UTF-8 (byte {offset + 1}).") { Line = line, Column = column }]);
    }

    private static RuleSetLoadResult Failed(IEnumerable<RuleSetDiagnostic> diagnostics) => new(null, [.. diagnostics]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
