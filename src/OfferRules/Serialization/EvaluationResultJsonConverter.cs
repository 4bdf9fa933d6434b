using System.Text.Json;
using System.Text.Json.Serialization;
using OfferRules.Evaluation;

namespace OfferRules.Serialization;

/// <summary>
/// Writes <see cref="EvaluationResult"/> in the evaluation JSON contract (<c>schema/evaluation.schema.json</c>) for
/// <see cref="JsonSerializer"/> and for hosts such as ASP.NET Core (<c>Results.Ok(result)</c>).
/// <see cref="EvaluationResult"/> carries it through <see cref="JsonConverterAttribute"/>, so no option needs setting.
/// </summary>
/// <remarks>
/// Writing writes exactly what <see cref="EvaluationJson.ToJson"/> writes with no input label, on one line, whatever
/// the serializer's options; the texts are in the language the result was evaluated in. Results are output only:
/// reading one throws <see cref="NotSupportedException"/>. This type is stateless and thread-safe.
/// </remarks>
public sealed class EvaluationResultJsonConverter : JsonConverter<EvaluationResult>
{
    /// <summary>Throws, because evaluation results are output only.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type to convert.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override EvaluationResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(
            "An EvaluationResult cannot be read from JSON: results are output only. Read the case (OfferCase) and evaluate it again with OfferEvaluator.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, EvaluationResult value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(EvaluationJson.ToUtf8Json(value), skipInputValidation: true);
    }
}
