using Nanhai.Application.ServiceMatters.Applications;
using Refit;

namespace Nanhai.Admin.ServiceMatters;

/// <summary>The applications API as a centre's staff use it (中心工作台): the queue, an application, its materials and decisions.</summary>
public interface ICentreWorkApi
{
    [Get("/api/centres/{centre}/queue")]
    Task<IReadOnlyList<QueueEntry>> GetQueueAsync(string centre, CancellationToken cancellationToken = default);

    [Get("/api/applications/{id}")]
    Task<ApplicationView> GetApplicationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A material's uploaded file, streamed through to the browser (the response is the caller's to dispose).</summary>
    [Get("/api/applications/{id}/materials/{materialId}/file")]
    Task<HttpResponseMessage> GetMaterialFileAsync(string id, string materialId, CancellationToken cancellationToken = default);

    [Post("/api/applications/{id}/decisions")]
    Task<ApplicationView> DecideAsync(string id, [Body] DecideApplication decision, CancellationToken cancellationToken = default);
}
