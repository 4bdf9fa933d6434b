using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using OfferRules.Benchmarks.Data;

namespace OfferRules.Benchmarks;

/// <summary>
/// Runs the suite: <c>dotnet run -c Release --project benchmarks/OfferRules.Benchmarks -- --filter '*'</c>. One extra
/// command writes the benchmarks' generated cases (the ones the policy evaluates) as JSON Lines, for a timed run of the
/// command-line tool: <c>-- generate-jsonl COUNT FILE</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate-jsonl")
        {
            return GenerateJsonLines(args);
        }

        var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    private static int GenerateJsonLines(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[1], out var count) || count < 0)
        {
            Console.Error.WriteLine("Usage: generate-jsonl COUNT FILE");
            return 2;
        }

        using (var file = File.Create(args[2]))
        using (var buffered = new BufferedStream(file, 1 << 16))
        {
            BenchmarkData.WriteJsonLines(buffered, BenchmarkData.EvaluatedCases(count));
        }

        Console.WriteLine($"Wrote {count} cases to {args[2]} (seed {BenchmarkData.Seed}).");
        return 0;
    }
}
