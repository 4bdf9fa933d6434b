namespace OfferRules.Serialization;

/// <summary>The message of an exception that carries a list of problems: a heading with the count, then one problem a line.</summary>
internal static class ProblemList
{
    public static string Message<T>(string heading, IReadOnlyList<T> problems)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => "- " + p);
        return $"{heading} ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}):"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
