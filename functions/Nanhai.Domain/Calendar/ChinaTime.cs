namespace Nanhai.Domain.Calendar;

/// <summary>
/// China Standard Time (北京时间), UTC+8 with no daylight saving since 1991. A fixed offset rather than a time-zone
/// lookup, so the result does not depend on the host's tz database and is safe inside orchestrators.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar date in China at a UTC instant (e.g. an orchestrator's <c>CurrentUtcDateTime</c>).</summary>
    /// <exception cref="ArgumentException">The value is <see cref="DateTimeKind.Local"/>, whose zone is the host's.</exception>
    public static DateOnly DateOf(DateTime utc)
    {
        // Unspecified is taken as UTC: that is what durable-task replays and Cosmos round-trips hand back.
        if (utc.Kind == DateTimeKind.Local)
            throw new ArgumentException("Pass a UTC instant, not a host-local time.", nameof(utc));
        return DateOnly.FromDateTime(utc + Offset);
    }

    /// <summary>The calendar date in China at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime + Offset);

    /// <summary>The instant <paramref name="date"/> begins in China (00:00 Beijing time).</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>
    /// The UTC instant at which <paramref name="date"/> ends in China (24:00 Beijing time = 16:00 UTC), i.e. when a
    /// working-day limit ending on that date expires; use it for durable timers.
    /// </summary>
    public static DateTime EndOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.AddDays(1).ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
