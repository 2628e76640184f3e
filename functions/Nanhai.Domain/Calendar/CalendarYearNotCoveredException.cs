namespace Nanhai.Domain.Calendar;

/// <summary>
/// A working-day computation needed a year the holiday data does not cover. Thrown instead of guessing
/// "weekends only", because such a guess silently moves legal deadlines by up to a week around a holiday.
/// The fix is to add that year's State Council notice to <c>china-holidays.json</c>.
/// </summary>
public sealed class CalendarYearNotCoveredException(int year, int firstCoveredYear, int lastCoveredYear)
    : Exception($"The working-day calendar has no holiday data for {year}; it covers {firstCoveredYear}–{lastCoveredYear}. " +
                $"Add the State Council holiday notice for {year} to Nanhai.Domain/Calendar/china-holidays.json.")
{
    public int Year { get; } = year;
    public int FirstCoveredYear { get; } = firstCoveredYear;
    public int LastCoveredYear { get; } = lastCoveredYear;
}
