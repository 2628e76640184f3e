using static Nanhai.Benchmarks.ReportText;

namespace Nanhai.Benchmarks.Workflows;

/// <summary>The figures of one run as Markdown tables (ready to paste into a note), every rate beside its baseline.</summary>
public static class WorkflowReport
{
    public sealed record WallTimes(TimeSpan Startup, TimeSpan Warmup, TimeSpan Total);

    public static void Print(TextWriter output, MachineFacts machine, IReadOnlyList<ProbeBaseline.Result> baselines,
        ApplicationWorkload.Result workload, WallTimes wall)
    {
        var baseline = baselines.Average(b => b.PerSecond);
        var w = workload;
        var rows = new List<(string Figure, string Value)>();
        for (var i = 0; i < baselines.Count; i++)
        {
            var b = baselines[i];
            var when = baselines.Count == 1 ? "" : i == 0 ? ", before the workload" : ", after the workload";
            rows.Add(($"baseline: workflow probes completed/s (N={b.Count} started at once{when})", $"{F(b.PerSecond, 2)} /s ({b.Count} in {F(b.Seconds, 2)} s)"));
        }
        if (baselines.Count > 1) rows.Add(("baseline used: mean of the runs", $"{F(baseline, 2)} /s"));
        rows.Add(($"applications submitted→accepted/s (M={w.Count}, {w.Clients} clients)", $"{F(w.PerSecond, 2)} /s ({w.Count} in {F(w.Seconds, 2)} s)"));
        rows.Add(("**ratio: applications/s ÷ baseline probes/s**", $"**{F(w.PerSecond / baseline, 3)}**"));
        rows.Add(("submit latency, POST /api/applications: p50 / p99 / max (mean)",
            $"{F(w.SubmitP50Ms, 0)} / {F(w.SubmitP99Ms, 0)} / {F(w.SubmitMaxMs, 0)} ms ({F(w.SubmitMeanMs, 0)})"));
        rows.Add(("submits: all M by C clients", $"{F(w.SubmitPhaseSeconds, 2)} s ({F(w.Count / w.SubmitPhaseSeconds, 2)} /s)"));
        rows.Add(("submitted → workflow's first episode (orchestrator time of routing): p50 / p99", $"{F(w.ToWorkflowP50Seconds, 2)} / {F(w.ToWorkflowP99Seconds, 2)} s"));
        rows.Add(("submitted → staff see it awaiting acceptance (queue polled every 250 ms): p50 / p99", $"{F(w.ToRoutedP50Seconds, 2)} / {F(w.ToRoutedP99Seconds, 2)} s"));
        rows.Add(("accept latency, POST …/decisions: p50 / p99", $"{F(w.AcceptP50Ms, 0)} / {F(w.AcceptP99Ms, 0)} ms"));
        rows.Add(("one application, submit sent → accepted: p50 / p99 / max", $"{F(w.EndToEndP50Seconds, 2)} / {F(w.EndToEndP99Seconds, 2)} / {F(w.EndToEndMaxSeconds, 2)} s"));
        rows.Add(("accepts answered 409 and retried / queue polls", $"{w.Conflicts} / {w.QueuePolls}"));
        foreach (var (b, i) in baselines.Select((b, i) => (b, i)))
            rows.Add(($"probe {(baselines.Count > 1 ? (i == 0 ? "(before) " : "(after) ") : "")}start POST p50 / p99; created → completed p50 / max (1 s timer inside); status polls",
                $"{F(b.StartP50Ms, 0)} / {F(b.StartP99Ms, 0)} ms; {F(b.DurationP50Seconds, 2)} / {F(b.DurationMaxSeconds, 2)} s; {b.Polls}"));
        rows.Add(("uploads before the window (URL + PUT, C clients)", $"{w.Uploads} in {F(w.PrepareSeconds, 2)} s"));
        rows.Add(("wall: start-up / warm-up / total run", $"{F(wall.Startup.TotalSeconds, 1)} / {F(wall.Warmup.TotalSeconds, 1)} / {F(wall.Total.TotalSeconds, 1)} s"));

        output.WriteLine();
        output.WriteLine("Nanhai benchmark: submitted-to-accepted applications against the durable backend's ceiling (workflow probes), one run");
        Machine(output, machine);
        output.WriteLine();
        Table(output, ["figure", "value"], rows.Select(r => new[] { r.Figure, r.Value }));

        // Where the time went: CPU seconds of each process during each measured phase, and per workflow.
        var phases = baselines.Select((b, i) => (Name: baselines.Count == 1 ? "baseline" : i == 0 ? "baseline before" : "baseline after", b.Cpu, b.Count))
            .Append((Name: "workload", Cpu: w.Cpu, Count: w.Count)).ToList();
        var processes = phases.SelectMany(p => p.Cpu.Keys).Distinct().ToList();
        var header = new List<string> { "CPU seconds (2 cores = 2 per wall second)" };
        header.AddRange(phases.Select(p => p.Name));
        header.Add("ms per probe (mean) / per application");
        var cpuRows = processes.Select(process =>
        {
            var row = new List<string> { process };
            row.AddRange(phases.Select(p => F(p.Cpu.GetValueOrDefault(process).TotalSeconds, 2)));
            var perProbe = baselines.Average(b => b.Cpu.GetValueOrDefault(process).TotalMilliseconds / b.Count);
            row.Add($"{F(perProbe, 1)} / {F(w.Cpu.GetValueOrDefault(process).TotalMilliseconds / w.Count, 1)}");
            return row.ToArray();
        }).ToList();
        var totals = new List<string> { "all" };
        totals.AddRange(phases.Select(p => F(p.Cpu.Values.Sum(c => c.TotalSeconds), 2)));
        totals.Add($"{F(baselines.Average(b => b.Cpu.Values.Sum(c => c.TotalMilliseconds) / b.Count), 1)} / {F(w.Cpu.Values.Sum(c => c.TotalMilliseconds) / w.Count, 1)}");
        cpuRows.Add([.. totals]);
        var wallRow = new List<string> { "wall seconds of the phase" };
        wallRow.AddRange(baselines.Select(b => F(b.Seconds, 2)).Append(F(w.Seconds, 2)));
        wallRow.Add("");
        cpuRows.Add([.. wallRow]);
        output.WriteLine();
        Table(output, [.. header], cpuRows);
        output.WriteLine();
    }
}
