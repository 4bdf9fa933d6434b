using Spectre.Console;

namespace OfferRules.Cli;

/// <summary>
/// What a run of the tool talks to: its three streams, whether standard output and standard error are terminals, the
/// terminal's width and colour preference, and the interrupt that Ctrl-C and SIGTERM raise.
/// </summary>
/// <remarks>
/// <see cref="Program"/> builds one from the process; tests build one over string writers, so the terminal rendering,
/// the progress display and an interruption can all be tried without a terminal or a signal.
/// </remarks>
internal sealed class CliConsole
{
    /// <summary>Gets where results go.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Gets where usage errors, summaries and the progress display go.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets the function that opens standard input, for <c>--jsonl -</c>.</summary>
    public Func<Stream> OpenStdin { get; init; } = () => Stream.Null;

    /// <summary>Gets a value indicating whether <see cref="Out"/> is a terminal: text results are then drawn with colours and tables.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Error"/> is a terminal: a long batch may then show its progress.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Gets a value indicating whether colours are off (the <c>NO_COLOR</c> convention).</summary>
    public bool NoColor { get; init; }

    /// <summary>Gets the colours the terminal supports; <see cref="ColorSystemSupport.Detect"/> asks the environment.</summary>
    public ColorSystemSupport Colors { get; init; } = ColorSystemSupport.Detect;

    /// <summary>Gets the terminal's width in columns, or <see langword="null"/> for 80.</summary>
    public int? Width { get; init; }

    /// <summary>Gets the interrupt that Ctrl-C and SIGTERM raise.</summary>
    public CliInterrupt Interrupt { get; init; } = new();

    /// <summary>Gets how long a batch runs before it shows its progress, so that short runs draw nothing.</summary>
    public TimeSpan ProgressDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the time source of the evaluations (the day a case without <c>asOf</c> is evaluated on).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Creates the Spectre.Console console that draws results on <see cref="Out"/>; with <see cref="NoColor"/> it writes no escape sequence at all.</summary>
    public IAnsiConsole CreateOutTerminal() => CreateTerminal(Out, NoColor ? AnsiSupport.No : AnsiSupport.Yes);

    /// <summary>Creates the Spectre.Console console that draws the progress on <see cref="Error"/> (it moves the cursor, so it always speaks ANSI).</summary>
    public IAnsiConsole CreateErrorTerminal() => CreateTerminal(Error, AnsiSupport.Yes);

    private IAnsiConsole CreateTerminal(TextWriter writer, AnsiSupport ansi)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi,
            ColorSystem = NoColor ? ColorSystemSupport.NoColors : Colors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = Width is { } width && width > 0 ? width : 80;
        return console;
    }
}
