namespace Nanhai.Domain.Catalog;

/// <summary>
/// A data source unit (数源单位): a department, town or utility that provides resources to the catalog. Its
/// <see cref="Code"/> is the first segment of its dumps' paths (<c>dumps/{unit}/…</c>) and the <c>unit</c> claim of its
/// data officers.
/// </summary>
public sealed record SourceUnit(string Code, string Name);
