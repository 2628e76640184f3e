using System.ComponentModel.DataAnnotations;

namespace Nanhai.LocalHost;

/// <summary>How the local host listens and emulates the Functions triggers (section "LocalHost").</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>The HTTP API's port on 127.0.0.1 (7071, as `func start`).</summary>
    [Range(1, 65535)] public int HttpPort { get; set; } = 7071;

    /// <summary>The durable backend's gRPC port on 127.0.0.1 (the worker and client in this process connect to it).</summary>
    [Range(1, 65535)] public int SidecarPort { get; set; } = 7073;

    /// <summary>How often the blob trigger emulation looks for new or changed blobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")] public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many blobs are processed at once (host.json's blobs.maxDegreeOfParallelism in Azure).</summary>
    [Range(1, 64)] public int BlobConcurrency { get; set; } = 2;

    /// <summary>Load the demo data (the demo catalogue…) at start-up; what is already stored is left alone.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// With <see cref="SeedDemoData"/>, also drop a few demo dumps the first time (./nanhai up does); tests that ingest
    /// their own dumps leave it off so that no other run touches their resources.
    /// </summary>
    public bool SeedDemoDumps { get; set; }

    /// <summary>Attempts per blob version before it is given up as poison (Functions' blob trigger: 5).</summary>
    [Range(1, 20)] public int BlobMaxAttempts { get; set; } = 5;
}
