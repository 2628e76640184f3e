namespace Nanhai.Domain.Catalog;

/// <summary>
/// One data item (数据项) of a resource: a column of its table. <see cref="Name"/> is the machine name used in dumps'
/// headers and snapshots; <see cref="Label"/> is the Chinese name (a dump may use either as its column header).
/// <see cref="Length"/> is the maximum number of characters (null: no limit). <see cref="PersonalIdentifier"/> marks items
/// that identify a person (ID number, name, phone), which sharing must protect.
/// </summary>
public sealed record DataItem(string Name, string Label, DataItemType Type, int? Length, bool Required, bool PersonalIdentifier);
