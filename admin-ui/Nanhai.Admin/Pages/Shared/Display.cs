namespace Nanhai.Admin.Pages.Shared;

/// <summary>How every page writes times and counts.</summary>
public static class Display
{
    // China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for 北京时间.
    static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static string BeijingTime(DateTimeOffset? instant) =>
        instant is { } value ? value.ToOffset(BeijingOffset).ToString("yyyy-MM-dd HH:mm:ss") : "—";

    public static string Count(long value) => value.ToString("N0");
}
