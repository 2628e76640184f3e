using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks.Workflows;

/// <summary>
/// The measured workload: M applications for 医疗机构执业登记 (NH-WJJ-0001, every material uploaded) submitted through the
/// API as the mini-program does — upload URLs, PUTs to blob storage, then POST /api/applications with an Idempotency-Key —
/// by C clients at once, while staff of the 桂城 centre watch their queue and accept each application as soon as the
/// workflow has pre-checked and routed it. An application counts when its accept succeeds; the rate is M over the time
/// from the first submit to the last accept. Uploads happen before that window (they are the applicants' typing time).
/// </summary>
public static class ApplicationWorkload
{
    // The integration tests' application (医疗机构执业登记, every material uploaded), so that both exercise the same matter.
    const string Matter = ApplicationClient.Matter;
    const string Centre = "guicheng";
    static readonly string[] MaterialIds = ApplicationClient.MaterialIds;
    static readonly byte[] Pdf = "%PDF-1.7 demo material file"u8.ToArray();
    const int StaffConcurrency = 4;
    static readonly TimeSpan StaffPollPause = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    sealed class Application(int index, string runId)
    {
        public string Subject { get; } = $"bench-{runId}-{index:D4}";
        public string IdempotencyKey { get; } = $"bench-{runId}-{index:D4}";
        public JsonObject Body { get; set; } = [];
        public string? Id { get; set; }
        public double SubmitMs { get; set; }
        public DateTimeOffset SubmitSent { get; set; }
        public DateTimeOffset Submitted { get; set; }
        public DateTimeOffset? WorkflowRan { get; set; }
        public DateTimeOffset? SeenAwaiting { get; set; }
        public double AcceptMs { get; set; }
        public DateTimeOffset? Accepted { get; set; }
    }

    public sealed record Result(
        int Count, int Clients, double PrepareSeconds, int Uploads, double Seconds, double PerSecond, double SubmitPhaseSeconds,
        double SubmitP50Ms, double SubmitP99Ms, double SubmitMaxMs, double SubmitMeanMs,
        double ToWorkflowP50Seconds, double ToWorkflowP99Seconds, double ToRoutedP50Seconds, double ToRoutedP99Seconds,
        double AcceptP50Ms, double AcceptP99Ms, double EndToEndP50Seconds, double EndToEndP99Seconds, double EndToEndMaxSeconds,
        int Conflicts, int QueuePolls, IReadOnlyDictionary<string, TimeSpan> Cpu);

    public static async Task<Result> RunAsync(PlatformClient client, BenchStack stack, int count, int clients, string runId,
        CancellationToken cancellationToken)
    {
        using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        phase.CancelAfter(Timeout);
        var applications = Enumerable.Range(0, count).Select(i => new Application(i, runId)).ToArray();

        // The applicants' uploads, before the measured window.
        var preparing = Stopwatch.StartNew();
        await Bench.ForEachAsync(applications, clients, phase.Token, async (application, ct) => application.Body = await BodyAsync(client, application, ct));
        var prepareSeconds = preparing.Elapsed.TotalSeconds;

        var byId = new ConcurrentDictionary<string, Application>();
        var cpu = CpuMeter.Start(stack);
        var begun = DateTimeOffset.UtcNow;
        var submit = SubmitAllAsync();
        var staff = StaffAsync(client, byId, count, phase.Token);
        double submitPhaseSeconds;
        (int Conflicts, int Polls) staffWork;
        try
        {
            // Whichever fails first stops the other, and its error is the one reported.
            var first = await Task.WhenAny(submit, staff);
            if (!first.IsCompletedSuccessfully)
            {
                await phase.CancelAsync();
                await first;
            }
            submitPhaseSeconds = await submit;
            staffWork = await staff;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Not every application was accepted within {Timeout.TotalMinutes} min: "
                + await StuckAsync(client, applications, cancellationToken));
        }

        var seconds = (applications.Max(a => a.Accepted!.Value) - begun).TotalSeconds;
        var submitMs = applications.Select(a => a.SubmitMs).ToArray();
        var toWorkflow = applications.Select(a => (a.WorkflowRan!.Value - a.Submitted).TotalSeconds).ToArray();
        var toRouted = applications.Select(a => (a.SeenAwaiting!.Value - a.Submitted).TotalSeconds).ToArray();
        var acceptMs = applications.Select(a => a.AcceptMs).ToArray();
        var endToEnd = applications.Select(a => (a.Accepted!.Value - a.SubmitSent).TotalSeconds).ToArray();
        Bench.Log($"applications: {count} submitted and accepted in {seconds:F2} s ({staffWork.Conflicts} accept conflicts, {staffWork.Polls} queue polls)");
        return new Result(count, clients, prepareSeconds, count * MaterialIds.Length, seconds, count / seconds, submitPhaseSeconds,
            Bench.Percentile(submitMs, 50), Bench.Percentile(submitMs, 99), submitMs.Max(), submitMs.Average(),
            Bench.Percentile(toWorkflow, 50), Bench.Percentile(toWorkflow, 99), Bench.Percentile(toRouted, 50), Bench.Percentile(toRouted, 99),
            Bench.Percentile(acceptMs, 50), Bench.Percentile(acceptMs, 99),
            Bench.Percentile(endToEnd, 50), Bench.Percentile(endToEnd, 99), endToEnd.Max(), staffWork.Conflicts, staffWork.Polls, cpu.Stop());

        async Task<double> SubmitAllAsync()
        {
            var submitting = Stopwatch.StartNew();
            await Bench.ForEachAsync(applications, clients, phase.Token, async (application, ct) =>
            {
                var token = client.Token("applicant", application.Subject);
                application.SubmitSent = DateTimeOffset.UtcNow;
                var sent = Stopwatch.GetTimestamp();
                var received = await client.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "api/applications", token, application.Body, ct,
                    application.IdempotencyKey);
                application.SubmitMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                application.Submitted = DateTimeOffset.UtcNow;
                application.Id = received.GetProperty("applicationId").GetString()!;
                byId[application.Id] = application;
            });
            return submitting.Elapsed.TotalSeconds;
        }
    }

    /// <summary>
    /// 桂城 centre staff: read the centre's queue (GET /api/centres/guicheng/queue — staff cannot open an application by id,
    /// the queue is their view) and accept every application of this run that waits for acceptance, until all are accepted.
    /// </summary>
    static async Task<(int Conflicts, int Polls)> StaffAsync(PlatformClient client, ConcurrentDictionary<string, Application> byId, int count,
        CancellationToken cancellationToken)
    {
        var token = client.Token("centre-staff", $"bench-staff-{Centre}", Centre);
        int accepted = 0, conflicts = 0, polls = 0;
        while (accepted < count)
        {
            var queue = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"api/centres/{Centre}/queue", token, null, cancellationToken);
            polls++;
            var seen = DateTimeOffset.UtcNow;
            var waiting = new List<Application>();
            foreach (var entry in queue.EnumerateArray())
            {
                var summary = entry.GetProperty("application");
                if (summary.GetProperty("status").GetString() != "AwaitingAcceptance"
                    || !byId.TryGetValue(summary.GetProperty("id").GetString()!, out var application) || application.Accepted is not null) continue;
                // While it waits for acceptance, the application's last change is its routing, stamped with the time the
                // workflow's episode started (the orchestrator's current time, passed to the pre-check activity).
                application.WorkflowRan ??= summary.GetProperty("updatedAt").GetDateTimeOffset();
                application.SeenAwaiting ??= seen;
                waiting.Add(application);
            }
            if (waiting.Count == 0)
            {
                await Task.Delay(StaffPollPause, cancellationToken);
                continue;
            }
            await Bench.ForEachAsync(waiting, StaffConcurrency, cancellationToken, async (application, ct) =>
            {
                var sent = Stopwatch.GetTimestamp();
                var (status, body) = await client.SendAsync(HttpMethod.Post, $"api/applications/{application.Id}/decisions", token,
                    new { action = "accept" }, ct);
                if (status == HttpStatusCode.Conflict) { Interlocked.Increment(ref conflicts); return; } // the next poll retries it
                if (status != HttpStatusCode.OK) throw new InvalidOperationException($"accept {application.Id}: {(int)status} {body}");
                application.AcceptMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                application.Accepted = DateTimeOffset.UtcNow;
                Interlocked.Increment(ref accepted);
            });
        }
        return (conflicts, polls);
    }

    static async Task<JsonObject> BodyAsync(PlatformClient client, Application application, CancellationToken cancellationToken)
    {
        var token = client.Token("applicant", application.Subject);
        var materials = new JsonArray();
        foreach (var materialId in MaterialIds)
        {
            var granted = await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/material-uploads", token,
                new { matterCode = Matter, materialId, contentType = "application/pdf", sizeBytes = Pdf.Length }, cancellationToken);
            using var put = new HttpRequestMessage(HttpMethod.Put, granted.GetProperty("uploadUrl").GetString())
            {
                Content = new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } },
            };
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            using var uploaded = await client.Http.SendAsync(put, cancellationToken);
            if (uploaded.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"PUT upload: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync(cancellationToken)}");
            materials.Add(new JsonObject { ["materialId"] = materialId, ["uploadId"] = granted.GetProperty("uploadId").GetString() });
        }
        return new JsonObject
        {
            ["matterCode"] = Matter,
            ["applicant"] = new JsonObject { ["kind"] = "person", ["identifier"] = "440605198503120024", ["name"] = "陈美玲", ["phone"] = "13800138000" },
            ["centre"] = Centre,
            ["answers"] = JsonNode.Parse(ApplicationClient.Answers),
            ["delivery"] = new JsonObject { ["option"] = "windowPickUp" },
            ["materials"] = materials,
        };
    }

    /// <summary>Where the applications that were not accepted stand, from the applicants' view.</summary>
    static async Task<string> StuckAsync(PlatformClient client, IEnumerable<Application> applications, CancellationToken cancellationToken)
    {
        var statuses = new List<string>();
        foreach (var application in applications.Where(a => a.Accepted is null))
        {
            if (application.Id is null) { statuses.Add("not submitted"); continue; }
            var (status, body) = await client.SendAsync(HttpMethod.Get, $"api/applications/{application.Id}", client.Token("applicant", application.Subject),
                null, cancellationToken);
            statuses.Add(status == HttpStatusCode.OK ? body.GetProperty("status").GetProperty("code").GetString() ?? "?" : $"HTTP {(int)status}");
        }
        return string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"));
    }
}
