using System.CommandLine;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>Writes the help of a command in English or Japanese, its columns aligned by display width.</summary>
internal static class HelpWriter
{
    private const int MaxFirstColumn = 30;
    private const int MaxWidth = 100;

    public static void Write(TextWriter output, CliParser parser, Command command)
    {
        var ja = parser.Ja;
        var help = parser.HelpOf(command);
        foreach (var line in Wrap(command.Description ?? string.Empty, MaxWidth))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        output.WriteLine(Say(ja, "Usage:", "使い方："));
        foreach (var usage in help.Usage)
        {
            output.WriteLine("  " + usage);
        }

        var arguments = command.Arguments.Where(a => !a.Hidden && a.Description is not null)
            .Select(a => (a.Name, a.Description!)).ToList();
        WriteSection(output, Say(ja, "Arguments:", "引数："), arguments);

        if (command == parser.Root)
        {
            var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? string.Empty)).ToList();
            WriteSection(output, Say(ja, "Commands:", "コマンド："), commands);
        }

        var options = command.Options
            .Concat(command == parser.Root ? [] : parser.Root.Options.Where(o => o.Recursive && !command.Options.Contains(o)))
            .Where(o => !o.Hidden)
            .Select(o => (Label(o), o.Description ?? string.Empty))
            .ToList();
        WriteSection(output, Say(ja, "Options:", "オプション："), options);

        if (help.Footer.Length > 0)
        {
            output.WriteLine();
            foreach (var line in help.Footer)
            {
                output.WriteLine(line);
            }
        }
    }

    private static string Label(Option option)
    {
        var names = option.Aliases.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Append(option.Name);
        var label = string.Join(", ", names);
        return option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool)
            ? label
            : $"{label} <{option.HelpName ?? "VALUE"}>";
    }

    private static void WriteSection(TextWriter output, string title, List<(string First, string Second)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(title);
        var width = Math.Min(MaxFirstColumn, rows.Max(r => TerminalText.Width(r.First)));
        foreach (var (first, second) in rows)
        {
            var lines = second.Split('\n').SelectMany(l => Wrap(l, MaxWidth - width - 4)).ToArray();
            if (TerminalText.Width(first) > width)
            {
                output.WriteLine("  " + first);
                output.WriteLine("  " + new string(' ', width) + "  " + lines[0]);
            }
            else
            {
                output.WriteLine("  " + TerminalText.PadRight(first, width) + "  " + lines[0]);
            }

            foreach (var line in lines.Skip(1))
            {
                output.WriteLine("  " + new string(' ', width) + "  " + line);
            }
        }
    }

    /// <summary>Wraps a line to <paramref name="columns"/> display columns, at a space where there is one (Japanese breaks between any two characters).</summary>
    internal static IEnumerable<string> Wrap(string line, int columns)
    {
        columns = Math.Max(columns, 20);
        while (TerminalText.Width(line) > columns)
        {
            var width = 0;
            var cut = 0;
            var lastSpace = -1;
            while (cut < line.Length)
            {
                var w = TerminalText.Width(line.Substring(cut, char.IsSurrogatePair(line, cut) ? 2 : 1));
                if (width + w > columns)
                {
                    break;
                }

                if (line[cut] == ' ')
                {
                    lastSpace = cut;
                }

                width += w;
                cut += char.IsSurrogatePair(line, cut) ? 2 : 1;
            }

            // Japanese punctuation may not start a line: keep it with what comes before.
            while (cut < line.Length && "、。）」』，．：".Contains(line[cut], StringComparison.Ordinal))
            {
                cut++;
            }

            // Inside a word of Latin letters, break at the last space instead.
            var at = lastSpace > 0 && cut < line.Length && !IsWide(line[cut]) && !IsWide(line[cut - 1]) ? lastSpace : cut;

            yield return line[..at].TrimEnd();
            line = line[at..].TrimStart();
        }

        yield return line;
    }

    private static bool IsWide(char c) => TerminalText.Width(c.ToString()) == 2;
}
