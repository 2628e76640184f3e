namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// One timed pass over the file: what it read, how long it took, and the peak memory of the process doing the work when
/// known (<see cref="PeakMemoryBytes"/>, with <see cref="MemoryNote"/> saying whose and how it was read). MB are 2^20 bytes.
/// </summary>
public sealed record Measurement(string Name, long Bytes, long Rows, TimeSpan Elapsed, long? PeakMemoryBytes = null, string MemoryNote = "")
{
    public const double MB = 1024 * 1024;

    public double MegabytesPerSecond => Bytes / MB / Elapsed.TotalSeconds;

    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
