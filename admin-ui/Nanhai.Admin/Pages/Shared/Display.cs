using Nanhai.Domain.Calendar;

namespace Nanhai.Admin.Pages.Shared;

/// <summary>How every page writes times and counts.</summary>
public static class Display
{
    public static string BeijingTime(DateTimeOffset? instant) =>
        instant is { } value ? value.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss") : "—";

    public static string Count(long value) => value.ToString("N0");
}
