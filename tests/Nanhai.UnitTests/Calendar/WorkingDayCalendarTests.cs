using System.Text;
using System.Text.RegularExpressions;
using Nanhai.Domain.Calendar;

namespace Nanhai.UnitTests.Calendar;

/// <summary>
/// The working-day calendar against the State Council notices for 2025 (国办发明电〔2024〕12号) and 2026
/// (国办发明电〔2025〕7号). The expected dates below are typed from the notices, not read from the shipped data,
/// so the tests check the data as well as the arithmetic.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;

    static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    static IEnumerable<DateOnly> Range(string from, string to)
    {
        for (var day = D(from); day <= D(to); day = day.AddDays(1))
            yield return day;
    }

    // 2025: 国办发明电〔2024〕12号.  2026: 国办发明电〔2025〕7号.
    static readonly DateOnly[] HolidaysOff2025And2026 =
    [
        D("2025-01-01"), .. Range("2025-01-28", "2025-02-04"), .. Range("2025-04-04", "2025-04-06"),
        .. Range("2025-05-01", "2025-05-05"), .. Range("2025-05-31", "2025-06-02"), .. Range("2025-10-01", "2025-10-08"),
        .. Range("2026-01-01", "2026-01-03"), .. Range("2026-02-15", "2026-02-23"), .. Range("2026-04-04", "2026-04-06"),
        .. Range("2026-05-01", "2026-05-05"), .. Range("2026-06-19", "2026-06-21"), .. Range("2026-09-25", "2026-09-27"),
        .. Range("2026-10-01", "2026-10-07"),
    ];

    static readonly DateOnly[] MakeUpDays2025And2026 =
    [
        D("2025-01-26"), D("2025-02-08"), D("2025-04-27"), D("2025-09-28"), D("2025-10-11"),
        D("2026-01-04"), D("2026-02-14"), D("2026-02-28"), D("2026-05-09"), D("2026-09-20"), D("2026-10-10"),
    ];

    public static TheoryData<string> MakeUpDays() => [.. MakeUpDays2025And2026.Select(d => d.ToString("yyyy-MM-dd"))];

    public static TheoryData<string> HolidayDaysOff() => [.. HolidaysOff2025And2026.Select(d => d.ToString("yyyy-MM-dd"))];

    // ---- deadlines across the big holidays ----

    [Fact]
    public void Three_working_days_from_the_friday_before_spring_festival_2025_count_the_make_up_sunday()
    {
        // Accepted Fri 24 Jan: Sun 26 Jan (调休) is day 1, Mon 27 Jan day 2, 28 Jan–4 Feb off, Wed 5 Feb day 3.
        Assert.Equal(D("2025-01-26"), Calendar.AddWorkingDays(D("2025-01-24"), 1));
        Assert.Equal(D("2025-01-27"), Calendar.AddWorkingDays(D("2025-01-24"), 2));
        Assert.Equal(D("2025-02-05"), Calendar.AddWorkingDays(D("2025-01-24"), 3));
        Assert.Equal(3, Calendar.WorkingDaysBetween(D("2025-01-24"), D("2025-02-05")));
    }

    [Fact]
    public void Five_working_days_from_30_september_2025_skip_national_day_and_count_saturday_11_october()
    {
        // Sun 28 Sep (调休) is before the start and does not count; 1–8 Oct off; Thu 9, Fri 10, Sat 11 (调休), Mon 13, Tue 14.
        Assert.Equal(D("2025-10-14"), Calendar.AddWorkingDays(D("2025-09-30"), 5));
        Assert.Equal(D("2025-10-11"), Calendar.AddWorkingDays(D("2025-09-30"), 3));
        Assert.Equal(D("2025-09-28"), Calendar.NextWorkingDay(D("2025-09-27")));
    }

    [Fact]
    public void Spring_festival_and_national_day_2026_deadlines_use_their_make_up_saturdays()
    {
        // Accepted Fri 13 Feb: Sat 14 Feb (调休), 15–23 Feb off, Tue 24, Wed 25.
        Assert.Equal(D("2026-02-25"), Calendar.AddWorkingDays(D("2026-02-13"), 3));
        // Sat 28 Feb (调休) is the first working day after Fri 27 Feb.
        Assert.Equal(D("2026-02-28"), Calendar.NextWorkingDay(D("2026-02-27")));
        // Accepted Wed 30 Sep: 1–7 Oct off; Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13.
        Assert.Equal(D("2026-10-13"), Calendar.AddWorkingDays(D("2026-09-30"), 5));
        // Mid-Autumn 2026 is its own holiday, Fri 25–Sun 27 Sep; Sun 20 Sep is worked for National Day.
        Assert.Equal(D("2026-09-28"), Calendar.AddWorkingDays(D("2026-09-24"), 1));
        Assert.Equal(D("2026-09-20"), Calendar.NextWorkingDay(D("2026-09-18")));
    }

    [Fact]
    public void Accepted_on_a_holiday_the_limit_starts_on_the_first_working_day_after_it()
    {
        Assert.Equal(D("2025-10-09"), Calendar.AddWorkingDays(D("2025-10-01"), 1));
        Assert.Equal(D("2025-10-09"), Calendar.WorkingDayOnOrAfter(D("2025-10-01")));
        Assert.Equal(D("2025-10-09"), Calendar.WorkingDayOnOrAfter(D("2025-10-09")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2025-10-01"), D("2025-10-08")));
    }

    [Fact]
    public void Zero_days_is_the_start_and_negative_days_are_rejected()
    {
        Assert.Equal(D("2025-10-04"), Calendar.AddWorkingDays(D("2025-10-04"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2025-10-04"), -1));
    }

    // ---- every day of 2025 and 2026 against the notices ----

    [Theory]
    [MemberData(nameof(MakeUpDays))]
    public void Every_make_up_day_of_2025_and_2026_is_a_working_day(string date)
    {
        Assert.True(Calendar.IsWorkingDay(D(date)));
        Assert.Equal(DayKind.MakeUpWorkingDay, Calendar.GetDayKind(D(date)));
        Assert.True(D(date).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Theory]
    [MemberData(nameof(HolidayDaysOff))]
    public void Every_holiday_day_off_of_2025_and_2026_is_not_a_working_day(string date)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.Equal(DayKind.Holiday, Calendar.GetDayKind(D(date)));
    }

    [Theory]
    [InlineData("2025-03-01")] // Sat
    [InlineData("2025-03-02")] // Sun
    [InlineData("2025-10-12")] // the Sunday after the make-up Saturday 11 Oct
    [InlineData("2026-02-01")] // Sun
    [InlineData("2026-12-26")] // Sat
    public void Ordinary_weekends_are_not_working_days(string date)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.Equal(DayKind.Weekend, Calendar.GetDayKind(D(date)));
    }

    [Fact]
    public void Every_day_of_2025_and_2026_matches_the_notices()
    {
        var off = HolidaysOff2025And2026.ToHashSet();
        var makeUp = MakeUpDays2025And2026.ToHashSet();
        foreach (var day in Range("2025-01-01", "2026-12-31"))
        {
            var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var expected = makeUp.Contains(day) || (weekday && !off.Contains(day));
            Assert.True(expected == Calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd} ({day.DayOfWeek}): expected working={expected}");
        }
        // Each year has 261 weekdays; less the 13 statutory holiday days, 248 working days.
        Assert.Equal(248, Calendar.WorkingDaysBetween(D("2024-12-31"), D("2025-12-31")));
        Assert.Equal(248, Calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")));
    }

    [Fact]
    public void The_2020_spring_festival_extension_and_a_december_day_of_the_2023_notice_are_modelled_by_date()
    {
        // 国办发明电〔2020〕1号 extended Spring Festival 2020 to Sun 2 Feb and cancelled the make-up Saturday 1 Feb.
        Assert.False(Calendar.IsWorkingDay(D("2020-01-31")));
        Assert.Equal(DayKind.Holiday, Calendar.GetDayKind(D("2020-02-01")));
        Assert.True(Calendar.IsWorkingDay(D("2020-01-19")));
        Assert.Equal(D("2020-02-03"), Calendar.AddWorkingDays(D("2020-01-23"), 1));
        // The 2023 New Year holiday began on Sat 31 Dec 2022.
        Assert.Equal(DayKind.Holiday, Calendar.GetDayKind(D("2022-12-31")));
    }

    // ---- coverage ----

    [Theory]
    [InlineData("2019-12-31", 2019)]
    [InlineData("2027-01-01", 2027)]
    [InlineData("0001-01-01", 1)]
    public void A_date_outside_the_data_throws_naming_the_year_and_the_covered_range(string date, int year)
    {
        var e = Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.IsWorkingDay(D(date)));
        Assert.Equal(year, e.Year);
        Assert.Equal(2020, e.FirstCoveredYear);
        Assert.Equal(2026, e.LastCoveredYear);
        Assert.Contains($"{year}", e.Message);
        Assert.Contains("2020–2026", e.Message);
        Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.AddWorkingDays(D(date), 1));
        Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.WorkingDaysBetween(D("2025-06-01"), D(date)));
        Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.WorkingDaysBetween(D(date), D("2025-06-01")));
    }

    [Fact]
    public void A_limit_running_past_2026_throws_naming_2027()
    {
        // Thu 31 Dec 2026 is the last covered working day.
        Assert.Equal(D("2026-12-31"), Calendar.AddWorkingDays(D("2026-12-30"), 1));
        Assert.Equal(D("2026-12-31"), Calendar.AddWorkingDays(D("2026-12-24"), 5));
        var e = Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.AddWorkingDays(D("2026-12-30"), 2));
        Assert.Equal(2027, e.Year);
        Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.NextWorkingDay(D("2026-12-31")));
        Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.AddWorkingDays(D("2020-01-01"), int.MaxValue));
    }

    // ---- AddWorkingDays and WorkingDaysBetween are inverse ----

    [Fact]
    public void AddWorkingDays_and_WorkingDaysBetween_are_inverse_over_random_dates()
    {
        var random = new Random(20250124);
        var first = D("2020-01-01").DayNumber;
        var length = D("2026-12-31").DayNumber - first + 1;
        var checkedCount = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var start = DateOnly.FromDayNumber(first + random.Next(length));
            var days = random.Next(0, 120);
            DateOnly end;
            try
            {
                end = Calendar.AddWorkingDays(start, days);
            }
            catch (CalendarYearNotCoveredException e) when (e.Year == 2027)
            {
                Assert.True(Naive(start, days) is null, $"{start} + {days} threw but fits in 2026");
                continue;
            }
            Assert.Equal(Naive(start, days), end);
            Assert.Equal(days, Calendar.WorkingDaysBetween(start, end));
            Assert.Equal(-days, Calendar.WorkingDaysBetween(end, start));
            if (days > 0)
            {
                Assert.True(Calendar.IsWorkingDay(end));
                Assert.Equal(days - 1, Calendar.WorkingDaysBetween(start, end.AddDays(-1)));
            }

            // The other way: counting to any date T and adding back lands on the last working day on or before T.
            var to = DateOnly.FromDayNumber(Math.Min(first + length - 1, start.DayNumber + random.Next(200)));
            var back = Calendar.AddWorkingDays(start, Calendar.WorkingDaysBetween(start, to));
            var lastWorking = to;
            while (lastWorking > start && !Calendar.IsWorkingDay(lastWorking))
                lastWorking = lastWorking.AddDays(-1);
            Assert.Equal(lastWorking, back);
            checkedCount++;
        }
        Assert.True(checkedCount > 19_000);
    }

    [Fact]
    public void WorkingDaysBetween_is_additive_and_antisymmetric()
    {
        var (a, b, c) = (D("2025-01-20"), D("2025-02-10"), D("2025-10-15"));
        Assert.Equal(0, Calendar.WorkingDaysBetween(a, a));
        Assert.Equal(Calendar.WorkingDaysBetween(a, c), Calendar.WorkingDaysBetween(a, b) + Calendar.WorkingDaysBetween(b, c));
        Assert.Equal(-Calendar.WorkingDaysBetween(a, c), Calendar.WorkingDaysBetween(c, a));
    }

    // Walks day by day; the reference the O(1) arithmetic must agree with. Null when the answer is past the data.
    static DateOnly? Naive(DateOnly start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (day.Year > 2026)
                return null;
            if (Calendar.IsWorkingDay(day))
                counted++;
        }
        return day;
    }

    // ---- supervision point (督办) ----

    [Theory]
    [InlineData(10, 8)]
    [InlineData(5, 4)]   // 0.8 × 5 = 4
    [InlineData(3, 3)]   // ⌈2.4⌉
    [InlineData(1, 1)]   // ⌈0.8⌉
    [InlineData(13, 11)] // ⌈10.4⌉; the joint completion acceptance promise
    [InlineData(0, 0)]
    public void The_80_percent_point_is_the_ceiling_of_0_8_n_working_days(int days, int elapsed)
    {
        var start = D("2025-01-24");
        Assert.Equal(Calendar.AddWorkingDays(start, elapsed), Calendar.AddWorkingDaysFraction(start, days, 0.8m));
    }

    [Fact]
    public void A_fraction_outside_zero_to_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDaysFraction(D("2025-01-24"), 10, 1.2m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDaysFraction(D("2025-01-24"), 10, -0.1m));
        Assert.Equal(Calendar.AddWorkingDays(D("2025-01-24"), 10), Calendar.AddWorkingDaysFraction(D("2025-01-24"), 10, 1m));
    }

    // ---- China time ----

    [Fact]
    public void China_dates_and_deadline_instants_are_at_utc_plus_8()
    {
        Assert.Equal(D("2025-01-24"), ChinaTime.DateOf(new DateTime(2025, 1, 23, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(D("2025-01-23"), ChinaTime.DateOf(new DateTime(2025, 1, 23, 15, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(D("2025-01-24"), ChinaTime.DateOf(new DateTimeOffset(2025, 1, 24, 0, 0, 0, TimeSpan.FromHours(8))));
        var end = ChinaTime.EndOfDayUtc(D("2025-02-05"));
        Assert.Equal(new DateTime(2025, 2, 5, 16, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal(DateTimeKind.Utc, end.Kind);
        Assert.Throws<ArgumentException>(() => ChinaTime.DateOf(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }

    // ---- the shipped data ----

    [Fact]
    public void The_data_has_one_sourced_notice_for_each_year_2020_to_2026()
    {
        Assert.Equal(2020, Calendar.FirstYear);
        Assert.Equal(2026, Calendar.LastYear);
        Assert.Equal(Enumerable.Range(2020, 7), Calendar.Notices.Select(n => n.Year).Order());
        foreach (var notice in Calendar.Notices)
        {
            Assert.Matches(new Regex(@"^国办发明电〔\d{4}〕\d+号$"), notice.Number);
            Assert.Contains($"{notice.Year}年部分节假日安排", notice.Title);
            Assert.True(notice.Date < new DateOnly(notice.Year, 1, 1), $"{notice.Number} should be issued before {notice.Year}");
            Assert.NotEmpty(notice.Holidays);
        }
        Assert.Equal("国办发明电〔2024〕12号", Calendar.Notices.Single(n => n.Year == 2025).Number);
    }

    [Fact]
    public void Every_make_up_day_is_a_weekend_day_and_no_date_is_both_off_and_worked()
    {
        var off = Calendar.Notices.SelectMany(n => n.Holidays).SelectMany(h => h.DaysOff).ToList();
        var makeUp = Calendar.Notices.SelectMany(n => n.Holidays).SelectMany(h => h.MakeUpWorkingDays).ToList();
        Assert.All(makeUp, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d} is a {d.DayOfWeek}"));
        Assert.Equal(off.Count, off.Distinct().Count());
        Assert.Equal(makeUp.Count, makeUp.Distinct().Count());
        Assert.Empty(off.Intersect(makeUp));
    }

    [Theory]
    // Weekday days off minus make-up working days = the statutory holiday days of the year: 11 under the 2013 rules,
    // 13 from 2025 (国务院令第795号 added 除夕 and 2 May). A statutory day on a weekend is compensated by a weekday, and a
    // swapped weekday off is paid back by a make-up day, so neither changes the difference.
    // 2020 is 13: 国办发明电〔2020〕1号 extended Spring Festival by Fri 31 Jan and cancelled the make-up Sat 1 Feb.
    [InlineData(2020, 13)]
    [InlineData(2021, 11)]
    [InlineData(2022, 11)]
    [InlineData(2023, 11)]
    [InlineData(2024, 11)]
    [InlineData(2025, 13)]
    [InlineData(2026, 13)]
    public void Each_year_loses_its_statutory_holiday_days_net_of_make_up_days(int year, int statutoryDays)
    {
        var notice = Calendar.Notices.Single(n => n.Year == year);
        var weekdaysOff = notice.Holidays.SelectMany(h => h.DaysOff).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var makeUp = notice.Holidays.SelectMany(h => h.MakeUpWorkingDays).Count();
        Assert.Equal(statutoryDays, weekdaysOff - makeUp);
    }

    // ---- loading validates the data ----

    static WorkingDayCalendar Load(string holidaysJson, int firstYear = 2025, int lastYear = 2025, string? notices = null) =>
        WorkingDayCalendar.FromJson(new MemoryStream(Encoding.UTF8.GetBytes($$"""
            {
              "coverage": { "firstYear": {{firstYear}}, "lastYear": {{lastYear}} },
              "weekend": ["Saturday", "Sunday"],
              "notices": {{notices ?? $$"""[{ "year": 2025, "number": "N", "title": "T", "date": "2024-11-12", "holidays": {{holidaysJson}} }]"""}}
            }
            """)));

    [Fact]
    public void Loading_accepts_valid_data_and_rejects_contradictions()
    {
        var ok = Load("""[{ "name": "春节", "nameEn": "Spring Festival", "daysOff": ["2025-01-28"], "makeUpWorkingDays": ["2025-01-26"] }]""");
        Assert.True(ok.IsWorkingDay(D("2025-01-26")));
        Assert.False(ok.IsWorkingDay(D("2025-01-28")));

        // A make-up day on a weekday.
        Assert.Throws<InvalidDataException>(() => Load("""[{ "name": "x", "nameEn": "x", "daysOff": ["2025-01-28"], "makeUpWorkingDays": ["2025-01-27"] }]"""));
        // The same date off and worked.
        Assert.Throws<InvalidDataException>(() => Load("""[{ "name": "x", "nameEn": "x", "daysOff": ["2025-01-26"], "makeUpWorkingDays": ["2025-01-26"] }]"""));
        // Not a date.
        Assert.Throws<InvalidDataException>(() => Load("""[{ "name": "x", "nameEn": "x", "daysOff": ["2025-02-30"], "makeUpWorkingDays": [] }]"""));
        // A date of another year.
        Assert.Throws<InvalidDataException>(() => Load("""[{ "name": "x", "nameEn": "x", "daysOff": ["2026-01-01"], "makeUpWorkingDays": [] }]"""));
        // Coverage claims a year that has no notice.
        Assert.Throws<InvalidDataException>(() => Load("""[{ "name": "x", "nameEn": "x", "daysOff": ["2025-01-01"], "makeUpWorkingDays": [] }]""", lastYear: 2026));
        // A missing property.
        Assert.Throws<InvalidDataException>(() => Load("[]", notices: """[{ "year": 2025, "title": "T", "date": "2024-11-12", "holidays": [] }]"""));
    }
}
