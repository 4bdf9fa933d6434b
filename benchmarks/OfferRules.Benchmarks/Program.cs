using BenchmarkDotNet.Running;
using OfferRules.Benchmarks.Cases;

namespace OfferRules.Benchmarks;

/// <summary>
/// Runs the suite: <c>dotnet run -c Release --project benchmarks/OfferRules.Benchmarks -- --filter '*'</c>. One extra
/// command writes generated cases as JSON Lines for a timed run of the command-line tool:
/// <c>-- generate-jsonl COUNT FILE [SEED]</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate-jsonl")
        {
            return GenerateJsonLines(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int GenerateJsonLines(string[] args)
    {
        if (args.Length is < 3 or > 4 || !int.TryParse(args[1], out var count) || count < 0)
        {
            Console.Error.WriteLine("Usage: generate-jsonl COUNT FILE [SEED]");
            return 2;
        }

        var seed = args.Length == 4 && int.TryParse(args[3], out var s) ? s : BenchmarkData.Seed;
        using var file = File.Create(args[2]);
        using var buffered = new BufferedStream(file, 1 << 16);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            buffered.Write(CaseJsonWriter.ToUtf8(CaseGenerator.Next(random)));
            buffered.WriteByte((byte)'\n');
        }

        Console.WriteLine($"Wrote {count} cases to {args[2]} (seed {seed}).");
        return 0;
    }
}
