using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OfferRules.Scheduling;

/// <summary>Works out good times for a job candidate to phone a company in Japan.</summary>
/// <remarks>
/// <para>
/// All times are Japan Standard Time (UTC+09:00; Japan has no daylight saving time). Inputs with any other
/// offset are converted to +09:00 first, and every <see cref="DateTimeOffset"/> returned has offset +09:00.
/// </para>
/// <para>
/// A good time is on a business day (see <see cref="IsBusinessDay(DateOnly)"/>), inside the day's calling
/// window (see <see cref="GetWindow(DateOnly, BusinessHours?)"/>) and outside the lunch hour, 12:00 to 13:00.
/// The lunch hour splits a window into at most two <em>stretches</em>; a slot always lies inside one stretch of
/// one day, so it never runs across midnight, into a closed day or into the lunch hour.
/// </para>
/// <para>This type is immutable, and thread-safe if the calendars it uses are.</para>
/// </remarks>
public sealed class CallWindowPlanner
{
    /// <summary>The start of the lunch hour (inclusive).</summary>
    internal static readonly TimeOnly LunchStart = new(12, 0);

    /// <summary>The end of the lunch hour (exclusive).</summary>
    internal static readonly TimeOnly LunchEnd = new(13, 0);

    /// <summary>The offset of Japan Standard Time.</summary>
    internal static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>How many days after the starting day <see cref="NextGoodSlot(DateTimeOffset, BusinessHours?)"/> looks at.</summary>
    private const int MaxDaysAhead = 30;

    private static readonly TimeOnly DefaultStart = new(10, 0);
    private static readonly TimeOnly DefaultEnd = new(17, 0);
    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MinStretch = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LunchFrom = LunchStart.ToTimeSpan();
    private static readonly TimeSpan LunchTo = LunchEnd.ToTimeSpan();

    private readonly IHolidayCalendar _calendar;

    /// <summary>Initializes a new instance of the <see cref="CallWindowPlanner"/> class.</summary>
    /// <param name="calendar">The public holidays to avoid, usually <see cref="JapaneseHolidayCalendar.Instance"/>.</param>
    /// <param name="companyCalendar">
    /// The company's closed and often-closed days; <see langword="null"/> for <see cref="DefaultCompanyCalendar.Instance"/>
    /// (the year-end closure and お盆).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public CallWindowPlanner(IHolidayCalendar calendar, ICompanyCalendar? companyCalendar = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        CompanyCalendar = companyCalendar ?? DefaultCompanyCalendar.Instance;
    }

    /// <summary>Gets the public holidays that this planner avoids.</summary>
    public IHolidayCalendar HolidayCalendar => _calendar;

    /// <summary>Gets the company's closed and often-closed days that this planner respects.</summary>
    public ICompanyCalendar CompanyCalendar { get; }

    /// <summary>Makes a planner with the same holiday calendar and another company calendar.</summary>
    /// <param name="companyCalendar">The company calendar to use, such as a <see cref="ClosedDatesCompanyCalendar"/>.</param>
    /// <returns>A new planner; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="companyCalendar"/> is <see langword="null"/>.</exception>
    public CallWindowPlanner WithCompanyCalendar(ICompanyCalendar companyCalendar)
    {
        ArgumentNullException.ThrowIfNull(companyCalendar);
        return new CallWindowPlanner(_calendar, companyCalendar);
    }

    /// <summary>Gets the good calling window on a day.</summary>
    /// <param name="date">The day. Whether it is a business day is not checked here.</param>
    /// <param name="hours">
    /// The company's opening hours, or <see langword="null"/> if not known. Without them the window is
    /// 10:00 to 17:00. With them it is the opening hours less the first and the last hour, as long as that leaves a
    /// stretch of at least 30 minutes outside the lunch hour; otherwise (the hours are narrow) it is the whole of the
    /// opening hours. For example, 11:00 to 14:00 would leave only 12:00 to 13:00, all of it lunch, so the window is
    /// 11:00 to 14:00.
    /// </param>
    /// <returns>The window; its end is exclusive.</returns>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is the invalid default value.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the planner's instance API, like the other members.")]
    public CallWindow GetWindow(DateOnly date, BusinessHours? hours) => Window(date, hours, out _);

    /// <summary>
    /// Tells whether a day is a business day: not a Saturday, not a Sunday, not a public holiday and not a day the
    /// company is closed (<see cref="ICompanyCalendar.IsClosed(DateOnly)"/> of <see cref="CompanyCalendar"/>).
    /// </summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> if the company is expected to be open on <paramref name="date"/>; otherwise <see langword="false"/>.</returns>
    /// <remarks>A day that is only often closed (<see cref="ICompanyCalendar.IsOftenClosed(DateOnly)"/>) is still a business day.</remarks>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_calendar.IsHoliday(date) && !CompanyCalendar.IsClosed(date);

    /// <summary>Finds the first good slot to call at or after a given time.</summary>
    /// <param name="after">The earliest acceptable time, in any offset.</param>
    /// <param name="hours">The company's opening hours, or <see langword="null"/> if not known.</param>
    /// <returns>
    /// The slot: its start is the first good moment, its end the end of that uninterrupted good stretch
    /// (the start of lunch or the end of the window), on the same day. Both have offset +09:00.
    /// <see cref="CallSlot.Notes"/> says whether the slot uses the first or last hour of narrow opening hours,
    /// falls on an often-closed day, or is shorter than 30 minutes.
    /// </returns>
    /// <remarks>
    /// <para>
    /// A time before the window moves to the window's start; a time inside the window is rounded up to the next
    /// quarter hour (:00, :15, :30 or :45; a time already on one stays); a time in the lunch hour moves to 13:00;
    /// a time at or after the window's end, or on a day that is not a business day, moves to the window's start
    /// on the next business day. Often-closed days are not skipped; their slots carry
    /// <see cref="CallSlotNotes.OftenClosedDay"/>.
    /// </para>
    /// <para>
    /// A stretch shorter than 30 minutes (such as 16:45 to 17:00, or 11:45 to 12:00) is passed over when a stretch of at
    /// least 30 minutes follows later the same day or on the next business day; only when neither has one is the
    /// short stretch given, with <see cref="CallSlotNotes.ShortStretch"/>. Days up to 30 days after the day of
    /// <paramref name="after"/> are looked at.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is the invalid default value.</exception>
    /// <exception cref="InvalidOperationException">
    /// No good moment was found within 30 days: every day in that span is a weekend, a holiday or a closed day,
    /// or the opening hours lie entirely inside the lunch hour.
    /// </exception>
    public CallSlot NextGoodSlot(DateTimeOffset after, BusinessHours? hours)
    {
        if (hours is { } known)
        {
            EnsureValid(known, nameof(hours));
        }

        if (TryFindNextGoodSlot(after, hours, out var slot))
        {
            return slot;
        }

        var local = after.ToOffset(JapanOffset).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        throw new InvalidOperationException(
            $"No good time to call was found in the {MaxDaysAhead} days after {local}: no business day in that span has time in its calling window outside the lunch hour.");
    }

    /// <summary>Gets the good stretch that a given moment falls in, starting at that moment.</summary>
    /// <param name="at">The moment, in any offset; it is converted to +09:00.</param>
    /// <param name="hours">The company's opening hours, or <see langword="null"/> if not known.</param>
    /// <param name="slot">
    /// When this method returns <see langword="true"/>, the slot from <paramref name="at"/> (not rounded) to the end of
    /// its stretch on the same day: the start of lunch or the end of the window. Its <see cref="CallSlot.Notes"/>
    /// follow the rules of <see cref="NextGoodSlot(DateTimeOffset, BusinessHours?)"/>; a stretch shorter than
    /// 30 minutes is given as it is, with <see cref="CallSlotNotes.ShortStretch"/>. Otherwise the default value.
    /// </param>
    /// <returns>
    /// <see langword="true"/> if <paramref name="at"/> is on a business day, inside the window and outside the lunch
    /// hour; otherwise <see langword="false"/>.
    /// </returns>
    /// <remarks>Use it to keep a good planned time as the call window.</remarks>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is the invalid default value.</exception>
    public bool TryGetStretch(DateTimeOffset at, BusinessHours? hours, out CallSlot slot)
    {
        if (hours is { } known)
        {
            EnsureValid(known, nameof(hours));
        }

        slot = default;
        var local = at.ToOffset(JapanOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (!IsBusinessDay(date))
        {
            return false;
        }

        var window = Window(date, hours, out var whole);
        var time = local.TimeOfDay;
        var start = window.Start.ToTimeSpan();
        var end = window.End.ToTimeSpan();
        if (time < start || time >= end || IsLunch(time))
        {
            return false;
        }

        var stretchEnd = time < LunchFrom && end > LunchFrom ? LunchFrom : end;
        slot = new CallSlot(local, At(date, stretchEnd)) { Notes = NotesFor(date, time, stretchEnd, hours, whole) };
        return true;
    }

    /// <summary>Checks a planned call time and lists what is wrong with it.</summary>
    /// <param name="planned">The planned time, in any offset.</param>
    /// <param name="hours">The company's opening hours, or <see langword="null"/> if not known.</param>
    /// <returns>
    /// The verdict. The lunch hour (<see cref="CallTimeProblem.Lunch"/>) and an often-closed day
    /// (<see cref="CallTimeProblem.OftenClosed"/>) are only soft problems: when every problem is soft,
    /// <see cref="CallTimeCheck.IsGood"/> is <see langword="true"/> and <see cref="CallTimeCheck.HasSoftWarning"/>
    /// is set. A weekend, a public holiday, a day the company is closed (<see cref="CallTimeProblem.CompanyClosed"/>)
    /// and a time outside the window are hard problems. When there is any problem, <see cref="CallTimeCheck.Suggested"/>
    /// is <see cref="NextGoodSlot(DateTimeOffset, BusinessHours?)"/> after <paramref name="planned"/>
    /// (or <see langword="null"/> if none is found within 30 days).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is the invalid default value.</exception>
    public CallTimeCheck Check(DateTimeOffset planned, BusinessHours? hours)
    {
        var local = planned.ToOffset(JapanOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var window = GetWindow(date, hours);

        var problems = new List<CallTimeProblem>(3);
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            problems.Add(CallTimeProblem.Weekend);
        }

        if (_calendar.IsHoliday(date))
        {
            problems.Add(CallTimeProblem.Holiday);
        }

        if (time < window.Start)
        {
            problems.Add(CallTimeProblem.BeforeWindow);
        }
        else if (time >= window.End)
        {
            problems.Add(CallTimeProblem.AfterWindow);
        }

        if (IsLunch(time.ToTimeSpan()))
        {
            problems.Add(CallTimeProblem.Lunch);
        }

        if (CompanyCalendar.IsClosed(date))
        {
            problems.Add(CallTimeProblem.CompanyClosed);
        }

        if (CompanyCalendar.IsOftenClosed(date))
        {
            problems.Add(CallTimeProblem.OftenClosed);
        }

        CallSlot? suggested = problems.Count > 0 && TryFindNextGoodSlot(planned, hours, out var slot) ? slot : null;
        return new CallTimeCheck(problems.AsReadOnly(), suggested);
    }

    private static void EnsureValid(BusinessHours hours, string paramName)
    {
        if (!hours.IsValid)
        {
            throw new ArgumentException("The business hours are not set: the opening time must be earlier than the closing time.", paramName);
        }
    }

    private static bool IsLunch(TimeSpan time) => time >= LunchFrom && time < LunchTo;

    /// <summary>The window of a day, and whether it is the whole of narrow opening hours rather than the usual margined window.</summary>
    private static CallWindow Window(DateOnly date, BusinessHours? hours, out bool wholeHours)
    {
        wholeHours = false;
        if (hours is not { } known)
        {
            return new CallWindow(date, DefaultStart, DefaultEnd);
        }

        EnsureValid(known, nameof(hours));
        var start = known.Opens.ToTimeSpan() + Margin;
        var end = known.Closes.ToTimeSpan() - Margin;
        if (start < end && LongestStretch(start, end) >= MinStretch)
        {
            return new CallWindow(date, TimeOnly.FromTimeSpan(start), TimeOnly.FromTimeSpan(end));
        }

        wholeHours = true;
        return new CallWindow(date, known.Opens, known.Closes);
    }

    /// <summary>The length of the longer of the two stretches that the lunch hour leaves of a window.</summary>
    private static TimeSpan LongestStretch(TimeSpan start, TimeSpan end)
    {
        var morning = Min(end, LunchFrom) - start;
        var afternoon = end - Max(start, LunchTo);
        return Max(Max(morning, afternoon), TimeSpan.Zero);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan RoundUpToQuarter(TimeSpan time)
    {
        var remainder = time.Ticks % Quarter.Ticks;
        return remainder == 0 ? time : time + TimeSpan.FromTicks(Quarter.Ticks - remainder);
    }

    private static DateTimeOffset At(DateOnly date, TimeSpan time) =>
        new(date.ToDateTime(TimeOnly.FromTimeSpan(time)), JapanOffset);

    private CallSlotNotes NotesFor(DateOnly date, TimeSpan start, TimeSpan end, BusinessHours? hours, bool wholeHours)
    {
        var notes = CallSlotNotes.None;
        if (wholeHours && hours is { } known
            && (start < known.Opens.ToTimeSpan() + Margin || end > known.Closes.ToTimeSpan() - Margin))
        {
            notes |= CallSlotNotes.NarrowHours;
        }

        if (CompanyCalendar.IsOftenClosed(date))
        {
            notes |= CallSlotNotes.OftenClosedDay;
        }

        if (end - start < MinStretch)
        {
            notes |= CallSlotNotes.ShortStretch;
        }

        return notes;
    }

    private bool TryFindNextGoodSlot(DateTimeOffset after, BusinessHours? hours, out CallSlot slot)
    {
        var local = after.ToOffset(JapanOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        TimeSpan? from = local.TimeOfDay;
        CallSlot? firstShort = null;
        DateOnly? shortDay = null;
        for (var day = 0; day <= MaxDaysAhead; day++)
        {
            if (IsBusinessDay(date))
            {
                if (TryFindSlotOnDay(date, from, hours, out slot, ref firstShort))
                {
                    return true;
                }

                if (firstShort is { } found)
                {
                    if (shortDay is null)
                    {
                        shortDay = date;
                    }
                    else if (date != shortDay)
                    {
                        // The next business day after the short stretch has no stretch of 30 minutes either.
                        slot = found;
                        return true;
                    }
                }
            }

            if (date == DateOnly.MaxValue)
            {
                break;
            }

            date = date.AddDays(1);
            from = null;
        }

        slot = firstShort ?? default;
        return firstShort is not null;
    }

    /// <summary>
    /// Finds the first stretch of at least 30 minutes on a business day, from a time on; remembers the first shorter
    /// stretch met in <paramref name="firstShort"/> if none is remembered yet.
    /// </summary>
    private bool TryFindSlotOnDay(DateOnly date, TimeSpan? from, BusinessHours? hours, out CallSlot slot, ref CallSlot? firstShort)
    {
        slot = default;
        var window = Window(date, hours, out var whole);
        var start = window.Start.ToTimeSpan();
        var end = window.End.ToTimeSpan();
        var candidate = from is { } time && time > start ? RoundUpToQuarter(time) : start;

        Span<(TimeSpan Start, TimeSpan End)> stretches =
        [
            (Max(start, candidate), Min(end, LunchFrom)),
            (Max(Max(start, LunchTo), candidate), end),
        ];
        foreach (var (stretchStart, stretchEnd) in stretches)
        {
            if (stretchStart >= stretchEnd)
            {
                continue;
            }

            var found = new CallSlot(At(date, stretchStart), At(date, stretchEnd)) { Notes = NotesFor(date, stretchStart, stretchEnd, hours, whole) };
            if (stretchEnd - stretchStart >= MinStretch)
            {
                slot = found;
                return true;
            }

            firstShort ??= found;
        }

        return false;
    }
}
