using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Nanhai.Application.Events;

namespace Nanhai.Infrastructure.Events.IntegrationEvents;

/// <summary>
/// An integration event as a CloudEvents 1.0 envelope in structured JSON mode (attributes and data in one JSON
/// object), so that any transport carries the same bytes and any CloudEvents SDK reads them.
/// </summary>
public static class IntegrationEventEnvelope
{
    static readonly JsonEventFormatter Formatter = new(new JsonSerializerOptions(JsonSerializerDefaults.Web), new JsonDocumentOptions());

    public static CloudEvent ToCloudEvent(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = integrationEvent.Id,
            Type = integrationEvent.Type,
            Source = SourceUri(integrationEvent.Source),
            Subject = integrationEvent.Subject,
            Time = integrationEvent.Time,
            DataContentType = MediaTypeNames.Application.Json,
            Data = integrationEvent.Data,
        };
    }

    // A source is a URI reference, usually relative ("/nanhai/diagnostics"); on Linux .NET reads such a path as an
    // absolute file URI unless told it is relative.
    static Uri SourceUri(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var absolute) && !absolute.IsFile ? absolute : new Uri(source, UriKind.Relative);

    /// <summary>The structured-mode JSON and its content type (<c>application/cloudevents+json; charset=utf-8</c>).</summary>
    public static BinaryData Encode(IntegrationEvent integrationEvent, out ContentType contentType) =>
        new(Formatter.EncodeStructuredModeMessage(ToCloudEvent(integrationEvent), out contentType));
}
