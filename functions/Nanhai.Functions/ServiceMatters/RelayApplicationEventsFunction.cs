using Microsoft.Azure.Functions.Worker;
using Nanhai.Application.ServiceMatters.Applications;

namespace Nanhai.Functions.ServiceMatters;

/// <summary>
/// Timer: relays new application events to subscribers (schedule in the ApplicationEventRelaySchedule setting). A timer
/// runs on one instance at a time, which is what a single checkpoint needs; the Cosmos DB trigger that would otherwise
/// do this is not available for the isolated worker here.
/// </summary>
public sealed class RelayApplicationEventsFunction(ApplicationEventRelay relay)
{
    [Function("RelayApplicationEvents")]
    public Task Run([TimerTrigger("%ApplicationEventRelaySchedule%")] TimerInfo timer, CancellationToken cancellationToken)
        => relay.RelayAsync(cancellationToken);
}
