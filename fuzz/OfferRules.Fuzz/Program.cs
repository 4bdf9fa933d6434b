using OfferRules.Fuzz;
using SharpFuzz;

// Under afl-fuzz: `dotnet OfferRules.Fuzz.dll case|ruleset` runs the fork server and reads each input from AFL.
// By hand: `dotnet OfferRules.Fuzz.dll case|ruleset FILE...` replays files and reports any exception (exit code 1).
// Replay with an uninstrumented build: instrumented code crashes when it runs outside the fork server.
if (args.Length == 0 || Array.IndexOf(FuzzTargets.Names, args[0]) < 0)
{
    Console.Error.WriteLine($"Usage: OfferRules.Fuzz {string.Join("|", FuzzTargets.Names)} [FILE...]");
    return 2;
}

var target = args[0];
if (args.Length > 1)
{
    var failures = 0;
    foreach (var file in args.Skip(1))
    {
        try
        {
            Console.WriteLine($"{file}: {FuzzTargets.Run(target, File.ReadAllBytes(file))}");
        }
#pragma warning disable CA1031 // Replay mode reports every exception: any of them is a bug.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failures++;
            Console.Error.WriteLine($"{file}: {ex}");
        }
    }

    Console.WriteLine($"{args.Length - 1 - failures} passed, {failures} failed");
    return failures == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var input = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
    if (target == "case")
    {
        _ = FuzzTargets.Case(input);
    }
    else
    {
        _ = FuzzTargets.RuleSet(input);
    }
});
return 0;
