using Nanhai.Application.Common;
using Nanhai.Application.Events;

namespace Nanhai.Application.Ingestion;

/// <summary>
/// A department's data dump (数据文件) that landed under <c>dumps/{unit}/{resource}/{file}</c>. <paramref name="Version"/>
/// identifies this content of the blob (its ETag): the same version seen twice is one arrival.
/// </summary>
public sealed record DumpArrival(string Unit, string Resource, string File, string Version, long Length, string? ContentMd5);

/// <summary>
/// Records each dump's arrival on the resource's ingestion stream and tells subscribers. This is the entry point of
/// ingestion; parsing and validation attach here.
/// </summary>
public sealed class DumpArrivals(IEventStore events, IIntegrationEventPublisher integrationEvents, TimeProvider clock)
{
    public const string EventType = "dump.received";

    public static string StreamOf(string unit, string resource) => $"ingestion:{unit}:{resource}";

    public async Task RecordAsync(DumpArrival arrival, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(arrival.Unit) || string.IsNullOrWhiteSpace(arrival.Resource) || string.IsNullOrWhiteSpace(arrival.File))
            throw new ValidationFailedException("path", "A dump's path must be dumps/{unit}/{resource}/{file}.");
        var eventId = $"{arrival.Unit}/{arrival.Resource}/{arrival.File}@{arrival.Version}";
        var data = new { unit = arrival.Unit, resource = arrival.Resource, file = arrival.File, length = arrival.Length, contentMd5 = arrival.ContentMd5 };
        await events.AppendToEndAsync(StreamOf(arrival.Unit, arrival.Resource), [new NewEvent(eventId, EventType, data)], cancellationToken);
        await integrationEvents.PublishAsync(new IntegrationEvent(eventId, $"cn.gov.nanhai.ingestion.{EventType}.v1", "/nanhai/ingestion",
            $"dumps/{arrival.Unit}/{arrival.Resource}/{arrival.File}", clock.GetUtcNow(), data), cancellationToken);
    }
}
