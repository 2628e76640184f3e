using Nanhai.Application.ServiceMatters.Authoring;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;
using Refit;

namespace Nanhai.Admin.Matters;

/// <summary>
/// The service-matter catalogue and the matter-authoring API (事项目录、事项设计), as the designer's pages use it. Bodies are
/// in the matter's JSON shape (<see cref="MatterJson"/>), so Program.cs registers this client with those serializer options.
/// </summary>
public interface IMattersApi
{
    [Get("/api/matters")]
    Task<MatterPageView> SearchAsync(string? q, string? level, string? centre, int? pageSize, string? continuation,
        CancellationToken cancellationToken = default);

    [Get("/api/matters/{code}/authoring")]
    Task<MatterAuthoringView> GetAuthoringAsync(string code, CancellationToken cancellationToken = default);

    [Post("/api/matters")]
    Task<MatterAuthoringView> CreateAsync([Body] CreateMatter matter, CancellationToken cancellationToken = default);

    [Put("/api/matters/{code}/draft")]
    Task<MatterAuthoringView> SaveDraftAsync(string code, [Body] MatterDefinition draft, [Header("If-Match")] string eTag,
        CancellationToken cancellationToken = default);

    [Post("/api/matters/{code}/versions")]
    Task<MatterDetailView> PublishAsync(string code, [Header("If-Match")] string eTag, CancellationToken cancellationToken = default);

    /// <summary>Differences from version <paramref name="from"/> to version <paramref name="to"/> or to <c>draft</c>.</summary>
    [Get("/api/matters/{code}/comparison")]
    Task<MatterComparisonView> CompareAsync(string code, int from, string to, CancellationToken cancellationToken = default);
}
