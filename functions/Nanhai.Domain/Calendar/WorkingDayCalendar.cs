namespace Nanhai.Domain.Calendar;

/// <summary>
/// The mainland-China working-day (工作日) calendar: Monday–Friday, minus the holiday days off (节假日放假) and plus the
/// weekend make-up working days (调休上班) published each year by the State Council General Office. The data is
/// <c>china-holidays.json</c> (embedded), which names the notice behind every year; see <see cref="Notices"/>.
/// </summary>
/// <remarks>
/// <para>
/// Counting convention (承诺时限, "within n working days"): a matter accepted on day D — at any time of that day, and
/// whether or not D is itself a working day — does not count D. The limit's first working day is the first working day
/// after D, and a limit of n working days ends at the end of the n-th working day after D; that date is
/// <see cref="AddWorkingDays"/>(D, n). <see cref="WorkingDaysBetween"/>(a, b) counts the working days d with
/// a &lt; d ≤ b (negated when b &lt; a), i.e. the working days elapsed by the end of day b. Hence
/// <c>WorkingDaysBetween(D, AddWorkingDays(D, n)) == n</c> for every n ≥ 0, and
/// <c>AddWorkingDays(D, WorkingDaysBetween(D, T)) == T</c> for every working day T ≥ D.
/// Example (2025): accepted Fri 24 Jan, 3 working days → Sun 26 Jan (调休), Mon 27 Jan, then the holiday 28 Jan–4 Feb,
/// so the limit ends on Wed 5 Feb.
/// </para>
/// <para>
/// Every date method throws <see cref="CalendarYearNotCoveredException"/> for a date outside the covered years, and when the
/// answer would lie beyond them (e.g. a limit running into a year whose notice is not yet in the data), rather than
/// assume "weekends only". Lookups are O(1): the covered range is precomputed into per-day arrays once.
/// The last days of December of <see cref="LastYear"/> are as reliable as the data allows: the next year's notice
/// could still make one of them a day off or a make-up working day (the 2023 notice did so for 2022-12-31).
/// </para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    const string ResourceName = "Nanhai.Domain.Calendar.china-holidays.json";

    static readonly Lazy<WorkingDayCalendar> china = new(LoadEmbedded);

    readonly DateOnly first;
    readonly DayKind[] kinds;
    // workingDaysThrough[i] = working days in [first, first + i]; a prefix sum makes WorkingDaysBetween O(1).
    readonly int[] workingDaysThrough;
    // workingDayIndex[k] = day index of the (k + 1)-th working day of the range; makes AddWorkingDays O(1).
    readonly int[] workingDayIndex;

    WorkingDayCalendar(HolidayDataReader.Data data)
    {
        FirstYear = data.FirstYear;
        LastYear = data.LastYear;
        Notices = data.Notices;
        first = new DateOnly(FirstYear, 1, 1);
        var last = new DateOnly(LastYear, 12, 31);
        var length = last.DayNumber - first.DayNumber + 1;

        kinds = new DayKind[length];
        for (var i = 0; i < length; i++)
            kinds[i] = data.Weekend.Contains(first.AddDays(i).DayOfWeek) ? DayKind.Weekend : DayKind.WorkingDay;
        foreach (var holiday in Notices.SelectMany(n => n.Holidays))
        {
            // Dates before the range (a first notice reaching into December of the year before) are not needed.
            foreach (var day in holiday.DaysOff.Where(d => d >= first))
                kinds[day.DayNumber - first.DayNumber] = DayKind.Holiday;
            foreach (var day in holiday.MakeUpWorkingDays.Where(d => d >= first))
                kinds[day.DayNumber - first.DayNumber] = DayKind.MakeUpWorkingDay;
        }

        workingDaysThrough = new int[length];
        var indices = new List<int>(length);
        for (var i = 0; i < length; i++)
        {
            if (kinds[i] is DayKind.WorkingDay or DayKind.MakeUpWorkingDay)
                indices.Add(i);
            workingDaysThrough[i] = indices.Count;
        }
        workingDayIndex = [.. indices];
    }

    /// <summary>The calendar built from the embedded State Council data; loaded once, on first use.</summary>
    /// <exception cref="InvalidDataException">The embedded data is malformed or contradicts itself.</exception>
    public static WorkingDayCalendar China => china.Value;

    /// <summary>Builds a calendar from data in the format of <c>china-holidays.json</c> (validated; see that file).</summary>
    /// <exception cref="InvalidDataException">The data is malformed or contradicts itself.</exception>
    public static WorkingDayCalendar FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return new WorkingDayCalendar(HolidayDataReader.Read(utf8Json));
    }

    /// <summary>The first calendar year with holiday data.</summary>
    public int FirstYear { get; }

    /// <summary>The last calendar year with holiday data.</summary>
    public int LastYear { get; }

    /// <summary>The source notices, one per covered year, with their holidays and make-up working days.</summary>
    public IReadOnlyList<HolidayNotice> Notices { get; }

    /// <summary>What <paramref name="date"/> is: ordinary working day, make-up working day, weekend or holiday.</summary>
    public DayKind GetDayKind(DateOnly date) => kinds[IndexOf(date)];

    /// <summary>Whether <paramref name="date"/> is a working day (工作日), make-up working days (调休) included.</summary>
    public bool IsWorkingDay(DateOnly date) => kinds[IndexOf(date)] is DayKind.WorkingDay or DayKind.MakeUpWorkingDay;

    /// <summary>The first working day strictly after <paramref name="date"/>; the same as <c>AddWorkingDays(date, 1)</c>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary><paramref name="date"/> if it is a working day, else the next working day (e.g. when a hall opens after a holiday).</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>
    /// The date on which a limit of <paramref name="days"/> working days, counted from <paramref name="start"/>, ends:
    /// the <paramref name="days"/>-th working day strictly after <paramref name="start"/> (the limit expires at the end of
    /// that day; see <see cref="ChinaTime.EndOfDayUtc"/>). Zero days returns <paramref name="start"/> unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="CalendarYearNotCoveredException"><paramref name="start"/> or the result is outside the covered years.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var index = IndexOf(start);
        if (days == 0)
            return start;
        // workingDaysThrough[index] working days lie on or before start, so the next one has that ordinal (0-based).
        var ordinal = (long)workingDaysThrough[index] + days - 1;
        if (ordinal >= workingDayIndex.Length)
            throw NotCovered(LastYear + 1);
        return first.AddDays(workingDayIndex[ordinal]);
    }

    /// <summary>
    /// Working days elapsed from <paramref name="from"/> to <paramref name="to"/>: the count of working days d with
    /// from &lt; d ≤ to, negative when <paramref name="to"/> is before <paramref name="from"/> (so an overdue limit reads
    /// as negative remaining days). The inverse of <see cref="AddWorkingDays"/>.
    /// </summary>
    /// <exception cref="CalendarYearNotCoveredException">Either date is outside the covered years.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        workingDaysThrough[IndexOf(to)] - workingDaysThrough[IndexOf(from)];

    /// <summary>
    /// The date by which <paramref name="fraction"/> of a <paramref name="days"/>-working-day limit has elapsed, e.g. the
    /// 督办 (supervision) point at 0.8: <c>AddWorkingDays(start, ⌈fraction × days⌉)</c>. Rounding up means the point is
    /// never before the fraction is reached; for short limits it coincides with the deadline (⌈0.8 × 4⌉ = 4).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or <paramref name="fraction"/> is outside [0, 1].</exception>
    /// <exception cref="CalendarYearNotCoveredException"><paramref name="start"/> or the result is outside the covered years.</exception>
    public DateOnly AddWorkingDaysFraction(DateOnly start, int days, decimal fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1m);
        // decimal, not double: 0.8 is exact, so 0.8 × 10 is 8 and not 8.000000000000002 (which would round up to 9).
        return AddWorkingDays(start, (int)decimal.Ceiling(fraction * days));
    }

    int IndexOf(DateOnly date)
    {
        var index = date.DayNumber - first.DayNumber;
        return (uint)index < (uint)kinds.Length ? index : throw NotCovered(date.Year);
    }

    CalendarYearNotCoveredException NotCovered(int year) => new(year, FirstYear, LastYear);

    static WorkingDayCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"Embedded resource {ResourceName} is missing from {typeof(WorkingDayCalendar).Assembly.GetName().Name}.");
        return FromJson(stream);
    }
}
