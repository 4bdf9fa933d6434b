using System.Text.Json;
using System.Text.Json.Serialization;
using OfferRules.Domain;

namespace OfferRules.Serialization;

/// <summary>
/// Converts <see cref="OfferCase"/> to and from the case JSON contract (<c>schema/case.schema.json</c>) for
/// <see cref="JsonSerializer"/> and for hosts such as ASP.NET Core minimal APIs. <see cref="OfferCase"/> carries it
/// through <see cref="JsonConverterAttribute"/>, so no option needs setting.
/// </summary>
/// <remarks>
/// <para>
/// Reading takes the whole JSON value and runs the strict reader, <see cref="CaseJson.Read(string)"/>, on it. A case
/// with problems throws a <see cref="JsonException"/> whose message lists every issue (code, path and English message,
/// one a line) and whose <see cref="Exception.InnerException"/> is a <see cref="CaseReadException"/> carrying them in
/// <see cref="CaseReadException.Diagnostics"/>. To report the problems instead of throwing (for example as problem
/// details, or in Japanese), read the body with <c>CaseJson.ReadAsync</c> and use the result.
/// </para>
/// <para>
/// Writing writes exactly <see cref="CaseJson.ToJson(OfferCase)"/>, whatever the serializer's options (indentation and
/// encoder included). This type is stateless and thread-safe.
/// </para>
/// </remarks>
public sealed class OfferCaseJsonConverter : JsonConverter<OfferCase>
{
    /// <inheritdoc/>
    /// <exception cref="JsonException">The value is not a valid case; the message lists every issue.</exception>
    public override OfferCase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var result = CaseJson.Read(document.RootElement.GetRawText(), null);
        if (result.TryGetValue(out var offerCase))
        {
            return offerCase;
        }

        var inner = new CaseReadException(result.Diagnostics);
        throw new JsonException(inner.Message, inner);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, OfferCase value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(CaseJson.ToUtf8Json(value), skipInputValidation: true);
    }
}
