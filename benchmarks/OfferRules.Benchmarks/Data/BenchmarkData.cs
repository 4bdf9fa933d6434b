using OfferRules.Benchmarks.Peers;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Data;

/// <summary>The cases every implementation is measured on.</summary>
public static class BenchmarkData
{
    /// <summary>The seed of every generated set, so runs compare the same cases.</summary>
    public const int Seed = 20250710;

    /// <summary>
    /// Gets <paramref name="count"/> generated cases that the policy evaluates (invalid ones are left out so that every
    /// measured evaluation runs the rules; invalid cases stop at validation and are cheap in every implementation).
    /// </summary>
    public static OfferCase[] EvaluatedCases(int count)
    {
        var random = new Random(Seed);
        var cases = new List<OfferCase>(count);
        while (cases.Count < count)
        {
            var @case = CaseGenerator.Next(random);
            if (FloorPolicy.Decide(@case).Status == EvaluationStatus.Evaluated)
            {
                cases.Add(@case);
            }
        }

        return [.. cases];
    }

    /// <summary>Writes cases as JSON Lines (UTF-8, one case per line, <c>\n</c> after each), in the case JSON contract.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cases">The cases.</param>
    public static void WriteJsonLines(Stream stream, IEnumerable<OfferCase> cases)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var @case in cases)
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(CaseJson.ToJson(@case)));
            stream.WriteByte((byte)'\n');
        }
    }
}
