using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ExcelDataReader;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>
/// An XLSX dump read with ExcelDataReader: the first worksheet, its first row the header. Cells become invariant text:
/// numbers without a spurious ".0" or exponent, dates as yyyy-MM-dd (yyyy-MM-dd HH:mm:ss with a time), booleans as
/// true/false. Rows without any value are skipped. Other worksheets, merged cells and numbers too long for Excel's
/// 15 digits are reported in <see cref="Notes"/>.
/// </summary>
sealed class XlsxDumpReader : IDumpReader
{
    const string WorkbookPart = "xl/workbook.xml";

    // Small parts compress at odd ratios and cannot hurt; the ratio limit is for parts large enough to matter.
    const long RatioCheckedFrom = 1024 * 1024;

    readonly FileStream _file;
    readonly IExcelDataReader _excel;
    readonly string[] _columns;
    readonly List<string> _notes;
    readonly HashSet<int> _longNumberColumns = [];
    long _row = 1;

    XlsxDumpReader(FileStream file, IExcelDataReader excel, string[] columns, List<string> notes)
    {
        _file = file;
        _excel = excel;
        _columns = columns;
        _notes = notes;
    }

    public static XlsxDumpReader Open(Stream content, DumpReadingOptions limits)
    {
        // ExcelDataReader needs to seek (the zip directory is at the end): copy to a temporary file deleted on close.
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"nanhai-dump-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        IExcelDataReader? excel = null;
        try
        {
            CopyWithin(content, file, limits.MaxXlsxBytes);
            var sheets = CheckPackage(file, limits);
            file.Position = 0;
            excel = Reading(() => ExcelReaderFactory.CreateOpenXmlReader(file, new ExcelReaderConfiguration { LeaveOpen = true }), NotAWorkbook);
            var notes = new List<string>();
            if (sheets.Count > 1)
                notes.Add($"只读取了第一个工作表“{sheets[0]}”，忽略了其他工作表：{string.Join("、", sheets.Skip(1).Select(s => $"“{s}”"))} " +
                    $"(read the first worksheet '{sheets[0]}' only; ignored {string.Join(", ", sheets.Skip(1).Select(s => $"'{s}'"))})");
            if (excel.MergeCells is { Length: > 0 } merged)
            {
                var ranges = string.Join("、", merged.Select(m => $"{CellName(m.FromRow, m.FromColumn)}:{CellName(m.ToRow, m.ToColumn)}"));
                notes.Add($"工作表“{excel.Name}”有合并单元格 {ranges}，合并区域的值只在左上角单元格，其余单元格为空 " +
                    $"(merged cells {ranges.Replace("、", ", ")}: a merged area's value is in its top-left cell only, the others are empty)");
            }
            var reader = excel;
            if (!Reading(reader.Read, Malformed))
                throw new DumpUnreadableException(DumpUnreadableReasons.NoHeader,
                    $"工作表“{excel.Name}”没有任何行，缺少表头 (the worksheet '{excel.Name}' has no rows: the header is missing)", line: 1);
            var header = Enumerable.Range(0, excel.FieldCount).Select(i => CellText(reader.GetValue(i)) ?? "").ToList();
            // The sheet's width comes from its dimension, which may reach beyond the last named column.
            while (header.Count > 0 && header[^1].Length == 0)
                header.RemoveAt(header.Count - 1);
            return new XlsxDumpReader(file, excel, DumpHeader.Checked([.. header]), notes);
        }
        catch
        {
            excel?.Dispose();
            file.Dispose();
            throw;
        }
    }

    public DumpFormat Format => DumpFormat.Xlsx;

    public string? Encoding => null;

    public IReadOnlyList<string> Columns => _columns;

    public IReadOnlyList<string> Notes => _notes;

    public bool Read(out DumpRecord record)
    {
        while (Reading(_excel.Read, Malformed))
        {
            _row++;
            var values = new string?[_columns.Length];
            var beyondHeader = 0;
            var anyValue = false;
            for (var i = 0; i < _excel.FieldCount; i++)
            {
                var value = _excel.GetValue(i);
                if (value is double number && Math.Abs(number) >= 1e15 && number == Math.Floor(number) && _longNumberColumns.Add(i))
                    NoteLongNumber(i);
                if (CellText(value) is not { } text)
                    continue;
                anyValue = true;
                if (i < values.Length)
                    values[i] = text;
                else
                    beyondHeader++;
            }
            if (!anyValue)
                continue;
            record = new DumpRecord(_row, values, beyondHeader == 0 ? null
                : $"第{_row}行在表头之外的列有{beyondHeader}个值 (row {_row} has {beyondHeader} values beyond the header's columns)");
            return true;
        }
        record = default;
        return false;
    }

    void NoteLongNumber(int column)
    {
        var name = column < _columns.Length ? _columns[column] : CellName(0, column)[..^1];
        _notes.Add($"列“{name}”含有超过 15 位的数字（如第{_row}行），Excel 以数值保存时只保留 15 位有效数字，末尾的数字已经丢失；身份证号等代码请以文本格式保存 " +
            $"(column '{name}' holds numbers of more than 15 digits, e.g. row {_row}: Excel keeps 15 significant digits, the last ones are lost; store codes such as ID numbers as text)");
    }

    /// <summary>The cell as the invariant text a CSV export would hold; null for an empty cell.</summary>
    static string? CellText(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        double number => NumberText(number),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The shortest text that round-trips the double, written without an exponent when decimal can hold it, so that an
    /// 18-digit number comes through as its digits (440682199001011000, not 4.40682199001011E+17).
    /// </summary>
    static string NumberText(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E') && Math.Abs(number) is > 1e-20 and < 7.9e28
            ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>A1-style name of a zero-based cell.</summary>
    static string CellName(int row, int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    static void CopyWithin(Stream content, FileStream file, long maxBytes)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            if (file.Length + read > maxBytes)
                throw new DumpUnreadableException(DumpUnreadableReasons.TooLarge,
                    $"XLSX 文件超过 {maxBytes / (1024 * 1024)} MB 的上限，请拆分或导出为 CSV (the XLSX file is larger than the {maxBytes / (1024 * 1024)} MB limit; split it or export CSV)");
            file.Write(buffer, 0, read);
        }
        if (file.Length == 0)
            throw DumpErrors.Empty();
    }

    /// <summary>
    /// Checks the zip directory before anything is inflated: a zip at all, a workbook part, and sizes within the limits
    /// (a zip bomb declares them). A part that lies about its size cannot inflate beyond it: .NET stops at the declared
    /// size, and the cut-off XML then fails as a damaged workbook. Returns the worksheet names in workbook order.
    /// </summary>
    static List<string> CheckPackage(FileStream file, DumpReadingOptions limits)
    {
        file.Position = 0;
        using var zip = Reading(() => new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true), NotAWorkbook);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            // Deflate never grows data by more than a few bytes per 64 KiB block: a part whose compressed data is larger
            // than the size it declares is lying about that size, the trick of bombs that slip past a size check.
            if (entry.CompressedLength > entry.Length + entry.Length / 100 + 1024)
                throw new DumpUnreadableException(DumpUnreadableReasons.ZipBomb,
                    $"XLSX 中的 {entry.FullName} 声明的大小小于其压缩数据，疑似压缩炸弹 (the XLSX part {entry.FullName} declares fewer bytes than its compressed data holds; a zip bomb?)");
            total += entry.Length;
            var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
            if (total > limits.MaxXlsxUncompressedBytes || (entry.Length >= RatioCheckedFrom && ratio > limits.MaxXlsxCompressionRatio))
                throw new DumpUnreadableException(DumpUnreadableReasons.ZipBomb,
                    $"XLSX 解压后过大（{entry.FullName} 压缩比 {ratio:0}，合计至少 {total / (1024 * 1024)} MB），疑似压缩炸弹 " +
                    $"(the XLSX would inflate too far: {entry.FullName} at ratio {ratio:0}, at least {total / (1024 * 1024)} MB in all; a zip bomb?)");
        }
        var workbook = zip.GetEntry(WorkbookPart) ?? throw NotAWorkbook(null);
        return Reading(() =>
        {
            using var xml = XmlReader.Create(workbook.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var names = new List<string>();
            while (xml.Read())
                if (xml is { NodeType: XmlNodeType.Element, LocalName: "sheet" } && xml.GetAttribute("name") is { } name)
                    names.Add(name);
            return names;
        }, NotAWorkbook);
    }

    /// <summary>Runs a step of reading the package, turning the ways a damaged or foreign file fails into an unreadable dump.</summary>
    static T Reading<T>(Func<T> step, Func<Exception?, DumpUnreadableException> unreadable)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or ExcelDataReader.Exceptions.ExcelReaderException
                                      or InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            throw unreadable(e);
        }
    }

    static DumpUnreadableException NotAWorkbook(Exception? cause) =>
        new(DumpUnreadableReasons.NotAWorkbook,
            "文件不是有效的 XLSX 工作簿（可能被截断，或是改了扩展名的其他文件）(the file is not a valid XLSX workbook: truncated, or another kind of file renamed)",
            inner: cause);

    static DumpUnreadableException Malformed(Exception? cause) =>
        new(DumpUnreadableReasons.Malformed,
            $"工作簿内容损坏，无法继续读取 (the workbook's content is damaged and cannot be read further: {cause?.Message})", inner: cause);

    public void Dispose()
    {
        _excel.Dispose();
        _file.Dispose();
    }
}
