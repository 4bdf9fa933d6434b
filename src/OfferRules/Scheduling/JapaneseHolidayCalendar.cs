using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace OfferRules.Scheduling;

/// <summary>
/// The public holidays of Japan under the National Holidays Act (国民の祝日に関する法律),
/// worked out by rule for the years 2000 to 2099.
/// </summary>
/// <remarks>
/// <para>
/// The calendar covers the national holidays (国民の祝日) in force in each year, the vernal and autumnal
/// equinox days from the usual astronomical approximation, substitute holidays (振替休日), citizens' holidays
/// (国民の休日) and the one-off changes of 2019 (the enthronement), 2020 and 2021 (the Tokyo Olympics).
/// </para>
/// <para>
/// The equinox days are officially fixed each February for the following year, from astronomical
/// observations; the approximation used here gives the announced dates for the years announced so far,
/// but dates further ahead are an estimate. Future changes to the law are not known, of course.
/// </para>
/// <para>
/// Days before <see cref="MinSupported"/> or after <see cref="MaxSupported"/> are not covered:
/// <see cref="IsHoliday(DateOnly)"/> and <see cref="TryGetHoliday(DateOnly, out Holiday)"/> report them as
/// ordinary days (not holidays) instead of throwing, so a weekday outside the range counts as a working day.
/// <see cref="GetHolidays(int)"/> throws for years outside the range.
/// </para>
/// <para>This type is thread-safe. Each year is worked out once, on first use, and then cached.</para>
/// </remarks>
public sealed class JapaneseHolidayCalendar : IHolidayCalendar
{
    private const int FirstYear = 2000;
    private const int LastYear = 2099;

    /// <summary>The year from which substitute and citizens' holidays follow the 2007 rules.</summary>
    private const int Reform2007 = 2007;

    /// <summary>The years worked out so far, by year - 2000; a slot is written once (two threads may build the same table).</summary>
    private readonly YearTable?[] _years = new YearTable?[LastYear - FirstYear + 1];

    private JapaneseHolidayCalendar()
    {
    }

    /// <summary>Gets the shared instance of the calendar.</summary>
    public static JapaneseHolidayCalendar Instance { get; } = new();

    /// <summary>Gets the first day the calendar covers: 1 January 2000.</summary>
    public static DateOnly MinSupported { get; } = new(FirstYear, 1, 1);

    /// <summary>Gets the last day the calendar covers: 31 December 2099.</summary>
    public static DateOnly MaxSupported { get; } = new(LastYear, 12, 31);

    /// <summary>Gets all public holidays of a year, in date order.</summary>
    /// <param name="year">The year, from 2000 to 2099.</param>
    /// <returns>The holidays of <paramref name="year"/>, including substitute and citizens' holidays, sorted by date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before 2000 or after 2099.</exception>
    public IReadOnlyList<Holiday> GetHolidays(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year),
                year,
                $"The Japanese holiday calendar covers the years {FirstYear} to {LastYear} only.");
        }

        return GetYear(year).Holidays;
    }

    /// <inheritdoc/>
    /// <remarks>Days outside <see cref="MinSupported"/> to <see cref="MaxSupported"/> always give <see langword="false"/>.</remarks>
    public bool IsHoliday(DateOnly day) => day.Year is >= FirstYear and <= LastYear && GetYear(day.Year).IsHoliday(day);

    /// <inheritdoc/>
    /// <remarks>The calendar covers the days from <see cref="MinSupported"/> to <see cref="MaxSupported"/>.</remarks>
    public bool Covers(DateOnly day) => day >= MinSupported && day <= MaxSupported;

    /// <inheritdoc/>
    /// <remarks>Days outside <see cref="MinSupported"/> to <see cref="MaxSupported"/> always give <see langword="false"/>.</remarks>
    public bool TryGetHoliday(DateOnly day, out Holiday holiday)
    {
        if (day.Year is < FirstYear or > LastYear)
        {
            holiday = default;
            return false;
        }

        return GetYear(day.Year).ByDate.TryGetValue(day, out holiday);
    }

    private YearTable GetYear(int year)
    {
        ref var slot = ref _years[year - FirstYear];
        var table = Volatile.Read(ref slot);
        if (table is null)
        {
            var built = YearTable.Build(year);
            table = Interlocked.CompareExchange(ref slot, built, null) ?? built;
        }

        return table;
    }

    /// <summary>The holidays of one year; immutable once built.</summary>
    private sealed class YearTable
    {
        /// <summary>One bit per day of the year (bit <c>DayOfYear - 1</c>), set on a holiday.</summary>
        private readonly ulong[] _days = new ulong[6];

        private YearTable(ReadOnlyCollection<Holiday> holidays, FrozenDictionary<DateOnly, Holiday> byDate)
        {
            Holidays = holidays;
            ByDate = byDate;
            foreach (var day in byDate.Keys)
            {
                var bit = day.DayOfYear - 1;
                _days[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        public bool IsHoliday(DateOnly day)
        {
            var bit = day.DayOfYear - 1;
            return (_days[bit >> 6] & (1UL << (bit & 63))) != 0;
        }

        public ReadOnlyCollection<Holiday> Holidays { get; }

        public FrozenDictionary<DateOnly, Holiday> ByDate { get; }

        public static YearTable Build(int year)
        {
            // Step 1: the national holidays (国民の祝日) themselves.
            var national = new SortedDictionary<DateOnly, Holiday>();
            foreach (var holiday in NationalHolidays(year))
            {
                national.Add(holiday.Date, holiday);
            }

            var all = new SortedDictionary<DateOnly, Holiday>(national);

            // Step 2: substitute holidays (振替休日) for national holidays that fall on a Sunday.
            foreach (var date in national.Keys)
            {
                if (date.DayOfWeek != DayOfWeek.Sunday)
                {
                    continue;
                }

                var substitute = date.AddDays(1);
                if (year >= Reform2007)
                {
                    // From 2007: the nearest following day that is not a national holiday.
                    while (national.ContainsKey(substitute))
                    {
                        substitute = substitute.AddDays(1);
                    }
                }
                else if (national.ContainsKey(substitute))
                {
                    // Before 2007: only the next day, and only if it is not a national holiday itself.
                    continue;
                }

                all.TryAdd(substitute, new Holiday(substitute, "振替休日", "Substitute Holiday"));
            }

            // Step 3: citizens' holidays (国民の休日): a day between two national holidays that is not one itself.
            // Before 2007 the law left out Sundays and substitute holidays; from 2007 only national holidays are left out,
            // and a day that is already a substitute holiday keeps that name.
            foreach (var date in national.Keys)
            {
                var between = date.AddDays(1);
                if (!national.ContainsKey(date.AddDays(2)) || all.ContainsKey(between))
                {
                    continue;
                }

                if (year < Reform2007 && between.DayOfWeek == DayOfWeek.Sunday)
                {
                    continue;
                }

                all.Add(between, new Holiday(between, "国民の休日", "Citizens' Holiday"));
            }

            var list = new Holiday[all.Count];
            all.Values.CopyTo(list, 0);
            return new YearTable(Array.AsReadOnly(list), all.ToFrozenDictionary());
        }

        private static IEnumerable<Holiday> NationalHolidays(int year)
        {
            yield return On(year, 1, 1, "元日", "New Year's Day");
            yield return On(NthMonday(year, 1, 2), "成人の日", "Coming of Age Day");
            yield return On(year, 2, 11, "建国記念の日", "National Foundation Day");

            if (year >= 2020)
            {
                yield return On(year, 2, 23, "天皇誕生日", "Emperor's Birthday");
            }

            yield return On(year, 3, VernalEquinoxDay(year), "春分の日", "Vernal Equinox Day");

            if (year >= 2007)
            {
                yield return On(year, 4, 29, "昭和の日", "Showa Day");
            }
            else
            {
                yield return On(year, 4, 29, "みどりの日", "Greenery Day");
            }

            if (year == 2019)
            {
                yield return On(year, 5, 1, "天皇の即位の日", "Enthronement Day");
            }

            yield return On(year, 5, 3, "憲法記念日", "Constitution Memorial Day");

            if (year >= 2007)
            {
                yield return On(year, 5, 4, "みどりの日", "Greenery Day");
            }

            yield return On(year, 5, 5, "こどもの日", "Children's Day");

            var marineDay = year switch
            {
                < 2003 => new DateOnly(year, 7, 20),
                2020 => new DateOnly(year, 7, 23),
                2021 => new DateOnly(year, 7, 22),
                _ => NthMonday(year, 7, 3),
            };
            yield return On(marineDay, "海の日", "Marine Day");

            if (year >= 2020)
            {
                var sportsDay = year switch
                {
                    2020 => new DateOnly(year, 7, 24),
                    2021 => new DateOnly(year, 7, 23),
                    _ => NthMonday(year, 10, 2),
                };
                yield return On(sportsDay, "スポーツの日", "Sports Day");
            }

            if (year >= 2016)
            {
                var mountainDay = year switch
                {
                    2020 => new DateOnly(year, 8, 10),
                    2021 => new DateOnly(year, 8, 8),
                    _ => new DateOnly(year, 8, 11),
                };
                yield return On(mountainDay, "山の日", "Mountain Day");
            }

            var respectForTheAgedDay = year < 2003 ? new DateOnly(year, 9, 15) : NthMonday(year, 9, 3);
            yield return On(respectForTheAgedDay, "敬老の日", "Respect for the Aged Day");
            yield return On(year, 9, AutumnalEquinoxDay(year), "秋分の日", "Autumnal Equinox Day");

            if (year < 2020)
            {
                yield return On(NthMonday(year, 10, 2), "体育の日", "Health and Sports Day");
            }

            if (year == 2019)
            {
                yield return On(year, 10, 22, "即位礼正殿の儀の行われる日", "Enthronement Ceremony Day");
            }

            yield return On(year, 11, 3, "文化の日", "Culture Day");
            yield return On(year, 11, 23, "勤労感謝の日", "Labour Thanksgiving Day");

            if (year <= 2018)
            {
                yield return On(year, 12, 23, "天皇誕生日", "Emperor's Birthday");
            }
        }

        private static Holiday On(int year, int month, int day, string nameJa, string nameEn) =>
            new(new DateOnly(year, month, day), nameJa, nameEn);

        private static Holiday On(DateOnly date, string nameJa, string nameEn) => new(date, nameJa, nameEn);

        private static DateOnly NthMonday(int year, int month, int n)
        {
            var first = new DateOnly(year, month, 1);
            var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
            return first.AddDays(toMonday + (7 * (n - 1)));
        }

        // The usual approximation, valid for 1980-2099:
        //   vernal:   floor(20.8431 + 0.242194 * (y - 1980) - floor((y - 1980) / 4))
        //   autumnal: floor(23.2488 + 0.242194 * (y - 1980) - floor((y - 1980) / 4))
        // worked out in millionths so that no floating-point rounding can move a day.
        private static int VernalEquinoxDay(int year) => EquinoxDay(year, 20_843_100);

        private static int AutumnalEquinoxDay(int year) => EquinoxDay(year, 23_248_800);

        private static int EquinoxDay(int year, int baseMillionths)
        {
            var offset = year - 1980;
            var millionths = baseMillionths + (242_194 * offset) - (1_000_000 * (offset / 4));
            return millionths / 1_000_000;
        }
    }
}
