using Nanhai.Application.Common;
using Nanhai.Application.Ingestion.Runs;
using Nanhai.Application.Security;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Application.Catalog;

/// <summary>
/// The data-resource catalog (政务数据资源目录) as civil servants use it: browse and read resources, the catalog's
/// totals, and edits by the data authority, administrators, and unit officers for their own unit's resources.
/// </summary>
public sealed class ResourceCatalog(ICatalogStore store, IIngestionRunStore runs, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int RecentRuns = 10;

    /// <summary>Who may edit the catalog; unit officers only their own unit's resources.</summary>
    public static readonly string[] Editors = [Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer];

    /// <summary>Who may read the catalog and ingestion runs: civil servants, not applicants.</summary>
    public static readonly string[] Readers = [Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer, Roles.CentreStaff];

    public async Task<ResourcePage> SearchAsync(string? text, string? unit, string? sharingType, string? pageSize, string? continuation,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        SharingType? parsedSharing = null;
        if (!string.IsNullOrWhiteSpace(sharingType))
        {
            if (Enum.TryParse<SharingType>(sharingType, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(sharingType, out _)) parsedSharing = s;
            else errors["sharingType"] = ["共享类型应为 Unconditional、Conditional 或 NotShared (sharing type must be Unconditional, Conditional or NotShared)"];
        }
        var size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize, out size) || size is < 1 or > MaxPageSize))
            errors["pageSize"] = [$"每页条数应在 1 至 {MaxPageSize} 之间 (page size must be between 1 and {MaxPageSize})"];
        if (text is { Length: > 50 }) errors["q"] = ["搜索词不能超过 50 个字 (search text is at most 50 characters)"];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return await store.SearchAsync(new ResourceSearch(
            string.IsNullOrWhiteSpace(text) ? null : text.Trim(), string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), parsedSharing, size,
            string.IsNullOrWhiteSpace(continuation) ? null : continuation), cancellationToken);
    }

    /// <summary>A resource with its items, versions, statistics and latest ingestion runs.</summary>
    public async Task<ResourceDetail> GetAsync(string code, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(code, cancellationToken);
        var unit = await store.FindUnitAsync(stored.Resource.Unit, cancellationToken);
        var recent = await runs.ListAsync(new RunQuery(code, null, RecentRuns, null), cancellationToken);
        return new ResourceDetail(stored.Resource, unit, stored.ETag, recent.Items);
    }

    public async Task<CatalogSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var figures = await store.FiguresAsync(cancellationToken);
        return new CatalogSummary(figures.Units, figures.Resources, figures.Items, figures.Records, figures.ShareableResources,
            figures.Records == 0 ? null : Math.Round((double)figures.ShareableRecords / figures.Records, 4));
    }

    /// <summary>The catalog's growth: resources in it at the end of each of the last months (see <see cref="ReportMonths"/>).</summary>
    public async Task<IReadOnlyList<CatalogMonth>> GrowthAsync(string? months, CancellationToken cancellationToken)
    {
        var growth = new List<CatalogMonth>();
        foreach (var month in ReportMonths.Parse(months, clock.GetUtcNow()))
            growth.Add(new CatalogMonth(month.ToString("yyyy-MM"), await store.ResourcesRegisteredBeforeAsync(ReportMonths.EndOf(month), cancellationToken)));
        return growth;
    }

    public Task<IReadOnlyList<SourceUnit>> UnitsAsync(CancellationToken cancellationToken) => store.ListUnitsAsync(cancellationToken);

    /// <summary>Registers a new resource under its unit.</summary>
    public async Task<ResourceDetail> RegisterAsync(RegisterResource command, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Unit) || await store.FindUnitAsync(command.Unit, cancellationToken) is null)
            throw new ValidationFailedException("unit", $"没有编码为“{command.Unit}”的数源单位 (no source unit has this code)");
        EnsureMayEdit(caller, command.Unit);
        var resource = Register(command, caller);
        var etag = await store.SaveResourceAsync(resource, null, cancellationToken);
        return new ResourceDetail(resource, await store.FindUnitAsync(resource.Unit, cancellationToken), etag, []);
    }

    /// <summary>
    /// Edits a resource's metadata, items and policy; a change to the items is a new version. <paramref name="ifMatch"/>, when
    /// given, must be the ETag the editor read (so two editors cannot silently overwrite each other).
    /// </summary>
    public async Task<ResourceDetail> ReviseAsync(string code, ResourceDefinition definition, string? ifMatch, Caller caller,
        CancellationToken cancellationToken)
    {
        var stored = await FindAsync(code, cancellationToken);
        EnsureMayEdit(caller, stored.Resource.Unit);
        if (ifMatch is not null && ifMatch != stored.ETag)
            throw new ConflictException($"资源 {code} 已被他人修改，请刷新后重试 (resource {code} was changed by someone else; reload and retry)");
        try
        {
            stored.Resource.Revise(definition, caller.Name ?? caller.Subject, clock.GetUtcNow());
        }
        catch (CatalogValidationException e)
        {
            throw new ValidationFailedException(ToFieldErrors(e.Violations));
        }
        var etag = await store.SaveResourceAsync(stored.Resource, stored.ETag, cancellationToken);
        return await GetAsync(code, cancellationToken) with { ETag = etag };
    }

    Resource Register(RegisterResource command, Caller caller)
    {
        try
        {
            return Resource.Register(command.Code, command.Unit, command.Definition, caller.Name ?? caller.Subject, clock.GetUtcNow());
        }
        catch (CatalogValidationException e)
        {
            throw new ValidationFailedException(ToFieldErrors(e.Violations));
        }
    }

    async Task<StoredResource> FindAsync(string code, CancellationToken cancellationToken) =>
        await store.FindResourceAsync(code, cancellationToken)
        ?? throw new NotFoundException($"目录中没有代码为 {code} 的资源 (no resource has code {code})");

    static void EnsureMayEdit(Caller caller, string unit)
    {
        if (caller.IsInRole(Roles.DistrictAdmin) || caller.IsInRole(Roles.DataAuthority)) return;
        if (caller.IsInRole(Roles.UnitOfficer) && caller.Unit == unit) return;
        throw new ForbiddenException($"只能维护本单位的资源 (unit officers edit only their own unit's resources; this one belongs to {unit})");
    }

    internal static IReadOnlyDictionary<string, string[]> ToFieldErrors(IEnumerable<CatalogViolation> violations) =>
        violations.GroupBy(v => v.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal);
}

/// <summary>A new resource: its code (classification code + "-" + six-digit sequence), unit and definition.</summary>
public sealed record RegisterResource(string Code, string Unit, ResourceDefinition Definition);

public sealed record ResourceDetail(Resource Resource, SourceUnit? Unit, string ETag, IReadOnlyList<IngestionRun> RecentRuns);

/// <summary>
/// The catalog's headline figures. <see cref="SharingRate"/> is the share of records held in shareable resources
/// (0–1), null before any records were ingested.
/// </summary>
/// <summary>Resources in the catalog at the end of a month (China time, <c>yyyy-MM</c>).</summary>
public sealed record CatalogMonth(string Month, long Resources);

public sealed record CatalogSummary(long Units, long Resources, long Items, long Records, long ShareableResources, double? SharingRate);
