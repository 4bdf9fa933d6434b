using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Cli;

/// <summary>
/// Writes the result lines of a JSON Lines batch as UTF-8. When standard output is the tool's own buffered UTF-8
/// <see cref="StreamWriter"/> (the process, the benchmarks), the lines go as bytes straight into a
/// <see cref="Utf8LineWriter"/> over its stream: no string per line, no transcoding. Over any other writer (the tests'
/// string writers) each line is written as text, whole, as before. The bytes are the same either way.
/// </summary>
internal sealed class ResultLines : IDisposable
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[][] s_outlooks = [.. new[] { "veryUnlikely", "unlikely", "possible", "likely" }.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] s_confidences = [.. new[] { "low", "medium", "high" }.Select(Encoding.UTF8.GetBytes)];

    private readonly Utf8LineWriter? _bytes;
    private readonly TextWriter _text;
    private readonly ArrayBufferWriter<byte>? _scratch;
    private readonly Utf8JsonWriter _json;

    /// <summary>Initializes the writer over standard output.</summary>
    public ResultLines(TextWriter stdout)
    {
        if (stdout.GetType() == typeof(StreamWriter) && stdout is StreamWriter { AutoFlush: false } writer && writer.Encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // Whatever the writer holds goes first; from here on everything goes through the byte buffer, in order.
            writer.Flush();
            _bytes = new Utf8LineWriter(writer.BaseStream, writer.NewLine);
            _text = _bytes;
            _json = new Utf8JsonWriter(_bytes, s_compact);
        }
        else
        {
            _text = stdout;
            _scratch = new ArrayBufferWriter<byte>(1024);
            _json = new Utf8JsonWriter(_scratch, s_compact);
        }
    }

    /// <summary>Gets where other text for standard output goes, so that it stays in order with the result lines.</summary>
    public TextWriter Out => _text;

    private IBufferWriter<byte> Target => (IBufferWriter<byte>?)_bytes ?? _scratch!;

    /// <summary>Encodes a label (a path, or <c>-</c>) for use inside a JSON string, as <see cref="EvaluationJson"/> writes it.</summary>
    public static byte[] EncodeLabel(string label) =>
        Encoding.UTF8.GetBytes(JsonEncodedText.Encode(label, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());

    /// <summary>Writes <c>{"input":…,"status":…,"outlook":…,"confidence":…}</c>; <paramref name="decision"/> is <see langword="null"/> for an invalid input.</summary>
    public void WriteOutlookOnly(ReadOnlySpan<byte> escapedLabel, long? line, Decision? decision)
    {
        // The longest line: the label, a line number, and the longest outlook and confidence.
        var span = Target.GetSpan(escapedLabel.Length + 96);
        var at = Append(span, 0, "{\"input\":\""u8);
        at = Append(span, at, escapedLabel);
        if (line is { } number)
        {
            span[at++] = (byte)':';
            Utf8Formatter.TryFormat(number, span[at..], out var written);
            at += written;
        }

        if (decision is { Outlook: { } outlook, Confidence: { } confidence })
        {
            at = Append(span, at, "\",\"status\":\"evaluated\",\"outlook\":\""u8);
            at = Append(span, at, s_outlooks[(int)outlook]);
            at = Append(span, at, "\",\"confidence\":\""u8);
            at = Append(span, at, s_confidences[(int)confidence]);
            at = Append(span, at, "\"}"u8);
        }
        else
        {
            at = Append(span, at, "\",\"status\":\"invalid\",\"outlook\":null,\"confidence\":null}"u8);
        }

        Target.Advance(at);
        EndLine();
    }

    /// <summary>Writes a full result line, exactly the bytes of <see cref="EvaluationJson.ToJson"/>.</summary>
    public void WriteJson(EvaluationResult result, string input)
    {
        _json.Reset();
        EvaluationJson.Write(_json, result, input);
        _json.Flush();
        EndLine();
    }

    /// <summary>Releases the JSON writer; the stream stays open (it belongs to standard output).</summary>
    public void Dispose()
    {
        _json.Dispose();
        _bytes?.Dispose();
    }

    private static int Append(Span<byte> span, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        return at + bytes.Length;
    }

    private void EndLine()
    {
        if (_bytes is not null)
        {
            _bytes.WriteUtf8(_bytes.NewLineUtf8);
            return;
        }

        _text.WriteLine(Encoding.UTF8.GetString(_scratch!.WrittenSpan));
        _scratch.ResetWrittenCount();
    }
}
