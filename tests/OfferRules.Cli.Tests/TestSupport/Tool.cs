using System.Text;
using System.Text.Json;
using OfferRules.Cli;
using Spectre.Console;

namespace OfferRules.Cli.Tests.TestSupport;

/// <summary>Runs the tool in-process against string writers, with the console's terminal settings of the test's choice.</summary>
internal static class Tool
{
    public static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "cases");

    public static string Case(string name) => Path.Combine(CasesDirectory, name);

    public static string S01 => Case("S01-fresh-polite-decline-seats-open.json");

    /// <summary>Runs with redirected (non-terminal) output, as a pipe or a file would be.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args) => Run(static c => c, args);

    /// <summary>Runs with a console that <paramref name="configure"/> adjusts (terminals, width, colours, standard input).</summary>
    public static (int Exit, string Out, string Err) Run(Func<CliConsoleBuilder, CliConsoleBuilder> configure, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = configure(new CliConsoleBuilder()).Build(stdout, stderr);
        var exit = CliApp.Run(args, console);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>An example case file written on one line.</summary>
    public static string Line(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Case(file)));
        return JsonSerializer.Serialize(document.RootElement);
    }

    /// <summary>The valid example cases (S25 is invalid by design) as JSON Lines, repeated to <paramref name="count"/> lines.</summary>
    public static string JsonLines(int count)
    {
        var lines = Directory.GetFiles(CasesDirectory, "S*.json").Order(StringComparer.Ordinal)
            .Where(f => !Path.GetFileName(f).StartsWith("S25", StringComparison.Ordinal))
            .Select(f => Line(Path.GetFileName(f))).ToArray();
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(lines[i % lines.Length]).Append('\n');
        }

        return builder.ToString();
    }

    public static string TempFile(string contents, string extension = ".jsonl")
    {
        var path = Path.Combine(Path.GetTempPath(), $"offerrules-{Guid.NewGuid()}{extension}");
        File.WriteAllText(path, contents);
        return path;
    }

    public static JsonElement[] ParseLines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    /// <summary>Removes ANSI escape sequences (colours, cursor moves) from terminal output.</summary>
    public static string StripAnsi(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;?]*[A-Za-z]", string.Empty);
}

/// <summary>The settings of an in-process console.</summary>
internal sealed record CliConsoleBuilder
{
    public bool OutIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    public bool NoColor { get; init; }

    public int Width { get; init; } = 100;

    public byte[]? Stdin { get; init; }

    public Func<Stream>? OpenStdin { get; init; }

    public TimeSpan ProgressDelay { get; init; } = TimeSpan.FromSeconds(1);

    public CliInterrupt Interrupt { get; init; } = new();

    public Func<TextWriter, TextWriter> WrapOut { get; init; } = w => w;

    public CliConsoleBuilder Terminal() => this with { OutIsTerminal = true, ErrorIsTerminal = true };

    public CliConsole Build(TextWriter stdout, TextWriter stderr) => new()
    {
        Out = WrapOut(stdout),
        Error = stderr,
        OpenStdin = OpenStdin ?? (() => new MemoryStream(Stdin ?? [])),
        OutIsTerminal = OutIsTerminal,
        ErrorIsTerminal = ErrorIsTerminal,
        NoColor = NoColor,
        Colors = ColorSystemSupport.TrueColor,
        Width = Width,
        ProgressDelay = ProgressDelay,
        Interrupt = Interrupt,
    };
}
