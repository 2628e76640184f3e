using System.Globalization;
using System.Text.Json;

namespace Nanhai.Domain.Calendar;

/// <summary>
/// Reads and validates <c>china-holidays.json</c>. Validation is strict because a typo in a date silently shifts every
/// deadline near it; bad data fails at load with <see cref="InvalidDataException"/> naming the offending entry.
/// </summary>
internal static class HolidayDataReader
{
    internal sealed record Data(int FirstYear, int LastYear, IReadOnlySet<DayOfWeek> Weekend, IReadOnlyList<HolidayNotice> Notices);

    public static Data Read(Stream utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;

        var coverage = Property(root, "coverage", JsonValueKind.Object);
        var firstYear = Property(coverage, "firstYear", JsonValueKind.Number).GetInt32();
        var lastYear = Property(coverage, "lastYear", JsonValueKind.Number).GetInt32();
        if (firstYear < 1 || lastYear > 9998 || firstYear > lastYear)
            throw Invalid($"coverage {firstYear}–{lastYear} is not a range of years.");

        var weekend = new HashSet<DayOfWeek>();
        foreach (var day in Property(root, "weekend", JsonValueKind.Array).EnumerateArray())
        {
            if (day.ValueKind != JsonValueKind.String || !Enum.TryParse<DayOfWeek>(day.GetString(), ignoreCase: false, out var dayOfWeek)
                || !Enum.IsDefined(dayOfWeek) || !weekend.Add(dayOfWeek))
                throw Invalid($"weekend entry {day} is not a distinct day name such as \"Saturday\".");
        }

        var notices = new List<HolidayNotice>();
        foreach (var element in Property(root, "notices", JsonValueKind.Array).EnumerateArray())
            notices.Add(ReadNotice(element, weekend));

        var years = notices.Select(n => n.Year).ToList();
        var expected = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        if (!years.Order().SequenceEqual(expected))
            throw Invalid($"notices cover years [{string.Join(", ", years)}] but coverage says {firstYear}–{lastYear}; each covered year needs exactly one notice.");

        // A date listed twice, or both off and worked, means the data disagrees with itself.
        var seen = new Dictionary<DateOnly, string>();
        foreach (var notice in notices)
            foreach (var holiday in notice.Holidays)
            {
                foreach (var day in holiday.DaysOff)
                    if (!seen.TryAdd(day, $"{notice.Year} {holiday.Name} day off"))
                        throw Invalid($"{day:yyyy-MM-dd} is listed as {notice.Year} {holiday.Name} day off and as {seen[day]}.");
                foreach (var day in holiday.MakeUpWorkingDays)
                    if (!seen.TryAdd(day, $"{notice.Year} {holiday.Name} make-up working day"))
                        throw Invalid($"{day:yyyy-MM-dd} is listed as {notice.Year} {holiday.Name} make-up working day and as {seen[day]}.");
            }

        return new Data(firstYear, lastYear, weekend, notices);
    }

    static HolidayNotice ReadNotice(JsonElement element, IReadOnlySet<DayOfWeek> weekend)
    {
        var year = Property(element, "year", JsonValueKind.Number).GetInt32();
        var amendments = element.TryGetProperty("amendments", out _)
            ? Property(element, "amendments", JsonValueKind.Array).EnumerateArray().Select(a => new HolidayNoticeAmendment(
                Text(a, "number"), Text(a, "title"), Date(Property(a, "date", JsonValueKind.String)), Text(a, "note"))).ToList()
            : [];

        var holidays = new List<PublicHoliday>();
        foreach (var h in Property(element, "holidays", JsonValueKind.Array).EnumerateArray())
        {
            var name = Text(h, "name");
            var daysOff = Dates(h, "daysOff", year, name);
            var makeUp = Dates(h, "makeUpWorkingDays", year, name);
            if (daysOff.Count == 0)
                throw Invalid($"{year} {name} lists no days off.");
            foreach (var day in makeUp)
                if (!weekend.Contains(day.DayOfWeek))
                    throw Invalid($"{year} {name}: make-up working day {day:yyyy-MM-dd} is a {day.DayOfWeek}, not a weekend day.");
            holidays.Add(new PublicHoliday(name, Text(h, "nameEn"), daysOff, makeUp));
        }

        return new HolidayNotice(year, Text(element, "number"), Text(element, "title"),
            Date(Property(element, "date", JsonValueKind.String)), amendments, holidays);
    }

    static List<DateOnly> Dates(JsonElement holiday, string name, int year, string holidayName)
    {
        var dates = Property(holiday, name, JsonValueKind.Array).EnumerateArray().Select(Date).ToList();
        foreach (var day in dates)
        {
            // A notice arranges its own year, and at most reaches back into December (a New Year's Eve off or worked).
            if (!(day.Year == year || (day.Year == year - 1 && day.Month == 12)))
                throw Invalid($"{year} {holidayName}: {day:yyyy-MM-dd} is neither in {year} nor in December {year - 1}.");
        }
        return dates;
    }

    static DateOnly Date(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid($"{element} is not a yyyy-MM-dd date.");

    static string Text(JsonElement element, string name) => Property(element, name, JsonValueKind.String).GetString()!;

    static JsonElement Property(JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw Invalid($"expected a {kind} property \"{name}\" in {Abbreviate(element)}.");

    static string Abbreviate(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 80 ? text : text[..80] + "…";
    }

    static InvalidDataException Invalid(string message) => new($"Holiday calendar data: {message}");
}
