using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>A command run to its end (apt-get, initdb, pg_ctl), through the tests' <see cref="ManagedProcess"/>.</summary>
public static class Command
{
    /// <summary>Runs it; throws with its output unless it exits 0 within <paramref name="timeout"/>.</summary>
    public static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var line = $"{fileName} {string.Join(' ', arguments)}";
        await using var process = ManagedProcess.Start(fileName, fileName, arguments, workingDirectory, environment);
        if (!await process.WaitForExitAsync(timeout).WaitAsync(cancellationToken))
            throw new TimeoutException($"{line} did not finish within {timeout}:\n{process.Output}");
        if (process.ExitCode != 0) throw new InvalidOperationException($"{line} exited with {process.ExitCode}:\n{process.Output}");
    }
}
