using System.Diagnostics;
using Nanhai.Application.Catalog.DemoData;
using Npgsql;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// What CKAN's XLoader does with a CSV: a table of text columns named after the header, then the file streamed by the
/// client into <c>COPY … FROM STDIN (FORMAT csv, HEADER true, ENCODING 'GB18030')</c> (XLoader's copy_expert), the
/// server converting to UTF-8 and parsing. XLoader's table also has an _id serial key and a _full_text column, which make
/// its COPY slower: this baseline is the faster one.
/// </summary>
public static class PostgresCopy
{
    public static async Task<Measurement> RunAsync(ResidentsFile file, string workDirectory, CancellationToken cancellationToken)
    {
        Bench.Log("starting a throwaway PostgreSQL cluster");
        await using var cluster = await PostgresCluster.StartAsync(Path.Combine(workDirectory, "pg"), cancellationToken);
        await using var connection = await cluster.OpenAsync(cancellationToken);
        var columns = SyntheticResidents.Columns.Select(c => $"\"{c}\"").ToArray();
        await using (var create = new NpgsqlCommand($"CREATE TABLE residents ({string.Join(", ", columns.Select(c => c + " text"))})", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);

        var server = $"PostgreSQL {connection.PostgreSqlVersion}";
        Bench.Log($"COPY into {server} on port {cluster.Port}");
        // The backend's memory during the COPY only: the count afterwards reads the table through shared buffers.
        var backend = connection.ProcessID;
        TimeSpan elapsed;
        long? peak;
        long maxRss;
        await using (var memory = ProcessMemory.Sample(backend))
        {
            var clock = Stopwatch.StartNew();
            await using (var input = file.Open())
            await using (var copy = await connection.BeginTextImportAsync(
                $"COPY residents ({string.Join(", ", columns)}) FROM STDIN (FORMAT csv, HEADER true, ENCODING 'GB18030')", cancellationToken))
            {
                // The file's bytes as they are, as copy_expert sends them (the server decodes GB18030): Npgsql's raw COPY
                // refuses any format but binary, so they go to the text import's underlying COPY stream, past its encoder.
                await input.CopyToAsync(((StreamWriter)copy).BaseStream, 1 << 20, cancellationToken);
            }
            elapsed = clock.Elapsed;
            peak = ProcessMemory.PeakResident(backend);
            maxRss = memory.MaxRss;
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM residents", connection);
        var rows = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (rows != file.Rows) throw new InvalidOperationException($"COPY stored {rows} rows, the file has {file.Rows}.");
        Bench.Log($"COPY: {rows} rows in {elapsed.TotalSeconds:F2} s");
        return new Measurement($"{server} COPY", file.Bytes, rows, elapsed, peak,
            $"server backend's VmHWM, shared buffers it touched included; VmRSS max {maxRss / Measurement.MB:F0} MB");
    }
}
