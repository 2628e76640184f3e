using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Nanhai.Application.Catalog.DemoData;

namespace Nanhai.Benchmarks.Ingestion;

/// <summary>
/// The synthetic GB18030 CSV every measurement of a run reads: written by <see cref="SyntheticResidents"/> into the work
/// folder, or reused when a kept file of the same size and seed is there (a small JSON beside it records its rows and
/// bytes, written only once the file is complete).
/// </summary>
public sealed record ResidentsFile(string Path, long Bytes, long Rows, Measurement? Generation)
{
    /// <summary>GB18030 (code page 54936), from System.Text.Encoding.CodePages: the encoding of departments' Windows exports.</summary>
    public static Encoding Gb18030 { get; } = CodePages(54936);

    public string Name => System.IO.Path.GetFileName(Path);

    sealed record Facts(long Rows, long Bytes);

    public static async Task<ResidentsFile> PrepareAsync(string directory, IngestionOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, $"residents-{options.SizeMb}mb-seed{options.Seed}.csv");
        var factsPath = path + ".json";
        if (!options.Regenerate && File.Exists(path) && File.Exists(factsPath)
            && JsonSerializer.Deserialize<Facts>(await File.ReadAllTextAsync(factsPath, cancellationToken)) is { } kept
            && kept.Bytes == new FileInfo(path).Length)
        {
            Bench.Log($"reusing {path} ({kept.Rows} rows; --regenerate writes it again)");
            return new ResidentsFile(path, kept.Bytes, kept.Rows, Generation: null);
        }

        File.Delete(factsPath);
        Bench.Log($"writing {options.SizeMb} MB of synthetic residents (GB18030, seed {options.Seed}) to {path}");
        var partial = path + ".partial";
        var clock = Stopwatch.StartNew();
        SyntheticResidents.Written written;
        try
        {
            await using var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            written = await Task.Run(() => SyntheticResidents.WriteCsv(output, Gb18030, options.SizeMb * (long)Measurement.MB, options.Seed, cancellationToken),
                cancellationToken);
        }
        catch
        {
            File.Delete(partial); // a cancelled or failed write leaves no gigabyte behind
            throw;
        }
        var elapsed = clock.Elapsed;
        File.Move(partial, path, overwrite: true);
        await File.WriteAllTextAsync(factsPath, JsonSerializer.Serialize(new Facts(written.Rows, written.Bytes)), cancellationToken);
        return new ResidentsFile(path, written.Bytes, written.Rows, new Measurement("generator", written.Bytes, written.Rows, elapsed));
    }

    /// <summary>Reads the file once, untimed, so that every measurement reads it from the page cache and none pays for the disk.</summary>
    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        await using var input = Open();
        var buffer = new byte[1 << 20];
        while (await input.ReadAsync(buffer, cancellationToken) > 0) { }
    }

    public FileStream Open() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);

    public void Delete()
    {
        File.Delete(Path);
        File.Delete(Path + ".json");
    }

    static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
