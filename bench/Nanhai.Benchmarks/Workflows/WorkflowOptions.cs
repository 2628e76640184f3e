namespace Nanhai.Benchmarks.Workflows;

/// <summary>What one run measures; every number can be set on the command line.</summary>
public sealed record WorkflowOptions(int Probes, int Applications, int Clients, int Baselines)
{
    const string Usage = """
        usage: ./nanhai bench [workflows] [--probes N] [--applications M] [--clients C] [--baselines 1|2]
          --probes N        workflow probes per baseline run, started at once (default 100)
          --applications M  applications submitted and accepted (default 100)
          --clients C       concurrent mini-program clients uploading and submitting (default 8)
          --baselines 1|2   the probe baseline before the workload only, or before and after it (default 2)
        """;

    public static WorkflowOptions? Parse(string[] args)
    {
        var options = new WorkflowOptions(Probes: 100, Applications: 100, Clients: 8, Baselines: 2);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") { Console.Error.WriteLine(Usage); return null; }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            {
                Console.Error.WriteLine($"{name} needs a positive whole number.\n{Usage}");
                return null;
            }
            i++;
            switch (name)
            {
                case "--probes": options = options with { Probes = value }; break;
                case "--applications": options = options with { Applications = value }; break;
                case "--clients": options = options with { Clients = value }; break;
                case "--baselines" when value <= 2: options = options with { Baselines = value }; break;
                default: Console.Error.WriteLine($"Unknown or invalid option {name}.\n{Usage}"); return null;
            }
        }
        return options;
    }
}
