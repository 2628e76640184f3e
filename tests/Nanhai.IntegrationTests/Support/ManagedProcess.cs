using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nanhai.IntegrationTests.Support;

/// <summary>
/// A child process that a test starts, waits for, and stops (gracefully or with kill -9). Its output is kept
/// so that a failing test can show it.
/// </summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();
    readonly string name;

    ManagedProcess(string name, Process process)
    {
        this.name = name;
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;

    /// <summary>Waits for the process to end by itself; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public static ManagedProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return new ManagedProcess(name, process);
    }

    /// <summary>Waits until something accepts TCP connections on <paramref name="port"/>, or fails with the process output.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{name} did not listen on port {port} within {timeout}:\n{Output}");
    }

    /// <summary>kill -9: no chance to flush or clean up, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process keeps its port but answers nothing, as a hung service does.</summary>
    public void Suspend() => Posix.Signal(process.Id, Posix.SigStop);

    /// <summary>SIGCONT after <see cref="Suspend"/>.</summary>
    public void Resume() => Posix.Signal(process.Id, Posix.SigCont);

    /// <summary>SIGTERM, then kill -9 if it has not stopped within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (process.HasExited) return;
        Posix.Terminate(process.Id);
        using var cts = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    static readonly HashSet<int> PortsHandedOut = [];

    /// <summary>
    /// A port free now, below the kernel's ephemeral range: a port the kernel picks for "any free port" can also be picked
    /// for an outgoing connection between this check and the service binding it (seen as EADDRINUSE under load). Never the
    /// same port twice in one test run.
    /// </summary>
    public static int FreePort()
    {
        var ephemeralStart = File.Exists("/proc/sys/net/ipv4/ip_local_port_range")
            && int.TryParse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var low)
            ? low : 49152;
        var (from, to) = (Math.Max(1024, ephemeralStart - 12_000), ephemeralStart);
        lock (PortsHandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(from, to);
                if (!PortsHandedOut.Add(port)) continue;
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException) { }
            }
        }
        throw new InvalidOperationException($"No free port between {from} and {to}.");
    }
}

static class Posix
{
    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    static extern int Kill(int pid, int signal);

    // Linux signal numbers.
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static void Terminate(int pid) => Kill(pid, 15);

    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}.");
    }
}
