using System.Net.Mime;
using Azure.Storage.Queues;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Events;
using Nanhai.Infrastructure.Events.IntegrationEvents;

namespace Nanhai.IntegrationTests.Persistence;

[CollectionDefinition(Name)]
public sealed class IntegrationEventsCollection : ICollectionFixture<PersistenceFixture>
{
    public const string Name = "integration-events";
}

/// <summary>Integration events as CloudEvents on the Azurite queue, read back with the CloudEvents SDK.</summary>
[Collection(IntegrationEventsCollection.Name)]
public sealed class IntegrationEventPublisherTests(PersistenceFixture fixture)
{
    static readonly IntegrationEvent Completed = new(
        Id: "0b6f3d2e-probe-1",
        Type: "cn.gov.nanhai.diagnostics.workflow-probe.completed.v1",
        Source: "/nanhai/diagnostics",
        Subject: "workflow-probes/probe-1",
        Time: new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8)),
        Data: new { ProbeId = "probe-1", WorkingDays = 3 });

    [Fact]
    public async Task A_published_event_arrives_on_the_queue_as_a_Base64_structured_CloudEvent()
    {
        // The queue does not exist until the publisher creates it.
        var queue = new QueueClient(fixture.Services.StorageConnectionString, new IntegrationEventsOptions().QueueName);
        Assert.False(await queue.ExistsAsync());

        await fixture.Host.Services.GetRequiredService<IIntegrationEventPublisher>().PublishAsync(Completed);

        var message = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 10)).Value);
        var json = Convert.FromBase64String(message.Body.ToString()); // Base64 text, as the Functions queue trigger expects
        var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(json, new ContentType("application/cloudevents+json"), extensionAttributes: null);
        AssertIsCompleted(cloudEvent);
    }

    [Fact]
    public void A_Service_Bus_message_carries_the_event_id_for_duplicate_detection_and_the_structured_CloudEvent()
    {
        var message = ServiceBusIntegrationEventPublisher.CreateMessage(Completed);

        Assert.Equal(Completed.Id, message.MessageId);
        Assert.Equal(Completed.Type, message.Subject);
        var contentType = new ContentType(message.ContentType);
        Assert.Equal("application/cloudevents+json", contentType.MediaType);
        AssertIsCompleted(new JsonEventFormatter().DecodeStructuredModeMessage(message.Body.ToMemory(), contentType, extensionAttributes: null));
    }

    static void AssertIsCompleted(CloudEvent cloudEvent)
    {
        Assert.Equal(CloudEventsSpecVersion.V1_0, cloudEvent.SpecVersion);
        Assert.Equal(Completed.Id, cloudEvent.Id);
        Assert.Equal(Completed.Type, cloudEvent.Type);
        Assert.Equal(Completed.Source, cloudEvent.Source?.OriginalString);
        Assert.Equal(Completed.Subject, cloudEvent.Subject);
        Assert.Equal(Completed.Time, cloudEvent.Time);
        Assert.Equal("application/json", cloudEvent.DataContentType);
        var data = Assert.IsType<System.Text.Json.JsonElement>(cloudEvent.Data);
        Assert.Equal("probe-1", data.GetProperty("probeId").GetString());
        Assert.Equal(3, data.GetProperty("workingDays").GetInt32());
    }
}
