using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>The checks every format's header goes through, so that a header means the same whatever the format.</summary>
static class DumpHeader
{
    /// <summary>
    /// Refuses a header without any name and one naming a column twice (compared without surrounding spaces): values
    /// could not be told apart. Empty names are left to the header-versus-data-items check.
    /// </summary>
    public static string[] Checked(string[] names)
    {
        if (names.All(string.IsNullOrWhiteSpace))
            throw new DumpUnreadableException(DumpUnreadableReasons.NoHeader,
                "第一行没有列名，缺少表头 (the first line names no columns: the header is missing)", line: 1);
        var duplicates = names.Where(n => !string.IsNullOrWhiteSpace(n))
            .GroupBy(n => n.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new DumpUnreadableException(DumpUnreadableReasons.DuplicateColumns,
                $"表头中的列名重复：{string.Join("、", duplicates)} (the header names these columns more than once: {string.Join(", ", duplicates)})", line: 1);
        return names;
    }
}
