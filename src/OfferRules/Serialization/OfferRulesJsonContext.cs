using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Serialization;

/// <summary>
/// The source-generated <see cref="JsonSerializerContext"/> for the OfferRules JSON contracts: <see cref="OfferCase"/>
/// read and written as the case JSON, <see cref="EvaluationResult"/> (and lists of them) written as the evaluation JSON.
/// </summary>
/// <remarks>
/// <para>
/// With reflection-based serialization the types bind by themselves through their <see cref="JsonConverterAttribute"/>.
/// A trimmed or Native AOT app, which has no reflection-based resolver, adds this context to its resolver chain, for
/// example in ASP.NET Core:
/// <c>builder.Services.ConfigureHttpJsonOptions(o =&gt; o.SerializerOptions.TypeInfoResolverChain.Insert(0, OfferRulesJsonContext.Default));</c>
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
[JsonSerializable(typeof(OfferCase))]
[JsonSerializable(typeof(EvaluationResult))]
[JsonSerializable(typeof(EvaluationResult[]))]
[JsonSerializable(typeof(ImmutableArray<EvaluationResult>))]
[JsonSerializable(typeof(IReadOnlyList<EvaluationResult>))]
public sealed partial class OfferRulesJsonContext : JsonSerializerContext
{
}
