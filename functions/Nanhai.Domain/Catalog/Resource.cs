using System.Text.RegularExpressions;

namespace Nanhai.Domain.Catalog;

/// <summary>
/// A data resource (信息资源): one table a source unit provides, with its catalog metadata, its data items (current
/// version and history), its rule for bad rows and its statistics. <see cref="Code"/> is the classification code plus a
/// six-digit sequence (资源代码 = 前段码 + 后段码); the compilation guide writes them with "/", here they are joined by "-"
/// so that a code is one segment of a URL and of a dump's blob path.
/// </summary>
public sealed partial class Resource
{
    Resource(string code, string unit, ResourceDescription description, IReadOnlyList<DataItem> items, IngestionPolicy policy,
        IReadOnlyList<ResourceVersion> versions, ResourceStatistics statistics)
    {
        Code = code;
        Unit = unit;
        Description = description;
        Items = items;
        Policy = policy;
        Versions = versions;
        Statistics = statistics;
    }

    public string Code { get; }

    /// <summary>The source unit that provides the resource (提供方).</summary>
    public string Unit { get; }

    public ResourceDescription Description { get; private set; }

    /// <summary>The data items of the current version.</summary>
    public IReadOnlyList<DataItem> Items { get; private set; }

    public IngestionPolicy Policy { get; private set; }

    /// <summary>Every schema version, oldest first; the last is current.</summary>
    public IReadOnlyList<ResourceVersion> Versions { get; private set; }

    public int Version => Versions[^1].Number;

    public ResourceStatistics Statistics { get; private set; }

    /// <summary>The item keyed lookups use, when the resource serves them.</summary>
    public DataItem? LookupItem => Description.LookupKey is { } key ? Items.FirstOrDefault(i => i.Name == key) : null;

    /// <summary>Registers a new resource of <paramref name="unit"/>; throws <see cref="CatalogValidationException"/> listing every broken rule.</summary>
    public static Resource Register(string code, string unit, ResourceDefinition definition, string by, DateTimeOffset at)
    {
        var violations = Validate(definition).ToList();
        if (!CodeFormat().IsMatch(code ?? ""))
            violations.Insert(0, new("code", "资源代码应为“分类代码-六位顺序码”，如 10101-000001 (the code must be the classification code, a hyphen and a six-digit sequence)"));
        else if (!code!.StartsWith(definition.Description.Classification + "-", StringComparison.Ordinal))
            violations.Insert(0, new("code", "资源代码的前段应为资源分类代码 (the code must begin with the resource's classification code)"));
        if (string.IsNullOrWhiteSpace(unit))
            violations.Insert(0, new("unit", "提供方必填 (the source unit is required)"));
        if (violations.Count > 0) throw new CatalogValidationException(violations);
        return new(code!, unit, definition.Description, definition.Items, definition.Policy,
            [new ResourceVersion(1, definition.Items, at, by)], ResourceStatistics.Empty);
    }

    /// <summary>Rebuilds a stored resource without re-checking it.</summary>
    public static Resource Restore(string code, string unit, ResourceDescription description, IngestionPolicy policy,
        IReadOnlyList<ResourceVersion> versions, ResourceStatistics statistics) =>
        new(code, unit, description, versions[^1].Items, policy, versions, statistics);

    /// <summary>
    /// Applies an edit. A change to the data items starts a new version; metadata and policy changes do not. Returns
    /// whether a new version was made.
    /// </summary>
    public bool Revise(ResourceDefinition definition, string by, DateTimeOffset at)
    {
        var violations = Validate(definition);
        if (violations.Count > 0) throw new CatalogValidationException(violations);
        Description = definition.Description;
        Policy = definition.Policy;
        if (Items.SequenceEqual(definition.Items)) return false;
        Items = definition.Items;
        Versions = [.. Versions, new ResourceVersion(Version + 1, definition.Items, at, by)];
        return true;
    }

    /// <summary>A dump was ingested without changing the data (rejected, or identical to the current snapshot).</summary>
    public void RecordIngestion(DateTimeOffset at) => Statistics = Statistics with { LastIngestionAt = at };

    /// <summary>
    /// An accepted dump's snapshot becomes the current one, unless the current one came from a dump dropped later (dumps
    /// of one resource finishing out of order: the newest data wins, not the last run to finish). Returns whether it did.
    /// </summary>
    public bool TryRecordSnapshot(string runId, string snapshot, string contentHash, int version, long records,
        DateTimeOffset dumpModifiedAt, DateTimeOffset at)
    {
        if (Statistics.SnapshotDumpModifiedAt > dumpModifiedAt) return false;
        Statistics = new ResourceStatistics(records, at, at, runId, snapshot, contentHash, version, Statistics.LookupGeneration, dumpModifiedAt);
        return true;
    }

    /// <summary>
    /// The lookup index built from <paramref name="runId"/>'s snapshot takes over, if that snapshot is still the current
    /// one (a later one may have become current while it was built). Returns the generation it replaces, which can go.
    /// </summary>
    public bool TryServeLookups(string runId, out string? replaced)
    {
        replaced = Statistics.LookupGeneration;
        if (Statistics.LatestRunId != runId) return false;
        Statistics = Statistics with { LookupGeneration = runId };
        return true;
    }

    public static IReadOnlyList<CatalogViolation> Validate(ResourceDefinition definition)
    {
        var violations = new List<CatalogViolation>();
        void Add(string field, string message) => violations.Add(new(field, message));
        if (definition?.Description is null || definition.Policy is null)
        {
            if (definition?.Description is null) Add("description", "资源描述必填 (the description is required)");
            if (definition?.Policy is null) Add("policy", "坏行处理规则必填 (the bad-row policy is required)");
            return violations;
        }
        var d = definition.Description;
        CheckText(d.Name, "description.name", "资源名称", "name", 100, Add);
        if (!ClassificationFormat().IsMatch(d.Classification ?? ""))
            Add("description.classification", "资源分类代码应为3至9位数字 (the classification code must be 3 to 9 digits)");
        CheckText(d.Abstract, "description.abstract", "资源摘要", "abstract", 2000, Add);
        CheckText(d.Format, "description.format", "资源格式", "format", 50, Add);
        if (!Enum.IsDefined(d.SharingType)) Add("description.sharingType", "共享类型无效 (unknown sharing type)");
        if (d.SharingType == SharingType.Conditional && string.IsNullOrWhiteSpace(d.SharingConditions))
            Add("description.sharingConditions", "有条件共享的资源须写明共享条件 (a conditionally shared resource needs its conditions)");
        if (d.SharingType == SharingType.NotShared && string.IsNullOrWhiteSpace(d.LegalBasis))
            Add("description.legalBasis", "不予共享的资源须有法律、行政法规或政策依据 (a resource that is not shared needs a legal or policy basis)");
        if (!Enum.IsDefined(d.OpenAttribute)) Add("description.openAttribute", "开放属性无效 (unknown open attribute)");
        if (!Enum.IsDefined(d.UpdateCycle)) Add("description.updateCycle", "更新周期无效 (unknown update cycle)");
        if (definition.Policy.MaxBadRowShare is < 0 or > 1 || double.IsNaN(definition.Policy.MaxBadRowShare))
            Add("policy.maxBadRowShare", "坏行比例上限应在0到1之间 (the bad-row share must be between 0 and 1)");
        if (!Enum.IsDefined(definition.Policy.OnBadRows)) Add("policy.onBadRows", "坏行处理方式无效 (unknown bad-row policy)");
        CheckItems(definition.Items, Add);
        if (d.LookupKey is { } key && definition.Items.FirstOrDefault(i => i.Name == key) is var lookup)
        {
            if (lookup is null) Add("description.lookupKey", $"查询键“{key}”不是本资源的数据项 (the lookup key must be one of the resource's items)");
            else if (!lookup.Required) Add("description.lookupKey", "查询键须为必填数据项 (the lookup key must be a required item)");
        }
        return violations;
    }

    static void CheckItems(IReadOnlyList<DataItem> items, Action<string, string> add)
    {
        if (items is null || items.Count == 0)
        {
            add("items", "至少需要一个数据项 (at least one data item is required)");
            return;
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!ItemNameFormat().IsMatch(item.Name ?? ""))
                add($"items[{i}].name", "数据项名称应以小写字母开头，只含小写字母、数字和下划线，最长63个字符 (lower-case letters, digits and underscores, starting with a letter, at most 63)");
            else if (!names.Add(item.Name!))
                add($"items[{i}].name", $"数据项名称“{item.Name}”重复 (duplicate item name)");
            if (string.IsNullOrWhiteSpace(item.Label))
                add($"items[{i}].label", "数据项中文名称必填 (the Chinese label is required)");
            else if (!labels.Add(item.Label))
                add($"items[{i}].label", $"数据项中文名称“{item.Label}”重复 (duplicate label)");
            if (!Enum.IsDefined(item.Type)) add($"items[{i}].type", "数据项类型无效 (unknown item type)");
            if (item.Length is <= 0 or > 65535)
                add($"items[{i}].length", "长度应在1到65535之间 (the length must be between 1 and 65535)");
        }
    }

    static void CheckText(string? value, string field, string chinese, string english, int max, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value)) add(field, $"{chinese}必填 ({english} is required)");
        else if (value.Length > max) add(field, $"{chinese}不得超过{max}个字符 ({english} must be at most {max} characters)");
    }

    [GeneratedRegex(@"^\d{3,9}-\d{6}$")]
    private static partial Regex CodeFormat();

    [GeneratedRegex(@"^\d{3,9}$")]
    private static partial Regex ClassificationFormat();

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex ItemNameFormat();
}
