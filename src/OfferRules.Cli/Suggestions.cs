namespace OfferRules.Cli;

/// <summary>Finds what a mistyped command, option or value was probably meant to be.</summary>
internal static class Suggestions
{
    /// <summary>
    /// Returns up to three candidates closest to <paramref name="token"/>: those within an edit distance of a third of
    /// its length (at least one; a swap of two neighbours counts as one edit), or that start with it, nearest first.
    /// </summary>
    public static List<string> Closest(string token, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, token.TrimStart('-').Length / 3);
        return [.. candidates
            .Distinct(StringComparer.Ordinal)
            .Where(c => c != token)
            .Select(c => (Candidate: c, Distance: Distance(token, c)))
            .Where(x => x.Distance <= limit || (token.TrimStart('-').Length >= 2 && x.Candidate.StartsWith(token, StringComparison.Ordinal)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Candidate)];
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
