using System.ComponentModel.DataAnnotations;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>
/// Limits that keep dump reading (数据文件读取) bounded in memory and time whatever a department drops (configuration
/// section <c>Ingestion:Reading</c>). A file beyond a limit is unreadable as a whole and goes to quarantine.
/// </summary>
public sealed class DumpReadingOptions : IValidatableObject
{
    public const string Section = "Ingestion:Reading";

    /// <summary>
    /// Longest physical line in characters (default 1 Mi). Checked as the text is decoded, so a huge line without a
    /// newline fails after this many characters instead of being buffered whole.
    /// </summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxLineChars { get; set; } = 1024 * 1024;

    /// <summary>
    /// Most physical lines one CSV record may span through quoted line breaks (default 1,000). An opening quote that is
    /// still open after this many lines is taken as unbalanced rather than read as one giant record. Checked at the end
    /// of each decoded block (64 Ki characters), so a span may pass the limit by up to one block.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxRecordLines { get; set; } = 1000;

    /// <summary>Most characters one CSV record may span through quoted line breaks (default 4 Mi; at least <see cref="MaxLineChars"/>).</summary>
    [Range(64 * 1024, int.MaxValue)]
    public int MaxRecordChars { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest XLSX file accepted, in bytes as dropped (default 256 MiB); it is copied to a temporary file to be read.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxXlsxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most bytes all parts of an XLSX may inflate to, as its zip directory declares them (default 2 GiB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxXlsxUncompressedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Highest inflation ratio of one XLSX part (default 200). Worksheets compress 5–50×; a zip bomb needs hundreds or
    /// thousands.
    /// </summary>
    [Range(10, 100_000)]
    public int MaxXlsxCompressionRatio { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRecordChars < MaxLineChars)
            yield return new ValidationResult(
                $"{Section}:MaxRecordChars ({MaxRecordChars}) must be at least {Section}:MaxLineChars ({MaxLineChars}): a record holds at least one line.",
                [nameof(MaxRecordChars), nameof(MaxLineChars)]);
        if (MaxXlsxUncompressedBytes < MaxXlsxBytes)
            yield return new ValidationResult(
                $"{Section}:MaxXlsxUncompressedBytes ({MaxXlsxUncompressedBytes}) must be at least {Section}:MaxXlsxBytes ({MaxXlsxBytes}).",
                [nameof(MaxXlsxUncompressedBytes), nameof(MaxXlsxBytes)]);
    }
}
