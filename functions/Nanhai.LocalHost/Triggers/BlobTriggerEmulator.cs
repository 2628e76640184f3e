using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Nanhai.LocalHost.Triggers;

/// <summary>
/// The Functions blob trigger on one machine. Every poll it lists each triggered container; a blob whose ETag has no
/// receipt is processed once, with at most <see cref="LocalHostOptions.BlobConcurrency"/> at a time. Receipts are blobs
/// in azure-webjobs-hosts (as the Functions host keeps them), so a restart does not process a blob again; a changed
/// blob (new ETag) is processed again. A blob that fails <see cref="LocalHostOptions.BlobMaxAttempts"/> times is
/// given up with a poison receipt and a message on the webjobs-blobtrigger-poison queue, as in Azure.
/// </summary>
public sealed partial class BlobTriggerEmulator(
    IServiceProvider services, BlobServiceClient blobs, Azure.Storage.Queues.QueueServiceClient queues,
    IOptions<LocalHostOptions> options, ILogger<BlobTriggerEmulator> logger) : BackgroundService
{
    const string ReceiptContainer = "azure-webjobs-hosts";
    const string PoisonQueue = "webjobs-blobtrigger-poison";
    readonly ConcurrentDictionary<string, string> receipts = new(); // receipt name → processed ETag
    readonly ConcurrentDictionary<string, int> attempts = new(); // receipt name @ ETag → failures so far
    readonly ConcurrentDictionary<string, byte> inFlight = new();

    public static IReadOnlyList<BlobTriggeredFunction> Discover(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           let trigger = method.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<BlobTriggerAttribute>() is not null)
           where function is not null && trigger is not null
           select BlobTriggeredFunction.Create(function.Name, method, trigger)
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var functions = Discover(typeof(Nanhai.Functions.Program).Assembly);
        var receiptContainer = blobs.GetBlobContainerClient(ReceiptContainer);
        await Retry(() => receiptContainer.CreateIfNotExistsAsync(cancellationToken: stoppingToken), stoppingToken);
        await foreach (var receipt in receiptContainer.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = "blobreceipts/" }, stoppingToken))
            if (receipt.Metadata.TryGetValue("etag", out var etag)) receipts[receipt.Name] = etag;

        using var slots = new SemaphoreSlim(options.Value.BlobConcurrency);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var function in functions)
            {
                try
                {
                    var container = blobs.GetBlobContainerClient(function.Container);
                    await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    await foreach (var blob in container.GetBlobsAsync(cancellationToken: stoppingToken))
                    {
                        var receiptName = $"blobreceipts/{function.Name}/{function.Container}/{blob.Name}";
                        var etag = blob.Properties.ETag?.ToString() ?? "";
                        if (!function.Matches(blob.Name, out _) || receipts.GetValueOrDefault(receiptName) == etag || !inFlight.TryAdd(receiptName, 0))
                            continue;
                        await slots.WaitAsync(stoppingToken);
                        running.Add(ProcessAsync(function, container.GetBlobClient(blob.Name), etag, receiptName, receiptContainer, stoppingToken)
                            .ContinueWith(done => { inFlight.TryRemove(receiptName, out var unused); slots.Release(); }, TaskScheduler.Default));
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Blob trigger {Function}: listing {Container} failed: {Message}", function.Name, function.Container, e.Message);
                }
            }
            running.RemoveAll(t => t.IsCompleted);
            try { await Task.Delay(options.Value.BlobPollInterval, stoppingToken); } catch (OperationCanceledException) { }
        }
        await Task.WhenAll(running);
    }

    async Task ProcessAsync(BlobTriggeredFunction function, BlobClient blob, string etag, string receiptName,
        BlobContainerClient receiptContainer, CancellationToken stoppingToken)
    {
        try
        {
            _ = function.Matches(blob.Name, out var names);
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function.Method, scope.ServiceProvider, p => Bind(p, function, blob, names, stoppingToken), stoppingToken);
            await WriteReceiptAsync(receiptContainer, receiptName, etag, poisoned: false, stoppingToken);
            logger.LogInformation("Blob trigger {Function} processed {Blob} ({ETag})", function.Name, blob.Name, etag);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            var failures = attempts.AddOrUpdate($"{receiptName}@{etag}", 1, (_, n) => n + 1);
            logger.LogError(e, "Blob trigger {Function} failed on {Blob} (attempt {Attempt} of {Max})", function.Name, blob.Name, failures, options.Value.BlobMaxAttempts);
            if (failures < options.Value.BlobMaxAttempts) return;
            var poison = queues.GetQueueClient(PoisonQueue);
            await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
            await poison.SendMessageAsync(BinaryData.FromObjectAsJson(new { FunctionId = function.Name, BlobType = "BlockBlob", ContainerName = function.Container, BlobName = blob.Name, ETag = etag }), cancellationToken: stoppingToken);
            await WriteReceiptAsync(receiptContainer, receiptName, etag, poisoned: true, stoppingToken);
        }
    }

    async Task WriteReceiptAsync(BlobContainerClient container, string name, string etag, bool poisoned, CancellationToken cancellationToken)
    {
        await container.GetBlobClient(name).UploadAsync(BinaryData.Empty, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["etag"] = etag, ["poisoned"] = poisoned ? "true" : "false" },
        }, cancellationToken);
        receipts[name] = etag;
    }

    static object? Bind(ParameterInfo p, BlobTriggeredFunction function, BlobClient blob, IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        if (p == function.TriggerParameter)
        {
            if (p.ParameterType == typeof(BlobClient)) return blob;
            if (p.ParameterType == typeof(Stream)) return blob.OpenRead(cancellationToken: cancellationToken);
            if (p.ParameterType == typeof(string)) return blob.DownloadContent(cancellationToken).Value.Content.ToString();
            if (p.ParameterType == typeof(byte[])) return blob.DownloadContent(cancellationToken).Value.Content.ToArray();
        }
        return names.TryGetValue(p.Name!, out var value) ? value : FunctionInvoker.Unbound;
    }

    static async Task Retry(Func<Task> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { await action(); return; }
            catch (RequestFailedException) when (attempt < 30) { await Task.Delay(1000, cancellationToken); }
            catch (HttpRequestException) when (attempt < 30) { await Task.Delay(1000, cancellationToken); }
        }
    }
}

/// <summary>A blob-triggered function and its path pattern, e.g. <c>dumps/{unit}/{resource}/{file}</c>.</summary>
public sealed partial record BlobTriggeredFunction(string Name, MethodInfo Method, ParameterInfo TriggerParameter, string Container, Regex BlobName)
{
    static readonly Type[] BindableTypes = [typeof(BlobClient), typeof(Stream), typeof(string), typeof(byte[])];

    public static BlobTriggeredFunction Create(string name, MethodInfo method, ParameterInfo trigger)
    {
        var path = trigger.GetCustomAttribute<BlobTriggerAttribute>()!.BlobPath;
        var slash = path.IndexOf('/');
        var container = slash < 0 ? path : path[..slash];
        var pattern = slash < 0 ? "{name}" : path[(slash + 1)..];
        // {x} matches one path segment, except the last placeholder, which takes the rest of the name.
        var regex = "^" + Placeholder().Replace(Regex.Escape(pattern).Replace(@"\{", "{"), m => $"(?<{m.Groups[1].Value}>[^/]+)") + "$";
        var function = new BlobTriggeredFunction(name, method, trigger, container, new Regex(regex));
        if (!BindableTypes.Contains(trigger.ParameterType))
            throw new InvalidOperationException($"The local host cannot bind a blob trigger to {trigger.ParameterType.Name} ({name}).");
        FunctionInvoker.EnsureBindable(method, p => p == trigger || function.BlobName.GetGroupNames().Contains(p.Name));
        return function;
    }

    public bool Matches(string blobName, out IReadOnlyDictionary<string, string> names)
    {
        var match = BlobName.Match(blobName);
        names = match.Success
            ? BlobName.GetGroupNames().Where(g => g != "0").ToDictionary(g => g, g => match.Groups[g].Value)
            : new Dictionary<string, string>();
        return match.Success;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
