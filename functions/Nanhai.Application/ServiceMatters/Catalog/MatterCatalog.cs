using Nanhai.Application.Common;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.Catalog;

/// <summary>The catalogue as applicants see it (事项目录): published versions of active matters.</summary>
public sealed class MatterCatalog(IMatterRepository matters)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Finds matters by text (name, code or department), level, centre and attribute codes as they come from a query string.</summary>
    public async Task<MatterPage> SearchAsync(string? text, string? level, string? centre, string? attribute, string? pageSize,
        string? continuation, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        HandlingLevel? parsedLevel = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (Enum.TryParse<HandlingLevel>(level, ignoreCase: true, out var l) && Enum.IsDefined(l) && !int.TryParse(level, out _)) parsedLevel = l;
            else errors["level"] = ["办理层级应为 district、town 或 community (level must be district, town or community)"];
        }
        if (!string.IsNullOrWhiteSpace(centre) && !ServiceCentres.TryFind(centre, out _))
            errors["centre"] = [$"没有编码为“{centre}”的服务中心 (no service centre has this code)"];
        MatterAttribute? parsedAttribute = null;
        if (!string.IsNullOrWhiteSpace(attribute))
        {
            if (MatterAttributes.TryParse(attribute, out var a)) parsedAttribute = a;
            else errors["attribute"] = [$"服务特性应为 {string.Join("、", MatterAttributes.All.Select(x => x.Code()))} 之一 (unknown attribute)"];
        }
        var size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize, out size) || size is < 1 or > MaxPageSize))
            errors["pageSize"] = [$"每页条数应在 1 至 {MaxPageSize} 之间 (page size must be between 1 and {MaxPageSize})"];
        if (text is { Length: > 50 })
            errors["q"] = ["搜索词不能超过 50 个字 (search text is at most 50 characters)"];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        return await matters.SearchAsync(new MatterSearch(
            string.IsNullOrWhiteSpace(text) ? null : text.Trim(), parsedLevel, string.IsNullOrWhiteSpace(centre) ? null : centre,
            parsedAttribute, size, string.IsNullOrWhiteSpace(continuation) ? null : continuation), cancellationToken);
    }

    /// <summary>The latest published version of an active matter.</summary>
    public async Task<MatterVersion> GetLatestAsync(string code, CancellationToken cancellationToken)
    {
        var matter = await FindAsync(code, cancellationToken);
        return matter.AcceptsApplications
            ? matter.LatestVersion!
            : throw new NotFoundException($"事项 {code} 未发布或已停用 (matter {code} is not published or is retired)");
    }

    /// <summary>A published version, whatever the matter's state now: applications made on it still refer to it.</summary>
    public async Task<MatterVersion> GetVersionAsync(string code, int number, CancellationToken cancellationToken) =>
        (await FindAsync(code, cancellationToken)).FindVersion(number)
        ?? throw new NotFoundException($"事项 {code} 没有第 {number} 版 (matter {code} has no version {number})");

    async Task<Matter> FindAsync(string code, CancellationToken cancellationToken) => (await matters.GetAsync(code, cancellationToken)).Matter;
}
