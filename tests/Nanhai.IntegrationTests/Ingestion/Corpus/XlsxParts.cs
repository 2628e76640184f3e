using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Nanhai.IntegrationTests.Ingestion.Corpus;

/// <summary>
/// Writes minimal XLSX packages (SpreadsheetML parts in a zip) in code, so the corpus needs no committed binaries.
/// Cells: string (inline string), double, DateTime (a serial number styled as a date), bool, null (no cell).
/// </summary>
public static class XlsxParts
{
    public sealed record Sheet(string Name, IReadOnlyList<object?[]> Rows, params string[] MergedRanges);

    /// <summary>A workbook of <paramref name="sheets"/>; <paramref name="bigPart"/> replaces the first sheet's XML when given (for bombs).</summary>
    public static byte[] Workbook(IReadOnlyList<Sheet> sheets, Action<Stream>? bigPart = null)
    {
        var parts = new List<(string Path, Action<Stream> Write)>
        {
            ("[Content_Types].xml", Text(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
                + string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))
                + "</Types>")),
            ("_rels/.rels", Text(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""")),
            ("xl/workbook.xml", Text(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
                + string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""))
                + "</sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", Text(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))
                + $"""<Relationship Id="rId{sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""")),
            // Style 1 is built-in number format 14 (a date), style 2 format 22 (date and time).
            ("xl/styles.xml", Text(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>""")),
        };
        parts.AddRange(sheets.Select((s, i) => ($"xl/worksheets/sheet{i + 1}.xml", i == 0 && bigPart is not null ? bigPart : Text(SheetXml(s)))));
        return Zip(parts);
    }

    /// <summary>A zip of the given parts, each written by its action.</summary>
    public static byte[] Zip(IEnumerable<(string Path, Action<Stream> Write)> parts)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, write) in parts)
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                write(entry);
            }
        return zip.ToArray();
    }

    public static Action<Stream> Text(string text) => stream => stream.Write(Encoding.UTF8.GetBytes(text));

    static string SheetXml(Sheet sheet)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < sheet.Rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                xml.Append(sheet.Rows[r][c] switch
                {
                    null => "",
                    string text => $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(text)}</t></is></c>""",
                    double number => $"""<c r="{reference}"><v>{number.ToString("R", CultureInfo.InvariantCulture)}</v></c>""",
                    DateTime date => $"""<c r="{reference}" s="{(date.TimeOfDay == TimeSpan.Zero ? 1 : 2)}"><v>{(date - new DateTime(1899, 12, 30)).TotalDays.ToString("R", CultureInfo.InvariantCulture)}</v></c>""",
                    bool flag => $"""<c r="{reference}" t="b"><v>{(flag ? 1 : 0)}</v></c>""",
                    var other => throw new ArgumentException($"No XLSX cell for {other.GetType()}"),
                });
            }
            xml.Append("</row>");
        }
        xml.Append("</sheetData>");
        if (sheet.MergedRanges.Length > 0)
            xml.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{sheet.MergedRanges.Length}\">")
                .Append(string.Concat(sheet.MergedRanges.Select(m => $"<mergeCell ref=\"{m}\"/>"))).Append("</mergeCells>");
        return xml.Append("</worksheet>").ToString();
    }
}
