using Nanhai.IntegrationTests.Support;
using Npgsql;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's packages (installed with apt-get when missing): initdb'd into a folder of
/// the work directory, owned by the postgres user (the server refuses to run as root), listening on 127.0.0.1 on a free
/// port with its unix socket in that folder, trust authentication (loopback only, gone after the run). Disposing stops
/// it and deletes the folder.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    const string Packages = "/usr/lib/postgresql";
    static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    readonly string directory;
    readonly string bin;
    ManagedProcess? server;

    PostgresCluster(string directory, string bin)
    {
        this.directory = directory;
        this.bin = bin;
    }

    public int Port { get; } = ManagedProcess.FreePort();

    string Data => Path.Combine(directory, "data");

    public static async Task<PostgresCluster> StartAsync(string directory, CancellationToken cancellationToken)
    {
        var cluster = new PostgresCluster(directory, await InstalledBinAsync(cancellationToken));
        try
        {
            await cluster.StartAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); // left by a run that was killed
        Directory.CreateDirectory(directory);
        await Command.RunAsync("chown", ["postgres:postgres", directory], directory, CommandTimeout, cancellationToken);
        await AsPostgresAsync("initdb", ["-D", Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
        server = ManagedProcess.Start("postgresql", "runuser",
        [
            "-u", "postgres", "--", Path.Combine(bin, "postgres"), "-D", Data,
            "-c", "listen_addresses=127.0.0.1", "-p", Port.ToString(), "-c", $"unix_socket_directories={directory}",
        ], directory);
        await server.WaitForPortAsync(Port, TimeSpan.FromSeconds(60)).WaitAsync(cancellationToken);
    }

    /// <summary>A connection as the superuser, once the server accepts them (it listens a moment before it does).</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Command Timeout=0";
        for (var attempt = 1; ; attempt++)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CannotConnectNow && attempt < 100)
            {
                await connection.DisposeAsync();
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>The newest installed server's bin folder, after installing Debian's postgresql package if there is none.</summary>
    static async Task<string> InstalledBinAsync(CancellationToken cancellationToken)
    {
        if (FindBin() is { } bin) return bin;
        Bench.Log("PostgreSQL is not installed: apt-get install -y postgresql (Debian's packages)");
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var timeout = TimeSpan.FromMinutes(10);
        try
        {
            await Command.RunAsync("apt-get", ["install", "-y", "postgresql"], "/", timeout, cancellationToken, environment);
        }
        catch (InvalidOperationException)
        {
            // Usually package lists that are missing or stale: fetch them and try once more.
            await Command.RunAsync("apt-get", ["update"], "/", timeout, cancellationToken, environment);
            await Command.RunAsync("apt-get", ["install", "-y", "postgresql"], "/", timeout, cancellationToken, environment);
        }
        return FindBin() ?? throw new InvalidOperationException($"postgresql is installed, yet no {Packages}/*/bin/initdb is there.");
    }

    static string? FindBin() =>
        Directory.Exists(Packages)
            ? Directory.GetDirectories(Packages)
                .Where(version => File.Exists(Path.Combine(version, "bin", "initdb")))
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
                .Select(version => Path.Combine(version, "bin"))
                .FirstOrDefault()
            : null;

    Task AsPostgresAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        Command.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, program), .. arguments], directory, CommandTimeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            // Immediate shutdown: nothing in this cluster is worth a checkpoint. Not cancellable: it must go.
            try
            {
                await AsPostgresAsync("pg_ctl", ["stop", "-D", Data, "-m", "immediate"], CancellationToken.None);
            }
            catch (InvalidOperationException e)
            {
                Bench.Log($"pg_ctl stop failed, stopping the server by signal: {e.Message}");
            }
        }
        if (server is not null) await server.DisposeAsync();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
