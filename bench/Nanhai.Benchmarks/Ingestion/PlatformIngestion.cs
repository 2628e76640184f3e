using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// The platform end to end: the stack started as the workflow benchmark starts it (demo catalog loaded), the file dropped
/// as a department drops a dump — uploaded with the Blob SDK to <c>dumps/gaj/10102-000001/{file}</c> (公安分局's
/// 实有人口信息: nine items, no lookup key) — and the clock started when the upload completes. The ingestion run for the
/// file is polled on <c>GET /api/ingestion/runs?resource=10102-000001</c> (as the data authority) until it has succeeded;
/// its own timestamps (startedAt, snapshotAt: snapshot and statistics written) give the times, so the poll interval does
/// not blur them. The local host's memory: VmHWM read right after, VmRSS sampled every 200 ms from the upload on.
/// </summary>
public static class PlatformIngestion
{
    const string Unit = "gaj";
    const string Resource = "10102-000001";
    const string Container = "dumps";
    const string RunsPath = $"api/ingestion/runs?resource={Resource}";
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(500);
    static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    /// <summary>A run's state; parsed whatever its case ("succeeded" or "Succeeded").</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
    public enum RunStatus { Running, Indexing, Succeeded, Quarantined, Unchanged, Failed }

    /// <summary>One ingestion run as the API reports it (camelCase JSON).</summary>
    public sealed record IngestionRun(string Id, string File, RunStatus Status, int Attempt, string? Format, string? Encoding,
        long? BytesTotal, long? BytesRead, long RowsRead, long RowsAccepted, long RowsRejected,
        DateTimeOffset? StartedAt, DateTimeOffset? SnapshotAt, DateTimeOffset? FinishedAt)
    {
        public bool IsFinished => Status is not (RunStatus.Running or RunStatus.Indexing);
    }

    /// <summary>
    /// The figures: <paramref name="EndToEnd"/> from upload complete to snapshotAt, <paramref name="Run"/> from the run's
    /// startedAt to snapshotAt, the local host's VmHWM and sampled VmRSS, the upload's duration, the time from upload
    /// complete to the run's start (<paramref name="Trigger"/>), and the CPU each process used from upload to success.
    /// </summary>
    public sealed record Result(Measurement EndToEnd, Measurement Run, long? HostPeakBytes, long HostMaxRssBytes, TimeSpan Upload,
        TimeSpan Trigger, IngestionRun Details, IReadOnlyDictionary<string, TimeSpan> Cpu);

    /// <summary>The result, or why there is none when the platform cannot be measured (no ingestion API yet).</summary>
    public sealed record Outcome(Result? Result, string? NotMeasured);

    public static async Task<Outcome> RunAsync(ResidentsFile file, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        return await BenchStack.UseAsync(async stack =>
        {
            var client = new PlatformClient(http, stack.BaseAddress);
            var token = client.Token("data-authority", "bench-data-authority");
            var (status, body) = await client.SendAsync(HttpMethod.Get, RunsPath, token, null, cancellationToken);
            if (status == HttpStatusCode.NotFound)
                return new Outcome(null, $"GET /{RunsPath} answered 404{(body.ValueKind == JsonValueKind.Undefined ? "" : $" {body}")}: "
                    + $"this local host has no ingestion runs API, or no resource {Resource} in its demo catalog");
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET /{RunsPath}: {(int)status} {body}");

            var timeout = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(file.Bytes / Measurement.MB);
            using var within = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            within.CancelAfter(timeout);
            // Runs the host started by itself (demo dumps) would share the measured window: let them end first.
            while (await ListAsync(client, token, within.Token) is var runs && runs.Any(r => !r.IsFinished))
                await Task.Delay(PollPause, within.Token);
            var blobName = $"{Unit}/{Resource}/{file.Name}";
            var container = new BlobContainerClient(stack.StorageConnectionString, Container);
            await container.CreateIfNotExistsAsync(cancellationToken: within.Token);

            // What the host holds before the dump arrives (runtime, platform, demo data): the rest of its peak is the ingestion's.
            Bench.Log($"local host before the upload: VmRSS {ProcessMemory.Resident(stack.HostPid) / Measurement.MB:F0} MB, VmHWM {ProcessMemory.PeakResident(stack.HostPid) / Measurement.MB:F0} MB");
            Bench.Log($"uploading {file.Name} to {Container}/{blobName}");
            await using var memory = ProcessMemory.Sample(stack.HostPid);
            var cpu = CpuMeter.Start(stack);
            var uploading = Stopwatch.StartNew();
            await container.GetBlobClient(blobName).UploadAsync(file.Path, new BlobUploadOptions
            {
                TransferOptions = new StorageTransferOptions { MaximumConcurrency = 4, InitialTransferSize = 8 << 20, MaximumTransferSize = 8 << 20 },
            }, within.Token);
            var uploaded = DateTimeOffset.UtcNow;
            var upload = uploading.Elapsed;
            Bench.Log($"uploaded in {upload.TotalSeconds:F1} s; waiting for the ingestion run (at most {timeout.TotalMinutes:F0} min)");

            IngestionRun run;
            try
            {
                run = await WaitForRunAsync(client, token, file, within.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No ingestion run of {blobName} succeeded within {timeout.TotalMinutes:F0} min.");
            }
            var used = cpu.Stop();
            var peak = ProcessMemory.PeakResident(stack.HostPid);
            if (run.SnapshotAt is not { } snapshotAt || run.StartedAt is not { } startedAt)
                throw new InvalidOperationException($"The run succeeded without startedAt and snapshotAt: {run}");
            if (run.RowsRead != file.Rows || run.RowsAccepted != file.Rows)
                Bench.Log($"note: the run read {run.RowsRead} and accepted {run.RowsAccepted} rows; the file has {file.Rows}, all valid");

            const string hostMemory = "local host, VmHWM over its life";
            return new Outcome(new Result(
                new Measurement("platform: upload complete → snapshotAt", file.Bytes, run.RowsRead, snapshotAt - uploaded, peak, hostMemory),
                new Measurement("platform run: startedAt → snapshotAt", file.Bytes, run.RowsRead, snapshotAt - startedAt, peak, hostMemory),
                peak, memory.MaxRss, upload, startedAt - uploaded, run, used), null);
        }, cancellationToken);
    }

    /// <summary>Polls until the run for <paramref name="file"/> has succeeded; throws when it ends any other way.</summary>
    static async Task<IngestionRun> WaitForRunAsync(PlatformClient client, string token, ResidentsFile file, CancellationToken cancellationToken)
    {
        var progress = Stopwatch.StartNew();
        while (true)
        {
            // The API's file may be the blob's full name or the file's own: the file name is unique to this size and seed.
            var run = (await ListAsync(client, token, cancellationToken))
                .FirstOrDefault(r => r.File == file.Name || r.File.EndsWith("/" + file.Name, StringComparison.Ordinal));
            switch (run?.Status)
            {
                case RunStatus.Succeeded:
                    return run;
                case RunStatus.Quarantined or RunStatus.Failed or RunStatus.Unchanged:
                    throw new InvalidOperationException($"The ingestion run of {file.Name} ended {run.Status}: {run}");
            }
            if (progress.Elapsed >= ProgressEvery)
            {
                Bench.Log(run is null ? "no run for the file yet" : $"run {run.Status}: {run.BytesRead ?? 0} of {run.BytesTotal ?? file.Bytes} bytes, {run.RowsRead} rows");
                progress.Restart();
            }
            await Task.Delay(PollPause, cancellationToken);
        }
    }

    /// <summary>
    /// The first page of the resource's runs. Runs come latest first, so the run of the file just dropped, and any the host
    /// started by itself, are on it.
    /// </summary>
    static async Task<IngestionRun[]> ListAsync(PlatformClient client, string token, CancellationToken cancellationToken)
    {
        var page = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, RunsPath, token, null, cancellationToken);
        return page.GetProperty("items").Deserialize<IngestionRun[]>(JsonSerializerOptions.Web)!;
    }
}
