using System.CommandLine;
using System.Reflection;
using OfferRules.Rules;
using OfferRules.Serialization;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>
/// The command-line front end: <c>offerrules evaluate FILE... [--format text|json] [--lang en|ja] [--rules FILE]</c>,
/// the batch form <c>evaluate --jsonl FILE|- [--outlook-only] [--skip N]</c>, the rule-file commands
/// <c>check | test | coverage | diff | fmt</c>, and <c>offerrules --version</c>.
/// </summary>
internal static class CliApp
{
    /// <summary>Every input was evaluated (or the command found nothing wrong).</summary>
    public const int Ok = 0;

    /// <summary>Some input was invalid; it still got its result.</summary>
    public const int SomeInvalid = 1;

    /// <summary>The command line was wrong, or the rule set did not load.</summary>
    public const int UsageError = 2;

    /// <summary>The results could not be written, such as on a full disk (<c>EX_IOERR</c> of sysexits.h).</summary>
    public const int WriteFailed = 74;

    /// <summary>Ctrl-C or SIGTERM stopped the run after a whole line (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>The reader of standard output went away, such as <c>head -1</c> (128 + SIGPIPE, as a shell reports it).</summary>
    public const int BrokenPipe = 141;

    /// <summary>Runs a command with the process's standard input and no progress line.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, Console.OpenStandardInput, stdout, stderr, showProgress: false);

    /// <summary>Runs a command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="openStdin">Opens standard input, for <c>--jsonl -</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where usage errors and the batch progress line go.</param>
    /// <param name="showProgress">Whether a long batch may draw a progress line on <paramref name="stderr"/>; pass whether it is a terminal.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr, bool showProgress) =>
        Run(args, new CliConsole { Out = stdout, Error = stderr, OpenStdin = openStdin, ErrorIsTerminal = showProgress });

    /// <summary>Runs a command against a console; a failed write to standard output is an exit code, not a crash.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var ja = false;
        try
        {
            var parser = new CliParser(args);
            ja = parser.Ja;
            var exit = Dispatch(parser, console);
            console.Out.Flush();
            return exit;
        }
        catch (OutputFailedException ex) when (ex.IsBrokenPipe)
        {
            // The reader has gone, and wants nothing more: stop quietly, as a program killed by SIGPIPE would.
            return BrokenPipe;
        }
        catch (OutputFailedException ex)
        {
            try
            {
                console.Error.WriteLine(Say(
                    ja,
                    $"offerrules: the results could not be written: {ex.Message} The output is incomplete.",
                    $"offerrules：結果を書き出せませんでした（{ex.Message}）。出力は途中までです。"));
            }
            catch (IOException)
            {
            }

            return WriteFailed;
        }
    }

    private static int Dispatch(CliParser parser, CliConsole console)
    {
        var ja = parser.Ja;
        var result = parser.Parse();
        var command = result.CommandResult.Command;

        if (result.GetResult(parser.Help) is { Implicit: false })
        {
            HelpWriter.Write(console.Out, parser, command);
            return Ok;
        }

        if (command == parser.HelpCommand)
        {
            var topic = result.GetResult(parser.HelpTopic)?.Tokens is [{ } first, ..] ? first.Value : null;
            var target = topic is null ? parser.Root : parser.FindCommand(topic);
            if (target is null)
            {
                console.Error.WriteLine(Say(ja, $"offerrules: unknown command '{topic}'.", $"offerrules：「{topic}」というコマンドはありません。")
                    + parser.DidYouMean(topic!, parser.Root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)));
                return UsageError;
            }

            HelpWriter.Write(console.Out, parser, target);
            return Ok;
        }

        var problems = parser.Problems(result);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                console.Error.WriteLine(ForError(console, problem));
            }

            console.Error.WriteLine(parser.HelpHint(command));
            return UsageError;
        }

        if (command == parser.Root)
        {
            if (result.GetValue(parser.Version))
            {
                WriteVersion(console.Out, ja);
                return Ok;
            }

            // No command: the help, on standard error, since nothing was done.
            HelpWriter.Write(console.Error, parser, parser.Root);
            return UsageError;
        }

        if (command == parser.Evaluate)
        {
            return RunEvaluate(parser, result, console);
        }

        if (parser.ReportFormats.TryGetValue(command, out var formatOption))
        {
            var json = CliParser.Last(result, formatOption) == "json";
            var language = CliParser.Last(result, parser.Lang) == "ja";
            if (command == parser.Check)
            {
                return AnalysisCommands.Check(console, result.GetValue(parser.CheckFiles)!, json, result.GetValue(parser.Strict), language);
            }

            if (command == parser.Test)
            {
                return AnalysisCommands.Test(console, result.GetValue(parser.TestRules)!, result.GetValue(parser.TestFile)!, json, language);
            }

            if (command == parser.Coverage)
            {
                return AnalysisCommands.Coverage(console, result.GetValue(parser.CoverageRules)!, result.GetValue(parser.CoverageCases)!, json, language);
            }

            if (command == parser.Diff)
            {
                return AnalysisCommands.Diff(console, result.GetValue(parser.DiffOld)!, result.GetValue(parser.DiffNew)!, result.GetValue(parser.DiffCases)!, result.GetValue(parser.Examples), json, language);
            }

            var files = result.GetValue(parser.FmtFiles)!;
            var check = result.GetValue(parser.FmtCheck);
            var toStdout = result.GetValue(parser.FmtStdout);
            if ((check && toStdout) || (toStdout && files.Length > 1) || (files.Contains("-") && files.Length > 1))
            {
                console.Error.WriteLine(Say(
                    ja,
                    "offerrules: fmt takes either --check or --stdout, and --stdout (or -) one file only.",
                    "offerrules：fmt には --check か --stdout のどちらか一方を指定してください。--stdout（または -）で指定できるファイルは1つだけです。"));
                console.Error.WriteLine(parser.HelpHint(command));
                return UsageError;
            }

            return AnalysisCommands.Fmt(console, files, check, toStdout, json, language);
        }

        HelpWriter.Write(console.Error, parser, command);
        return UsageError;
    }

    private static int RunEvaluate(CliParser parser, ParseResult result, CliConsole console)
    {
        var ja = parser.Ja;
        var files = result.GetValue(parser.Files) ?? [];
        var format = CliParser.Last(result, parser.Format);
        var jsonl = result.GetValue(parser.Jsonl);
        var outlookOnly = result.GetValue(parser.OutlookOnly);
        string? problem = null;
        if (jsonl is not null && files.Length > 0)
        {
            problem = Say(ja, "offerrules: give either case files or --jsonl, not both.", "offerrules：ケースファイルか --jsonl のどちらか一方を指定してください。");
        }
        else if (jsonl is null && files.Length == 0)
        {
            problem = Say(ja, "offerrules: evaluate needs at least one case file, or --jsonl FILE|-.", "offerrules：evaluate にはケースファイルを1つ以上、または --jsonl FILE|- を指定してください。");
        }
        else if (format == "text" && (jsonl is not null || outlookOnly))
        {
            var option = jsonl is not null ? "--jsonl" : "--outlook-only";
            problem = Say(ja, $"offerrules: {option} writes JSON Lines; --format text does not apply.", $"offerrules：{option} は JSON Lines を書き出すため、--format text は使えません。");
        }

        if (problem is not null)
        {
            console.Error.WriteLine(problem);
            console.Error.WriteLine(parser.HelpHint(parser.Evaluate));
            return UsageError;
        }

        var ruleSet = RuleSet.Default;
        if (CliParser.Last(result, parser.Rules) is { } rules)
        {
            var loaded = LineBatch.WhileReading(console, rules, ja, () => RuleSetJson.LoadFile(rules));
            if (!loaded.TryGetValue(out var custom))
            {
                console.Error.WriteLine(ForError(console, Say(ja, $"offerrules: the rule set '{rules}' did not load:", $"offerrules：ルールセット「{rules}」を読み込めませんでした：")));
                foreach (var d in loaded.Diagnostics)
                {
                    console.Error.WriteLine(ForError(console, "  " + d));
                }

                return UsageError;
            }

            ruleSet = custom;
        }

        return new EvaluateCommand
        {
            Files = files,
            Json = format == "json",
            Ja = CliParser.Last(result, parser.Lang) == "ja",
            OutlookOnly = outlookOnly,
            RuleSet = ruleSet,
            Jsonl = jsonl,
            Skip = result.GetValue(parser.Skip),
            Parts = result.GetValue(parser.Parts),
        }.Run(console);
    }

    /// <summary>Writes the tool's version and the default rule set's id, version and hash.</summary>
    private static void WriteVersion(TextWriter output, bool ja)
    {
        var ruleSet = RuleSet.Default;
        output.WriteLine($"offerrules {ToolVersion}");
        output.WriteLine(Say(
            ja,
            $"default rule set: {ruleSet.Id} {ruleSet.Version} {ruleSet.ContentHash}",
            $"既定のルールセット：{ruleSet.Id} {ruleSet.Version} {ruleSet.ContentHash}"));
    }

    /// <summary>Gets the tool's version, as its package is numbered (without the commit the build adds after <c>+</c>).</summary>
    internal static string ToolVersion
    {
        get
        {
            var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>Neutralises control characters in a message for standard error when it is a terminal.</summary>
    internal static string ForError(CliConsole console, string message) =>
        console.ErrorIsTerminal ? TerminalText.Clean(message) : message;
}
