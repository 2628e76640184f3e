using Nanhai.Application.Catalog;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Domain.Catalog;
using Refit;

namespace Nanhai.Admin.Catalog;

/// <summary>The catalog and ingestion API (数据资源目录、数据入库), as the console's catalog pages use it.</summary>
public interface ICatalogApi
{
    [Get("/api/catalog/summary")]
    Task<CatalogSummary> GetSummaryAsync(CancellationToken cancellationToken = default);

    [Get("/api/catalog/growth")]
    Task<IReadOnlyList<CatalogMonth>> GetGrowthAsync(int? months, CancellationToken cancellationToken = default);

    [Get("/api/catalog/units")]
    Task<IReadOnlyList<SourceUnit>> GetUnitsAsync(CancellationToken cancellationToken = default);

    [Get("/api/catalog/resources")]
    Task<ResourcePageView> SearchResourcesAsync(string? q, string? unit, string? sharingType, int? pageSize, string? continuation,
        CancellationToken cancellationToken = default);

    [Get("/api/catalog/resources/{code}")]
    Task<ResourceDetailView> GetResourceAsync(string code, CancellationToken cancellationToken = default);

    [Get("/api/ingestion/runs")]
    Task<IngestionRunPageView> ListRunsAsync(string? resource, string? unit, int? pageSize, string? continuation,
        CancellationToken cancellationToken = default);

    [Get("/api/ingestion/runs/{id}")]
    Task<IngestionRunView> GetRunAsync(string id, CancellationToken cancellationToken = default);
}
