using System.Globalization;
using System.Text;

namespace OfferRules.Cli;

/// <summary>
/// Makes text from rule files, cases and the command line safe to print on a terminal, and measures it in columns.
/// </summary>
/// <remarks>
/// A rule file may come from a tenant, and a text in it could carry an escape sequence (which a terminal obeys: it can
/// recolour, retitle or clear the screen), a carriage return (which overwrites what was printed) or a bidirectional
/// control (which reorders what the reader sees). On a terminal such characters are shown as visible escapes, such as
/// <c>\u001B</c>; a tab becomes a space. Redirected output is left byte for byte as it is: a program reading it wants
/// the exact text.
/// </remarks>
internal static class TerminalText
{
    /// <summary>Returns <paramref name="text"/> with every control, escape and bidirectional formatting character shown as <c>\uXXXX</c>; line breaks are kept when <paramref name="keepLineBreaks"/> is set.</summary>
    public static string Clean(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i], keepLineBreaks))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (NeedsEscape(c, keepLineBreaks))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Gets the number of terminal columns <paramref name="text"/> takes: East Asian wide and full-width characters take two, combining marks none.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }

        return width;
    }

    /// <summary>Pads <paramref name="text"/> with spaces on the right to <paramref name="columns"/> terminal columns.</summary>
    public static string PadRight(string text, int columns)
    {
        var width = Width(text);
        return width >= columns ? text : text + new string(' ', columns - width);
    }

    private static bool NeedsEscape(char c, bool keepLineBreaks) =>
        (c == '\n' && !keepLineBreaks)
        || (c < 0x20 && c != '\n')
        || c is >= '\u007F' and <= '\u009F'
        || IsBidiControl(c);

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static int Width(Rune rune)
    {
        var value = rune.Value;
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format || value == 0x200B)
        {
            return 0;
        }

        return IsWide(value) ? 2 : 1;
    }

    /// <summary>The East Asian Wide and Fullwidth ranges (Unicode annex 11) that Japanese text uses, and emoji.</summary>
    private static bool IsWide(int value) =>
        value is (>= 0x1100 and <= 0x115F)
            or (>= 0x2E80 and <= 0x303E)
            or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF)
            or (>= 0x20000 and <= 0x3FFFD);
}
