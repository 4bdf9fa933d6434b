using Spectre.Console;

namespace OfferRules.Cli;

/// <summary>
/// Where the rule-file commands write their text reports: plain text (redirected output, stable and easy to diff or
/// grep) or, when standard output is a terminal, Spectre.Console tables and colours. Texts from files are neutralised
/// on a terminal (<see cref="TerminalText.Clean"/>).
/// </summary>
internal abstract class ReportWriter
{
    /// <summary>Creates the writer for a console: a terminal one when standard output is a terminal.</summary>
    public static ReportWriter For(CliConsole console) =>
        console.OutIsTerminal ? new TerminalReportWriter(console.CreateOutTerminal()) : new PlainReportWriter(console.Out);

    /// <summary>Writes a line; <paramref name="style"/> (a Spectre.Console style such as <c>red</c>) only colours it on a terminal.</summary>
    public abstract void Line(string text, string? style = null);

    /// <summary>Writes a heading.</summary>
    public abstract void Heading(string text);

    /// <summary>Writes an empty line.</summary>
    public void Blank() => Line(string.Empty);

    /// <summary>Writes a table.</summary>
    public abstract void Table(ReportTable table);

    private sealed class PlainReportWriter(TextWriter output) : ReportWriter
    {
        public override void Line(string text, string? style = null) => output.WriteLine(text);

        public override void Heading(string text) => output.WriteLine(text);

        public override void Table(ReportTable table)
        {
            var columns = table.Headers.Length;
            var widths = new int[columns];
            foreach (var row in table.Rows.Select(r => r.Select(c => c.Text).ToArray()).Prepend(table.Headers))
            {
                for (var i = 0; i < columns; i++)
                {
                    widths[i] = Math.Max(widths[i], TerminalText.Width(row[i]));
                }
            }

            foreach (var row in table.Rows.Select(r => r.Select(c => c.Text).ToArray()).Prepend(table.Headers))
            {
                var cells = new string[columns];
                for (var i = 0; i < columns; i++)
                {
                    var pad = new string(' ', widths[i] - TerminalText.Width(row[i]));
                    cells[i] = table.RightAligned.Contains(i) ? pad + row[i] : (i == columns - 1 ? row[i] : row[i] + pad);
                }

                output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
            }
        }
    }

    private sealed class TerminalReportWriter(IAnsiConsole console) : ReportWriter
    {
        public override void Line(string text, string? style = null)
        {
            console.Write(new Text(TerminalText.Clean(text), style is null ? Style.Plain : Style.Parse(style)));
            console.WriteLine();
        }

        public override void Heading(string text) => Line(text, "bold underline");

        public override void Table(ReportTable table)
        {
            var spectre = new Table { Border = TableBorder.Rounded };
            for (var i = 0; i < table.Headers.Length; i++)
            {
                var column = new TableColumn(new Text(table.Headers[i], new Style(decoration: Decoration.Bold)));
                if (table.RightAligned.Contains(i))
                {
                    column.RightAligned();
                }

                spectre.AddColumn(column);
            }

            foreach (var row in table.Rows)
            {
                spectre.AddRow(row.Select(c => new Text(TerminalText.Clean(c.Text), c.Style is null ? Style.Plain : Style.Parse(c.Style))).ToArray());
            }

            console.Write(spectre);
        }
    }
}

/// <summary>A table of a report: headers, rows of cells with an optional style, and the columns aligned right (numbers).</summary>
internal sealed class ReportTable(params string[] headers)
{
    public string[] Headers { get; } = headers;

    public List<ReportCell[]> Rows { get; } = [];

    public HashSet<int> RightAligned { get; } = [];

    public ReportTable Right(params int[] columns)
    {
        RightAligned.UnionWith(columns);
        return this;
    }

    public void Add(params ReportCell[] cells) => Rows.Add(cells);
}

/// <summary>A cell of a <see cref="ReportTable"/>.</summary>
internal readonly record struct ReportCell(string Text, string? Style = null)
{
    public static implicit operator ReportCell(string text) => new(text);
}
