using Microsoft.Extensions.Options;
using Nanhai.Application.Ingestion.Reading;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>Opens dumps by their extension: .csv/.txt as CSV, .jsonl/.ndjson as JSON lines, .xlsx as a workbook.</summary>
public sealed class DumpReaders(IOptions<DumpReadingOptions> options) : IDumpReaders
{
    public IDumpReader Open(Stream content, string fileName) => FormatOf(fileName) switch
    {
        DumpFormat.Csv => CsvDumpReader.Open(content, options.Value),
        DumpFormat.JsonLines => JsonLinesDumpReader.Open(content, options.Value),
        DumpFormat.Xlsx => XlsxDumpReader.Open(content, options.Value),
        _ => throw new DumpUnreadableException(DumpUnreadableReasons.UnsupportedFormat,
            $"不支持的文件类型“{Path.GetExtension(fileName)}”，请提交 CSV、JSON 行 (.jsonl) 或 XLSX 文件 " +
            $"(unsupported file type '{Path.GetExtension(fileName)}': drop CSV, JSON lines (.jsonl) or XLSX)"),
    };

    /// <summary>The format a file name's extension stands for (case-insensitive), null when none.</summary>
    public static DumpFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => DumpFormat.Csv,
        ".jsonl" or ".ndjson" => DumpFormat.JsonLines,
        ".xlsx" => DumpFormat.Xlsx,
        _ => null,
    };
}
