namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// A process's memory from /proc/{pid}/status: VmHWM (the kernel's own peak resident set over the process's life) and
/// VmRSS sampled every 200 ms while a measurement runs (the peak during that window, which VmHWM cannot tell apart from
/// start-up).
/// </summary>
public sealed class ProcessMemory : IAsyncDisposable
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    readonly int pid;
    readonly CancellationTokenSource stop = new();
    readonly Task sampling;
    long maxRss;

    ProcessMemory(int pid)
    {
        this.pid = pid;
        sampling = SampleAsync();
    }

    /// <summary>Starts sampling VmRSS of <paramref name="pid"/>.</summary>
    public static ProcessMemory Sample(int pid) => new(pid);

    /// <summary>The largest VmRSS seen so far (bytes; 0 when none could be read).</summary>
    public long MaxRss => Interlocked.Read(ref maxRss);

    /// <summary>VmHWM of <paramref name="pid"/> in bytes; null when the process is gone or /proc is not there.</summary>
    public static long? PeakResident(int pid) => Read(pid, "VmHWM:");

    /// <summary>VmRSS of <paramref name="pid"/> in bytes now; null when the process is gone or /proc is not there.</summary>
    public static long? Resident(int pid) => Read(pid, "VmRSS:");

    async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                if (Read(pid, "VmRSS:") is { } rss && rss > MaxRss) Interlocked.Exchange(ref maxRss, rss);
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped
        }
    }

    static long? Read(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            // "VmHWM:    123456 kB"
            return line is null ? null : long.Parse(line[key.Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException)
        {
            return null; // the process has exited
        }
    }

    /// <summary>Stops sampling; <see cref="MaxRss"/> keeps the peak.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
