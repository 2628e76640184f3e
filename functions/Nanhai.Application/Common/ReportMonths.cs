using Nanhai.Domain.Calendar;

namespace Nanhai.Application.Common;

/// <summary>The months a trend report covers: the last few calendar months in China, up to and including the current one.</summary>
public static class ReportMonths
{
    public const int Default = 12;
    public const int Max = 24;

    /// <summary>
    /// The first day of each month, oldest first, for <paramref name="months"/> as a query string gives it (1–24,
    /// <see cref="Default"/> when absent); anything else is a field error.
    /// </summary>
    public static IReadOnlyList<DateOnly> Parse(string? months, DateTimeOffset now)
    {
        var count = Default;
        if (months is not null && (!int.TryParse(months, out count) || count is < 1 or > Max))
            throw new ValidationFailedException("months", $"月数须为1到{Max}之间的整数 (months must be a whole number from 1 to {Max})");
        var today = ChinaTime.DateOf(now);
        var current = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, count).Select(i => current.AddMonths(i + 1 - count))];
    }

    /// <summary>When a month ends in China: the instant its next month begins.</summary>
    public static DateTimeOffset EndOf(DateOnly month) => ChinaTime.StartOf(month.AddMonths(1));
}
