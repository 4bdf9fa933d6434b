using System.Globalization;
using OfferRules.Scheduling;

namespace OfferRules.Tests.Scheduling;

/// <summary>
/// The built-in calendar against two independent npm calendars on every day from 2000 to 2099, from the file that
/// <c>eng/holiday-oracle.sh</c> writes (<c>TestData/holiday-oracle.tsv</c>). The test reads only the committed file.
/// </summary>
public sealed class JapaneseHolidayCalendarOracleTests
{
    private static readonly string s_path = Path.Combine(AppContext.BaseDirectory, "TestData", "holiday-oracle.tsv");

    public static TheoryData<string> Sources => ["@holiday-jp/holiday_jp", "japanese-holidays"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void IsHoliday_EveryDayTheSourceCovers_AgreesWithTheSource(string source)
    {
        var oracle = Oracle.Read(s_path);
        var (column, first, last) = oracle.Sources[source];
        var mismatches = new List<string>();
        var days = 0;

        for (var day = new DateOnly(first, 1, 1); day <= new DateOnly(last, 12, 31); day = day.AddDays(1))
        {
            days++;
            var expected = oracle.Names.TryGetValue(day, out var names) && names[column] != "-";
            if (JapaneseHolidayCalendar.Instance.IsHoliday(day) != expected)
            {
                mismatches.Add($"{day:yyyy-MM-dd}: {source} says {(expected ? names![column] : "no holiday")}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {days} days differ:\n" + string.Join('\n', mismatches.Take(20)));
        Assert.Equal(new DateOnly(last, 12, 31).DayNumber - new DateOnly(first, 1, 1).DayNumber + 1, days);
    }

    [Fact]
    public void Oracle_TheFile_CoversTheCalendarsWholeRangeWithTwoSources()
    {
        var oracle = Oracle.Read(s_path);

        Assert.Equal((2000, 2050), (oracle.Sources["@holiday-jp/holiday_jp"].First, oracle.Sources["@holiday-jp/holiday_jp"].Last));
        Assert.Equal((JapaneseHolidayCalendar.MinSupported.Year, JapaneseHolidayCalendar.MaxSupported.Year), (oracle.Sources["japanese-holidays"].First, oracle.Sources["japanese-holidays"].Last));
        Assert.InRange(oracle.Names.Count, 1_500, 2_000);
    }

    private sealed record Oracle(Dictionary<string, (int Column, int First, int Last)> Sources, Dictionary<DateOnly, string[]> Names)
    {
        public static Oracle Read(string path)
        {
            var sources = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
            var names = new Dictionary<DateOnly, string[]>();
            foreach (var line in File.ReadLines(path))
            {
                var fields = line.Split('\t');
                if (line.StartsWith("# source\t", StringComparison.Ordinal))
                {
                    sources[fields[1]] = (sources.Count, int.Parse(fields[3], CultureInfo.InvariantCulture), int.Parse(fields[4], CultureInfo.InvariantCulture));
                }
                else if (!line.StartsWith('#') && line.Length > 0)
                {
                    names.Add(DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), fields[1..]);
                }
            }

            return new Oracle(sources, names);
        }
    }
}
