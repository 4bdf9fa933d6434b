using System.Globalization;
using OfferRules.Scheduling;

namespace OfferRules.Tests.Scheduling;

public sealed class JapaneseHolidayCalendarTests
{
    private static readonly JapaneseHolidayCalendar Calendar = JapaneseHolidayCalendar.Instance;

    // The Cabinet Office's lists (内閣府「国民の祝日について」), with substitute holidays (振替休日)
    // and citizens' holidays (国民の休日) written out under those names.
    private static readonly Dictionary<int, string[]> OfficialLists = new()
    {
        [2019] =
        [
            "2019-01-01 元日",
            "2019-01-14 成人の日",
            "2019-02-11 建国記念の日",
            "2019-03-21 春分の日",
            "2019-04-29 昭和の日",
            "2019-04-30 国民の休日",
            "2019-05-01 天皇の即位の日",
            "2019-05-02 国民の休日",
            "2019-05-03 憲法記念日",
            "2019-05-04 みどりの日",
            "2019-05-05 こどもの日",
            "2019-05-06 振替休日",
            "2019-07-15 海の日",
            "2019-08-11 山の日",
            "2019-08-12 振替休日",
            "2019-09-16 敬老の日",
            "2019-09-23 秋分の日",
            "2019-10-14 体育の日",
            "2019-10-22 即位礼正殿の儀の行われる日",
            "2019-11-03 文化の日",
            "2019-11-04 振替休日",
            "2019-11-23 勤労感謝の日",
        ],
        [2020] =
        [
            "2020-01-01 元日",
            "2020-01-13 成人の日",
            "2020-02-11 建国記念の日",
            "2020-02-23 天皇誕生日",
            "2020-02-24 振替休日",
            "2020-03-20 春分の日",
            "2020-04-29 昭和の日",
            "2020-05-03 憲法記念日",
            "2020-05-04 みどりの日",
            "2020-05-05 こどもの日",
            "2020-05-06 振替休日",
            "2020-07-23 海の日",
            "2020-07-24 スポーツの日",
            "2020-08-10 山の日",
            "2020-09-21 敬老の日",
            "2020-09-22 秋分の日",
            "2020-11-03 文化の日",
            "2020-11-23 勤労感謝の日",
        ],
        [2021] =
        [
            "2021-01-01 元日",
            "2021-01-11 成人の日",
            "2021-02-11 建国記念の日",
            "2021-02-23 天皇誕生日",
            "2021-03-20 春分の日",
            "2021-04-29 昭和の日",
            "2021-05-03 憲法記念日",
            "2021-05-04 みどりの日",
            "2021-05-05 こどもの日",
            "2021-07-22 海の日",
            "2021-07-23 スポーツの日",
            "2021-08-08 山の日",
            "2021-08-09 振替休日",
            "2021-09-20 敬老の日",
            "2021-09-23 秋分の日",
            "2021-11-03 文化の日",
            "2021-11-23 勤労感謝の日",
        ],
        [2024] =
        [
            "2024-01-01 元日",
            "2024-01-08 成人の日",
            "2024-02-11 建国記念の日",
            "2024-02-12 振替休日",
            "2024-02-23 天皇誕生日",
            "2024-03-20 春分の日",
            "2024-04-29 昭和の日",
            "2024-05-03 憲法記念日",
            "2024-05-04 みどりの日",
            "2024-05-05 こどもの日",
            "2024-05-06 振替休日",
            "2024-07-15 海の日",
            "2024-08-11 山の日",
            "2024-08-12 振替休日",
            "2024-09-16 敬老の日",
            "2024-09-22 秋分の日",
            "2024-09-23 振替休日",
            "2024-10-14 スポーツの日",
            "2024-11-03 文化の日",
            "2024-11-04 振替休日",
            "2024-11-23 勤労感謝の日",
        ],
        [2025] =
        [
            "2025-01-01 元日",
            "2025-01-13 成人の日",
            "2025-02-11 建国記念の日",
            "2025-02-23 天皇誕生日",
            "2025-02-24 振替休日",
            "2025-03-20 春分の日",
            "2025-04-29 昭和の日",
            "2025-05-03 憲法記念日",
            "2025-05-04 みどりの日",
            "2025-05-05 こどもの日",
            "2025-05-06 振替休日",
            "2025-07-21 海の日",
            "2025-08-11 山の日",
            "2025-09-15 敬老の日",
            "2025-09-23 秋分の日",
            "2025-10-13 スポーツの日",
            "2025-11-03 文化の日",
            "2025-11-23 勤労感謝の日",
            "2025-11-24 振替休日",
        ],
        [2026] =
        [
            "2026-01-01 元日",
            "2026-01-12 成人の日",
            "2026-02-11 建国記念の日",
            "2026-02-23 天皇誕生日",
            "2026-03-20 春分の日",
            "2026-04-29 昭和の日",
            "2026-05-03 憲法記念日",
            "2026-05-04 みどりの日",
            "2026-05-05 こどもの日",
            "2026-05-06 振替休日",
            "2026-07-20 海の日",
            "2026-08-11 山の日",
            "2026-09-21 敬老の日",
            "2026-09-22 国民の休日",
            "2026-09-23 秋分の日",
            "2026-10-12 スポーツの日",
            "2026-11-03 文化の日",
            "2026-11-23 勤労感謝の日",
        ],
        [2027] =
        [
            "2027-01-01 元日",
            "2027-01-11 成人の日",
            "2027-02-11 建国記念の日",
            "2027-02-23 天皇誕生日",
            "2027-03-21 春分の日",
            "2027-03-22 振替休日",
            "2027-04-29 昭和の日",
            "2027-05-03 憲法記念日",
            "2027-05-04 みどりの日",
            "2027-05-05 こどもの日",
            "2027-07-19 海の日",
            "2027-08-11 山の日",
            "2027-09-20 敬老の日",
            "2027-09-23 秋分の日",
            "2027-10-11 スポーツの日",
            "2027-11-03 文化の日",
            "2027-11-23 勤労感謝の日",
        ],
    };

    private static readonly HashSet<string> NamedNationalHolidays =
    [
        "元日", "成人の日", "建国記念の日", "天皇誕生日", "春分の日", "昭和の日", "憲法記念日", "みどりの日",
        "こどもの日", "海の日", "山の日", "敬老の日", "秋分の日", "体育の日", "スポーツの日", "文化の日",
        "勤労感謝の日", "天皇の即位の日", "即位礼正殿の儀の行われる日",
    ];

    public static TheoryData<int> OfficialYears => [2019, 2020, 2021, 2024, 2025, 2026, 2027];

    public static IEnumerable<int> SupportedYears => Enumerable.Range(2000, 100);

    [Theory]
    [MemberData(nameof(OfficialYears))]
    public void GetHolidays_OfficialYear_MatchesCabinetOfficeList(int year)
    {
        var actual = Calendar.GetHolidays(year).Select(Format).ToArray();

        Assert.Equal(OfficialLists[year], actual);
    }

    [Theory]
    [MemberData(nameof(OfficialYears))]
    public void IsHoliday_EveryDayOfOfficialYear_AgreesWithCabinetOfficeList(int year)
    {
        var official = OfficialLists[year].Select(line => DateOnly.ParseExact(line[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();

        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            Assert.True(official.Contains(day) == Calendar.IsHoliday(day), $"Mismatch on {day:yyyy-MM-dd}.");
        }
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void GetHolidays_YearOutsideRange_ThrowsArgumentOutOfRange(int year)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.GetHolidays(year));

        Assert.Equal("year", exception.ParamName);
    }

    [Theory]
    [InlineData("1999-01-01")]
    [InlineData("1999-12-23")]
    [InlineData("2100-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void TryGetHoliday_DateOutsideRange_ReturnsFalse(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.False(Calendar.IsHoliday(day));
        Assert.False(Calendar.TryGetHoliday(day, out var holiday));
        Assert.Equal(default, holiday);
    }

    [Fact]
    public void SupportedRange_Bounds_AreFirstAndLastDayOfCenturyCovered()
    {
        Assert.Equal(new DateOnly(2000, 1, 1), JapaneseHolidayCalendar.MinSupported);
        Assert.Equal(new DateOnly(2099, 12, 31), JapaneseHolidayCalendar.MaxSupported);
        Assert.True(Calendar.IsHoliday(JapaneseHolidayCalendar.MinSupported));
        Assert.NotEmpty(Calendar.GetHolidays(2099));
    }

    [Fact]
    public void TryGetHoliday_HolidayDate_ReturnsBothNames()
    {
        Assert.True(Calendar.TryGetHoliday(new DateOnly(2025, 1, 13), out var holiday));

        Assert.Equal(new Holiday(new DateOnly(2025, 1, 13), "成人の日", "Coming of Age Day"), holiday);
    }

    [Fact]
    public void TryGetHoliday_OrdinaryDay_ReturnsFalseAndDefault()
    {
        Assert.False(Calendar.TryGetHoliday(new DateOnly(2025, 6, 10), out var holiday));

        Assert.Equal(default, holiday);
    }

    [Theory]
    [InlineData("2000-01-10", "成人の日", "Coming of Age Day")]
    [InlineData("2000-05-04", "国民の休日", "Citizens' Holiday")]
    [InlineData("2002-05-04", "国民の休日", "Citizens' Holiday")]
    [InlineData("2002-07-20", "海の日", "Marine Day")]
    [InlineData("2002-09-15", "敬老の日", "Respect for the Aged Day")]
    [InlineData("2003-07-21", "海の日", "Marine Day")]
    [InlineData("2003-09-15", "敬老の日", "Respect for the Aged Day")]
    [InlineData("2006-04-29", "みどりの日", "Greenery Day")]
    [InlineData("2007-04-29", "昭和の日", "Showa Day")]
    [InlineData("2007-05-04", "みどりの日", "Greenery Day")]
    [InlineData("2001-12-24", "振替休日", "Substitute Holiday")]
    [InlineData("2009-09-22", "国民の休日", "Citizens' Holiday")]
    [InlineData("2015-09-22", "国民の休日", "Citizens' Holiday")]
    [InlineData("2016-08-11", "山の日", "Mountain Day")]
    [InlineData("2018-12-23", "天皇誕生日", "Emperor's Birthday")]
    [InlineData("2018-12-24", "振替休日", "Substitute Holiday")]
    [InlineData("2019-05-01", "天皇の即位の日", "Enthronement Day")]
    [InlineData("2019-10-14", "体育の日", "Health and Sports Day")]
    [InlineData("2019-10-22", "即位礼正殿の儀の行われる日", "Enthronement Ceremony Day")]
    [InlineData("2020-07-24", "スポーツの日", "Sports Day")]
    [InlineData("2025-03-20", "春分の日", "Vernal Equinox Day")]
    [InlineData("2025-09-23", "秋分の日", "Autumnal Equinox Day")]
    [InlineData("2026-11-23", "勤労感謝の日", "Labour Thanksgiving Day")]
    [InlineData("2032-09-21", "国民の休日", "Citizens' Holiday")]
    public void TryGetHoliday_RuleSpecificDate_ReturnsExpectedNames(string date, string nameJa, string nameEn)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.True(Calendar.TryGetHoliday(day, out var holiday));
        Assert.Equal(nameJa, holiday.NameJa);
        Assert.Equal(nameEn, holiday.NameEn);
    }

    [Theory]
    [InlineData("2003-05-04")] // A Sunday between two holidays was not a citizens' holiday before 2007.
    [InlineData("2003-07-20")] // Marine Day moved to the third Monday of July in 2003.
    [InlineData("2015-08-11")] // Mountain Day starts in 2016.
    [InlineData("2019-12-23")] // No Emperor's Birthday in 2019.
    [InlineData("2019-02-23")]
    [InlineData("2020-12-23")]
    [InlineData("2020-10-12")] // Sports Day 2020 was moved to 24 July.
    [InlineData("2021-08-11")] // Mountain Day 2021 was moved to 8 August.
    [InlineData("2025-05-07")]
    public void IsHoliday_DayWithoutHoliday_ReturnsFalse(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.False(Calendar.IsHoliday(day));
    }

    [Fact]
    public void GetHolidays_EverySupportedYear_IsSortedWithoutDuplicatesAndInThatYear()
    {
        foreach (var year in SupportedYears)
        {
            var holidays = Calendar.GetHolidays(year);

            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
            Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
            Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.NameJa)));
            Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.NameEn)));
        }
    }

    [Fact]
    public void GetHolidays_EverySupportedYear_Has15To22Holidays()
    {
        foreach (var year in SupportedYears)
        {
            var count = Calendar.GetHolidays(year).Count;

            Assert.InRange(count, 15, 22);
        }
    }

    [Fact]
    public void GetHolidays_EverySupportedYear_HasTheNamedHolidaysOfTheLawInForce()
    {
        foreach (var year in SupportedYears)
        {
            // 14 until 2006; 昭和の日 added in 2007; 山の日 in 2016; 2019 had no Emperor's Birthday but two enthronement days.
            var expected = year switch
            {
                < 2007 => 14,
                < 2016 => 15,
                2019 => 17,
                _ => 16,
            };

            var named = Calendar.GetHolidays(year).Count(h => NamedNationalHolidays.Contains(h.NameJa));

            Assert.True(expected == named, $"{year}: expected {expected} named holidays, found {named}.");
        }
    }

    [Fact]
    public void GetHolidays_EverySupportedYear_SubstituteHolidayFollowsSundayHolidayAndIsNeverSunday()
    {
        foreach (var year in SupportedYears)
        {
            var holidays = Calendar.GetHolidays(year);
            var byDate = holidays.ToDictionary(h => h.Date);

            foreach (var substitute in holidays.Where(h => h.NameJa == "振替休日"))
            {
                Assert.NotEqual(DayOfWeek.Sunday, substitute.Date.DayOfWeek);
                Assert.NotEqual(DayOfWeek.Saturday, substitute.Date.DayOfWeek);

                // Walking back over national holidays must reach a named holiday on a Sunday.
                var day = substitute.Date.AddDays(-1);
                while (byDate.TryGetValue(day, out var before) && NamedNationalHolidays.Contains(before.NameJa) && day.DayOfWeek != DayOfWeek.Sunday)
                {
                    day = day.AddDays(-1);
                }

                Assert.True(
                    day.DayOfWeek == DayOfWeek.Sunday && byDate.TryGetValue(day, out var sunday) && NamedNationalHolidays.Contains(sunday.NameJa),
                    $"{substitute.Date:yyyy-MM-dd} does not follow a Sunday holiday.");
            }
        }
    }

    [Fact]
    public void GetHolidays_EverySupportedYear_SundayHolidayHasSubstituteOnNextFreeDay()
    {
        // From 2007 (the first year of the current rule) on.
        foreach (var year in SupportedYears.Where(y => y >= 2007))
        {
            var byDate = Calendar.GetHolidays(year).ToDictionary(h => h.Date);

            foreach (var sunday in byDate.Values.Where(h => h.Date.DayOfWeek == DayOfWeek.Sunday && NamedNationalHolidays.Contains(h.NameJa)))
            {
                var day = sunday.Date.AddDays(1);
                while (byDate.TryGetValue(day, out var next) && NamedNationalHolidays.Contains(next.NameJa))
                {
                    day = day.AddDays(1);
                }

                Assert.True(
                    byDate.TryGetValue(day, out var substitute) && substitute.NameJa == "振替休日",
                    $"{sunday.Date:yyyy-MM-dd} has no substitute holiday on {day:yyyy-MM-dd}.");
            }
        }
    }

    [Fact]
    public void GetHolidays_EverySupportedYear_CitizensHolidayIsBetweenTwoNamedHolidays()
    {
        foreach (var year in SupportedYears)
        {
            var byDate = Calendar.GetHolidays(year).ToDictionary(h => h.Date);

            foreach (var citizens in byDate.Values.Where(h => h.NameJa == "国民の休日"))
            {
                Assert.NotEqual(DayOfWeek.Sunday, citizens.Date.DayOfWeek);
                Assert.Contains(byDate[citizens.Date.AddDays(-1)].NameJa, NamedNationalHolidays);
                Assert.Contains(byDate[citizens.Date.AddDays(1)].NameJa, NamedNationalHolidays);
            }
        }
    }

    [Fact]
    public void GetHolidays_EverySupportedYear_HappyMondaysAreMondaysAndEquinoxesInRange()
    {
        string[] happyMondays = ["成人の日", "体育の日"];
        foreach (var year in SupportedYears)
        {
            var holidays = Calendar.GetHolidays(year);

            Assert.All(holidays.Where(h => happyMondays.Contains(h.NameJa)), h => Assert.Equal(DayOfWeek.Monday, h.Date.DayOfWeek));
            if (year is >= 2003 and not 2020 and not 2021)
            {
                Assert.All(holidays.Where(h => h.NameJa is "海の日" or "敬老の日" or "スポーツの日"), h => Assert.Equal(DayOfWeek.Monday, h.Date.DayOfWeek));
            }

            var vernal = Assert.Single(holidays, h => h.NameJa == "春分の日");
            Assert.Equal(3, vernal.Date.Month);
            Assert.InRange(vernal.Date.Day, 19, 21);

            var autumnal = Assert.Single(holidays, h => h.NameJa == "秋分の日");
            Assert.Equal(9, autumnal.Date.Month);
            Assert.InRange(autumnal.Date.Day, 22, 24);
        }
    }

    [Fact]
    public void IsHoliday_EverySupportedDay_AgreesWithGetHolidays()
    {
        foreach (var year in SupportedYears)
        {
            var dates = Calendar.GetHolidays(year).Select(h => h.Date).ToHashSet();
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                Assert.Equal(dates.Contains(day), Calendar.IsHoliday(day));
            }
        }
    }

    [Fact]
    public void GetHolidays_ReturnedList_CannotBeModified()
    {
        var holidays = Calendar.GetHolidays(2025);

        var asList = Assert.IsAssignableFrom<IList<Holiday>>(holidays);
        Assert.True(asList.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => asList[0] = default);
        Assert.Equal("元日", Calendar.GetHolidays(2025)[0].NameJa);
    }

    [Fact]
    public void GetHolidays_CalledInParallel_GivesTheSameLists()
    {
        var results = new IReadOnlyList<Holiday>[400];

        Parallel.For(0, results.Length, i => results[i] = Calendar.GetHolidays(2000 + (i % 100)));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(Calendar.GetHolidays(2000 + (i % 100)), results[i]);
        }
    }

    private static string Format(Holiday holiday) =>
        $"{holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {holiday.NameJa}";

    [Theory]
    [InlineData(1999, 12, 31, false)]
    [InlineData(2000, 1, 1, true)]
    [InlineData(2099, 12, 31, true)]
    [InlineData(2100, 1, 1, false)]
    public void Covers_DayAtTheEdgesOfTheCalendar_IsTrueOnlyInside(int year, int month, int day, bool expected)
    {
        IHolidayCalendar calendar = JapaneseHolidayCalendar.Instance;

        Assert.Equal(expected, calendar.Covers(new DateOnly(year, month, day)));
    }
}
