namespace Nanhai.Benchmarks.Ingestion;

/// <summary>What one ingestion run measures; every choice can be set on the command line.</summary>
public sealed record IngestionOptions(int SizeMb, int Seed, bool KeepFile, bool Regenerate)
{
    const string Usage = """
        usage: ./nanhai bench ingestion [--size-mb N] [--seed S] [--keep-file] [--regenerate]
          --size-mb N    size of the synthetic GB18030 CSV in MB of 2^20 bytes (default 1024; targets are set for 1024)
          --seed S       seed of the synthetic residents (default 20201)
          --keep-file    keep the CSV in .local/bench/ after the run; a later run with the same size and seed reuses it
          --regenerate   write the CSV again even when a kept one of the same size and seed is there
        """;

    public static IngestionOptions? Parse(string[] args)
    {
        var options = new IngestionOptions(SizeMb: 1024, Seed: 20201, KeepFile: false, Regenerate: false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help": Console.Error.WriteLine(Usage); return null;
                case "--keep-file": options = options with { KeepFile = true }; break;
                case "--regenerate": options = options with { Regenerate = true }; break;
                case "--size-mb" or "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0:
                    options = args[i] == "--size-mb" ? options with { SizeMb = value } : options with { Seed = value };
                    i++;
                    break;
                default: Console.Error.WriteLine($"Unknown or invalid option {args[i]} (--size-mb and --seed need a positive whole number).\n{Usage}"); return null;
            }
        }
        return options;
    }
}
