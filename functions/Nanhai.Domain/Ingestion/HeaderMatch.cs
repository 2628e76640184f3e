using Nanhai.Domain.Catalog;

namespace Nanhai.Domain.Ingestion;

/// <summary>Kinds of <see cref="SchemaDrift"/> between a dump's header and the resource's data items.</summary>
public enum SchemaDriftKind
{
    /// <summary>A required item has no column: the file is rejected.</summary>
    MissingRequiredItem,
    /// <summary>An optional item has no column: its values are empty.</summary>
    MissingOptionalItem,
    /// <summary>A missing item and an unmatched column that looks like it renamed (same position or similar name); rejects the file when the item is required.</summary>
    SuspectedRename,
    /// <summary>A column that is no item: ignored, as only declared items go into the snapshot.</summary>
    ExtraColumn,
    /// <summary>Two columns map to the same item (by name and by label, say): the file is rejected, as either could be meant.</summary>
    DuplicateColumn,
}

/// <summary>
/// One difference between a dump's header and the resource's data items (表头与数据项不一致, schema drift), for the unit
/// to see in the report. <see cref="ColumnNumber"/> counts from 1, as spreadsheets do. <see cref="Message"/> is in
/// Simplified Chinese with an English gloss.
/// </summary>
public sealed record SchemaDrift(SchemaDriftKind Kind, string? Item, string? Column, int? ColumnNumber, bool RejectsFile, string Message);

/// <summary>
/// Matches a dump's header to the resource's data items (表头匹配): each item to the column named by the item's name
/// (any case) or by its Chinese label, ignoring surrounding white space and quotes and a leading U+FEFF (a byte order
/// mark the reader left). Reports every difference as <see cref="SchemaDrift"/>; a file lacking a required item, or with
/// two columns for one item, is rejected (<see cref="RejectsFile"/>). A suspected rename is only reported, never
/// mapped: guessing wrong would put one item's values under another.
/// </summary>
public sealed class HeaderMatch
{
    /// <summary>Share of the shorter key's characters that must appear, in order, in the other for a column to look like an item renamed.</summary>
    const double SimilarityThreshold = 0.75;

    HeaderMatch(int[] columnOf, IReadOnlyList<SchemaDrift> drift)
    {
        ColumnOf = columnOf;
        Drift = drift;
        RejectsFile = drift.Any(d => d.RejectsFile);
    }

    /// <summary>For each item (in the resource's order) the index of its column in the records, or -1 when the file lacks it.</summary>
    public IReadOnlyList<int> ColumnOf { get; }

    public IReadOnlyList<SchemaDrift> Drift { get; }

    public bool RejectsFile { get; }

    public static HeaderMatch Match(IReadOnlyList<string> columns, IReadOnlyList<DataItem> items)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(items);
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            byName.TryAdd(items[i].Name, i);
            byLabel.TryAdd(items[i].Label.Trim(), i);
        }

        var headers = columns.Select(Clean).ToArray();
        var columnOf = new int[items.Count];
        Array.Fill(columnOf, -1);
        var explained = new bool[headers.Length];
        var drift = new List<SchemaDrift>();
        for (var c = 0; c < headers.Length; c++)
        {
            if (!byName.TryGetValue(headers[c], out var i) && !byLabel.TryGetValue(headers[c], out i)) continue;
            explained[c] = true;
            if (columnOf[i] < 0)
                columnOf[i] = c;
            else
                drift.Add(new(SchemaDriftKind.DuplicateColumn, items[i].Name, headers[c], c + 1, true,
                    $"列“{headers[c]}”（第{c + 1}列）与第{columnOf[i] + 1}列对应同一数据项{ReportText.Display(items[i])} (columns {columnOf[i] + 1} and {c + 1} both map to item {items[i].Name})"));
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (columnOf[i] >= 0) continue;
            var item = items[i];
            var (missingZh, missingEn) = item.Required ? ("缺少必填数据项", "required item") : ("缺少数据项", "optional item");
            var renamed = RenamedColumn(i, items, headers, columnOf, explained);
            if (renamed >= 0)
            {
                explained[renamed] = true;
                drift.Add(new(SchemaDriftKind.SuspectedRename, item.Name, headers[renamed], renamed + 1, item.Required,
                    $"{missingZh}{ReportText.Display(item)}，列“{headers[renamed]}”（第{renamed + 1}列）疑似该数据项改名 ({missingEn} {item.Name} is missing; column '{headers[renamed]}' looks like item '{item.Name}' renamed)"));
            }
            else if (item.Required)
                drift.Add(new(SchemaDriftKind.MissingRequiredItem, item.Name, null, null, true,
                    $"{missingZh}{ReportText.Display(item)} ({missingEn} {item.Name} is missing)"));
            else
                drift.Add(new(SchemaDriftKind.MissingOptionalItem, item.Name, null, null, false,
                    $"{missingZh}{ReportText.Display(item)}，该项将为空 ({missingEn} {item.Name} is missing; it will be empty)"));
        }

        for (var c = 0; c < headers.Length; c++)
        {
            if (!explained[c])
                drift.Add(new(SchemaDriftKind.ExtraColumn, null, headers[c], c + 1, false,
                    $"列“{headers[c]}”（第{c + 1}列）不是本资源的数据项，已忽略 (column {c + 1} '{headers[c]}' is not an item of this resource; ignored)"));
        }
        return new HeaderMatch(columnOf, drift);
    }

    /// <summary>
    /// The unexplained column that item <paramref name="i"/> was probably renamed to, or -1: first the column at the
    /// item's expected position (counted from the nearest matched item, else its own index), then the column whose
    /// header is most similar to the item's name or label.
    /// </summary>
    static int RenamedColumn(int i, IReadOnlyList<DataItem> items, string[] headers, int[] columnOf, bool[] explained)
    {
        var expected = ExpectedPosition(i, columnOf);
        if (expected >= 0 && expected < headers.Length && !explained[expected])
            return expected;

        var name = Key(items[i].Name);
        var label = Key(items[i].Label);
        var best = -1;
        var bestScore = SimilarityThreshold;
        for (var c = 0; c < headers.Length; c++)
        {
            if (explained[c]) continue;
            var header = Key(headers[c]);
            var score = Math.Max(Similarity(header, name), Similarity(header, label));
            if (score >= bestScore && (best < 0 || score > bestScore))
            {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    static int ExpectedPosition(int i, int[] columnOf)
    {
        for (var distance = 1; distance < columnOf.Length; distance++)
        {
            if (i - distance >= 0 && columnOf[i - distance] >= 0) return columnOf[i - distance] + distance;
            if (i + distance < columnOf.Length && columnOf[i + distance] >= 0) return columnOf[i + distance] - distance;
        }
        return i;
    }

    /// <summary>
    /// Longest common subsequence over the shorter key's length (0–1): "idno" is 0.75 like "id_number", "身份证号" 0.75
    /// like "公民身份号码", while "出生日期" is only 0.5 like "登记日期". Keys under 2 characters never match.
    /// </summary>
    static double Similarity(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2) return 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var x in a)
        {
            for (var j = 0; j < b.Length; j++)
                current[j + 1] = x == b[j] ? previous[j] + 1 : Math.Max(previous[j + 1], current[j]);
            (previous, current) = (current, previous);
        }
        return (double)previous[b.Length] / Math.Min(a.Length, b.Length);
    }

    /// <summary>A header or item name reduced for comparing: lower case, without white space, '_', '-' and '.'.</summary>
    static string Key(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '.')).Select(char.ToLowerInvariant));

    /// <summary>The header as written, without a leading U+FEFF, surrounding white space and surrounding quotes.</summary>
    static string Clean(string header)
    {
        var text = (header ?? "").AsSpan().TrimStart('\uFEFF').Trim();
        while (text.Length >= 2 && IsQuotePair(text[0], text[^1]))
            text = text[1..^1].Trim();
        return text.ToString();
    }

    static bool IsQuotePair(char open, char close) =>
        (open, close) is ('"', '"') or ('\'', '\'') or ('“', '”') or ('‘', '’') or ('「', '」');
}
