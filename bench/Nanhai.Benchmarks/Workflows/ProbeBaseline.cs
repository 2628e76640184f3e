using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Nanhai.Benchmarks.Workflows;

/// <summary>
/// The ceiling: the lightest workflow the deployed app has, the workflow probe (流程引擎探针) with a 1 s timeout — one
/// activity (event store append + integration event), a race between an external event and a 1 s durable timer, a
/// second activity. N probes are started at once; a probe counts when its instance is Completed, at the completion
/// time the backend recorded (lastUpdatedAt), so the poller's interval does not blur the figure. The rate is N over the
/// time from the first start request to the last completion.
/// It is not a trivial orchestration — two activities that each append to the event store (Cosmos) and publish to a
/// storage queue, plus a durable timer — but it is the lightest the app has; a bare orchestration would go faster, and
/// measuring one would need product code.
/// </summary>
public static class ProbeBaseline
{
    const int StartConcurrency = 16;
    const int PollConcurrency = 4; // probes polled at once, oldest first
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public sealed record Result(int Count, double Seconds, double PerSecond, double StartP50Ms, double StartP99Ms,
        double DurationP50Seconds, double DurationMaxSeconds, int Polls, IReadOnlyDictionary<string, TimeSpan> Cpu);

    public static async Task<Result> RunAsync(PlatformClient client, BenchStack stack, int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var token = client.Token("district-admin", "bench-operator");
        var startLatencies = new ConcurrentBag<double>();
        var started = new ConcurrentBag<(string Id, long Sent)>();
        var completedAt = new ConcurrentDictionary<string, (DateTimeOffset Created, DateTimeOffset Completed)>();

        var cpu = CpuMeter.Start(stack);
        var begun = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        await Bench.ForEachAsync(Enumerable.Range(0, count), StartConcurrency, timeout.Token, async (_, ct) =>
        {
            var sent = Stopwatch.GetTimestamp();
            var probe = await client.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "api/diagnostics/workflow-probes", token,
                new { timeoutSeconds = 1 }, ct);
            startLatencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            started.Add((probe.GetProperty("probeId").GetString()!, sent));
        });

        // Poll the oldest probes still running, a few at a time: the completion times come from the backend, so polling
        // only has to notice the end, and a light poller takes little from the backend it measures.
        var running = new List<string>(started.OrderBy(p => p.Sent).Select(p => p.Id));
        var polls = 0;
        try
        {
            while (running.Count > 0)
            {
                var batch = running.Take(PollConcurrency).ToArray();
                var done = await Task.WhenAll(batch.Select(async id =>
                {
                    var view = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"api/diagnostics/workflow-probes/{id}", token, null, timeout.Token);
                    switch (view.GetProperty("runtimeStatus").GetString())
                    {
                        case "Completed":
                            completedAt[id] = (view.GetProperty("createdAt").GetDateTimeOffset(), view.GetProperty("lastUpdatedAt").GetDateTimeOffset());
                            return true;
                        case "Failed" or "Terminated":
                            throw new InvalidOperationException($"Probe {id} ended {view}");
                        default:
                            return false;
                    }
                }));
                polls += batch.Length;
                running.RemoveAll(completedAt.ContainsKey);
                if (done.Contains(false)) await Task.Delay(PollPause, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{running.Count} of {count} probes did not complete within {Timeout.TotalMinutes} min.");
        }
        var observed = wall.Elapsed.TotalSeconds;
        var seconds = (completedAt.Values.Max(c => c.Completed) - begun).TotalSeconds;
        var durations = completedAt.Values.Select(c => (c.Completed - c.Created).TotalSeconds).ToArray();
        Bench.Log($"probes: {count} completed in {seconds:F2} s (last seen after {observed:F2} s, {polls} status polls)");
        return new Result(count, seconds, count / seconds, Bench.Percentile(startLatencies, 50), Bench.Percentile(startLatencies, 99),
            Bench.Percentile(durations, 50), durations.Max(), polls, cpu.Stop());
    }
}
