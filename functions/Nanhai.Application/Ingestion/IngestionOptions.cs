using System.ComponentModel.DataAnnotations;

namespace Nanhai.Application.Ingestion;

/// <summary>How ingestion runs report (section "Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>How often a running ingestion writes its progress (bytes and rows so far) to its run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);
}
