using Nanhai.Application.Common;
using Nanhai.Application.Security;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Application.Ingestion.Runs;

/// <summary>
/// Ingestion runs as civil servants read them: progress while a run goes, its outcome and error report after. A unit's
/// data officer sees the runs of their own unit's dumps; the data authority and administrators see all.
/// </summary>
public sealed class IngestionRuns(IIngestionRunStore runs)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static readonly string[] Readers = [Roles.DistrictAdmin, Roles.DataAuthority, Roles.UnitOfficer];

    public async Task<RunPage> ListAsync(string? resource, string? unit, string? pageSize, string? continuation, Caller caller,
        CancellationToken cancellationToken)
    {
        var size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize, out size) || size is < 1 or > MaxPageSize))
            throw new ValidationFailedException("pageSize", $"每页条数应在 1 至 {MaxPageSize} 之间 (page size must be between 1 and {MaxPageSize})");
        unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        if (SeesOnlyOwnUnit(caller))
        {
            if (unit is not null && unit != caller.Unit)
                throw new ForbiddenException("数据专员只能查看本单位的入库批次 (unit officers see only their own unit's runs)");
            unit = caller.Unit;
        }
        return await runs.ListAsync(new RunQuery(string.IsNullOrWhiteSpace(resource) ? null : resource.Trim(), unit, size,
            string.IsNullOrWhiteSpace(continuation) ? null : continuation), cancellationToken);
    }

    public async Task<IngestionRun> GetAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var run = (await runs.FindAsync(id, cancellationToken))?.Run;
        // Another unit's run is answered as absent, so run ids reveal nothing about other units' dumps.
        if (run is null || (SeesOnlyOwnUnit(caller) && run.Unit != caller.Unit))
            throw new NotFoundException($"没有编号为 {id} 的入库批次 (no ingestion run has id {id})");
        return run;
    }

    static bool SeesOnlyOwnUnit(Caller caller) =>
        !caller.IsInRole(Roles.DistrictAdmin) && !caller.IsInRole(Roles.DataAuthority);
}
