using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Events.IntegrationEvents;

/// <summary>Where integration events go (configuration section <c>IntegrationEvents</c>).</summary>
public sealed class IntegrationEventsOptions
{
    public const string SectionName = "IntegrationEvents";

    public IntegrationEventTransport Transport { get; set; } = IntegrationEventTransport.StorageQueue;

    /// <summary>The storage queue, for <see cref="IntegrationEventTransport.StorageQueue"/>, in the platform's storage
    /// account (section <c>Storage</c>).</summary>
    public string QueueName { get; set; } = "integration-events";

    /// <summary>Fully qualified, e.g. <c>nanhai.servicebus.windows.net</c>; reached with Entra ID.</summary>
    public string? ServiceBusNamespace { get; set; }

    public string TopicName { get; set; } = "integration-events";
}

public enum IntegrationEventTransport
{
    /// <summary>A storage queue (Azurite on one machine), one message per event.</summary>
    StorageQueue,

    /// <summary>A Service Bus topic (Azure), one message per event, deduplicated by message id.</summary>
    ServiceBus,
}

/// <summary>Checks <see cref="IntegrationEventsOptions"/> for the chosen transport.</summary>
sealed partial class IntegrationEventsOptionsValidator : IValidateOptions<IntegrationEventsOptions>
{
    public ValidateOptionsResult Validate(string? name, IntegrationEventsOptions options)
    {
        var failures = new List<string>();
        const string section = IntegrationEventsOptions.SectionName;
        if (!Enum.IsDefined(options.Transport))
            failures.Add($"{section}:Transport must be StorageQueue or ServiceBus.");
        if (options.Transport == IntegrationEventTransport.StorageQueue)
        {
            if (!QueueNamePattern().IsMatch(options.QueueName ?? ""))
                failures.Add($"{section}:QueueName must be 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (got '{options.QueueName}').");
        }
        if (options.Transport == IntegrationEventTransport.ServiceBus)
        {
            if (string.IsNullOrEmpty(options.ServiceBusNamespace) || Uri.CheckHostName(options.ServiceBusNamespace) != UriHostNameType.Dns
                || !options.ServiceBusNamespace.Contains('.'))
                failures.Add($"{section}:ServiceBusNamespace must be the fully qualified namespace, e.g. nanhai.servicebus.windows.net (got '{options.ServiceBusNamespace}').");
            if (string.IsNullOrWhiteSpace(options.TopicName) || options.TopicName.Length > 260)
                failures.Add($"{section}:TopicName must be 1–260 characters.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Azure Storage queue naming rules.
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueNamePattern();
}
