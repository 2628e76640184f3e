namespace Nanhai.Infrastructure.Ingestion;

static class ItemTimestamps
{
    /// <summary>
    /// Date-times are UTC by contract (<see cref="Domain.Ingestion.ItemValue.Timestamp"/>); a value whose kind is left
    /// unspecified is taken as UTC, a local one converted, so no store shifts it by the machine's time zone.
    /// </summary>
    public static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
