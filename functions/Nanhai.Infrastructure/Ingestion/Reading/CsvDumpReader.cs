using nietras.SeparatedValues;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>
/// A CSV dump read with Sep: the separator detected from the header line (comma, semicolon, tab or pipe), quotes
/// unescaped, quoted line breaks kept in values. A record with a different number of fields than the header is returned
/// with a <see cref="DumpRecord.Problem"/> rather than failing the file. Empty fields are null; records without any value
/// (blank lines, rows of bare separators) are skipped.
/// </summary>
sealed class CsvDumpReader : IDumpReader
{
    readonly SepReader _sep;
    readonly string[] _columns;

    CsvDumpReader(SepReader sep, string encoding, string[] columns)
    {
        _sep = sep;
        Encoding = encoding;
        _columns = columns;
    }

    public static CsvDumpReader Open(Stream content, DumpReadingOptions limits)
    {
        var start = TextStart.Detect(content);
        if (start.Start == start.End && start.AtEndOfStream)
            throw DumpErrors.Empty();
        // The header is read as a row: duplicate names are ours to report.
        var sep = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, CreateToString = ColumnStringPool.Create })
            .From(new CsvTextReader(content, start, limits));
        try
        {
            if (!sep.MoveNext())
                throw DumpErrors.Empty();
            var header = sep.Current;
            var names = new string[header.ColCount];
            for (var i = 0; i < names.Length; i++)
                names[i] = header[i].ToString();
            return new CsvDumpReader(sep, start.Name, DumpHeader.Checked(names));
        }
        catch
        {
            sep.Dispose();
            throw;
        }
    }

    public DumpFormat Format => DumpFormat.Csv;

    public string? Encoding { get; }

    public IReadOnlyList<string> Columns => _columns;

    public IReadOnlyList<string> Notes => [];

    public bool Read(out DumpRecord record)
    {
        while (_sep.MoveNext())
        {
            var row = _sep.Current;
            var values = new string?[_columns.Length];
            var fields = Math.Min(row.ColCount, values.Length);
            var anyValue = false;
            for (var i = 0; i < fields; i++)
            {
                var field = row[i];
                if (field.Span.IsEmpty)
                    continue;
                values[i] = field.ToString();
                anyValue = true;
            }
            for (var i = fields; i < row.ColCount && !anyValue; i++)
                anyValue = !row[i].Span.IsEmpty;
            if (!anyValue)
                continue;
            var line = row.LineNumberFrom;
            record = new DumpRecord(line, values, row.ColCount == values.Length ? null : DumpErrors.FieldCountProblem(line, row.ColCount, values.Length));
            return true;
        }
        record = default;
        return false;
    }

    public void Dispose() => _sep.Dispose();
}
