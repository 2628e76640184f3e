using Nanhai.Application.ServiceMatters.Applications;
using Refit;

namespace Nanhai.Admin.ServiceMatters;

/// <summary>The applications API as a centre's staff use it (中心工作台): the queue, an application, its materials and decisions.</summary>
public interface ICentreWorkApi
{
    [Get("/api/centres/{centre}/queue")]
    Task<IReadOnlyList<QueueEntry>> GetQueueAsync(string centre, CancellationToken cancellationToken = default);
}
