using System.Reflection;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks;

/// <summary>Progress on stderr (the figures go to stdout), and the small statistics the reports need.</summary>
public static class Bench
{
    public static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");

    /// <summary>The build configuration of this benchmark, and so of the local host it runs (<see cref="LocalHostProcess.DllPath"/>).</summary>
    public static string Configuration =>
        typeof(LocalHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "?";

    /// <summary>Nearest-rank percentile (p in 0..100) of the values; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Runs <paramref name="body"/> for each item with at most <paramref name="concurrency"/> at once.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, body);
}
