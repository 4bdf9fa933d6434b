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
/// </para>
/// <para>This type is thread-safe if the calendar it uses is.</para>
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

    private readonly IHolidayCalendar _calendar;

    /// <summary>Initializes a new instance of the <see cref="CallWindowPlanner"/> class.</summary>
    /// <param name="calendar">The public holidays to avoid, usually <see cref="JapaneseHolidayCalendar.Instance"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public CallWindowPlanner(IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>Gets the good calling window on a day.</summary>
    /// <param name="date">The day. Whether it is a business day is not checked here.</param>
    /// <param name="hours">
    /// The company's opening hours, or <see langword="null"/> if not known. Without them the window is
    /// 10:00 to 17:00. With them it is the opening hours less the first and the last hour; if that leaves
    /// nothing, it is the whole of the opening hours.
    /// </param>
    /// <returns>The window; its end is exclusive.</returns>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is the invalid default value.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the planner's instance API, like the other members.")]
    public CallWindow GetWindow(DateOnly date, BusinessHours? hours)
    {
        if (hours is not { } known)
        {
            return new CallWindow(date, DefaultStart, DefaultEnd);
        }

        EnsureValid(known, nameof(hours));
        var start = known.Opens.ToTimeSpan() + Margin;
        var end = known.Closes.ToTimeSpan() - Margin;
        return start < end
            ? new CallWindow(date, TimeOnly.FromTimeSpan(start), TimeOnly.FromTimeSpan(end))
            : new CallWindow(date, known.Opens, known.Closes);
    }

    /// <summary>Tells whether a day is a business day: not a Saturday, not a Sunday and not a public holiday.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> if companies are normally open on <paramref name="date"/>; otherwise <see langword="false"/>.</returns>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_calendar.IsHoliday(date);

    /// <summary>Finds the first good moment to call at or after a given time.</summary>
    /// <param name="after">The earliest acceptable time, in any offset.</param>
    /// <param name="hours">The company's opening hours, or <see langword="null"/> if not known.</param>
    /// <returns>
    /// The slot: its start is the first good moment, its end the end of that uninterrupted good stretch
    /// (the start of lunch or the end of the window). Both have offset +09:00.
    /// </returns>
    /// <remarks>
    /// A time before the window moves to the window's start; a time inside the window is rounded up to the next
    /// quarter hour (:00, :15, :30 or :45; a time already on one stays); a time in the lunch hour moves to 13:00;
    /// a time at or after the window's end, or on a day that is not a business day, moves to the window's start
    /// on the next business day. Days up to 30 days after the day of <paramref name="after"/> are looked at.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is the invalid default value.</exception>
    /// <exception cref="InvalidOperationException">
    /// No good moment was found within 30 days. With <see cref="JapaneseHolidayCalendar"/> this happens only
    /// when the calling window lies entirely inside the lunch hour.
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

    /// <summary>Checks a planned call time and lists what is wrong with it.</summary>
    /// <param name="planned">The planned time, in any offset.</param>
    /// <param name="hours">The company's opening hours, or <see langword="null"/> if not known.</param>
    /// <returns>
    /// The verdict. The lunch hour is only a soft problem: when it is the only problem,
    /// <see cref="CallTimeCheck.IsGood"/> is <see langword="true"/> and <see cref="CallTimeCheck.HasSoftWarning"/>
    /// is set. When there is any problem, <see cref="CallTimeCheck.Suggested"/> is
    /// <see cref="NextGoodSlot(DateTimeOffset, BusinessHours?)"/> after <paramref name="planned"/>
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

        if (IsLunch(time))
        {
            problems.Add(CallTimeProblem.Lunch);
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

    private static bool IsLunch(TimeOnly time) => time >= LunchStart && time < LunchEnd;

    private static TimeSpan RoundUpToQuarter(TimeSpan time)
    {
        var remainder = time.Ticks % Quarter.Ticks;
        return remainder == 0 ? time : time + TimeSpan.FromTicks(Quarter.Ticks - remainder);
    }

    private static DateTimeOffset At(DateOnly date, TimeSpan time) =>
        new(date.ToDateTime(TimeOnly.FromTimeSpan(time)), JapanOffset);

    private bool TryFindNextGoodSlot(DateTimeOffset after, BusinessHours? hours, out CallSlot slot)
    {
        var local = after.ToOffset(JapanOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        TimeSpan? from = local.TimeOfDay;
        for (var day = 0; day <= MaxDaysAhead; day++)
        {
            if (TryFindSlotOnDay(date, from, hours, out slot))
            {
                return true;
            }

            if (date == DateOnly.MaxValue)
            {
                break;
            }

            date = date.AddDays(1);
            from = null;
        }

        slot = default;
        return false;
    }

    private bool TryFindSlotOnDay(DateOnly date, TimeSpan? from, BusinessHours? hours, out CallSlot slot)
    {
        slot = default;
        if (!IsBusinessDay(date))
        {
            return false;
        }

        var window = GetWindow(date, hours);
        var start = window.Start.ToTimeSpan();
        var end = window.End.ToTimeSpan();
        var lunchStart = LunchStart.ToTimeSpan();
        var lunchEnd = LunchEnd.ToTimeSpan();

        var candidate = from is { } time && time > start ? RoundUpToQuarter(time) : start;
        if (candidate >= lunchStart && candidate < lunchEnd)
        {
            candidate = lunchEnd;
        }

        if (candidate >= end)
        {
            return false;
        }

        var stretchEnd = candidate < lunchStart && end > lunchStart ? lunchStart : end;
        slot = new CallSlot(At(date, candidate), At(date, stretchEnd));
        return true;
    }
}
