using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nanhai.Infrastructure.Cosmos;

/// <summary>
/// Makes sure the database and every container in <see cref="CosmosContainers.All"/> exist before the host serves
/// anything. With a key (the local stand-in) it creates what is missing. With Entra ID (Azure) it only checks,
/// because data-plane role assignments cannot create databases or containers: Bicep provisions them there.
/// While the service is not reachable yet (the stand-in still starting) it retries, for at most <see cref="Deadline"/>.
/// </summary>
sealed class CosmosResourceInitializer(CosmosClient client, IOptions<CosmosOptions> options, ILogger<CosmosResourceInitializer> logger)
    : IHostedService
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deadline = DateTime.UtcNow + Deadline;
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCancellation.CancelAfter(AttemptTimeout);
            try
            {
                if (settings.UsesEntraId) await VerifyAsync(settings.DatabaseName, attemptCancellation.Token);
                else await CreateMissingAsync(settings.DatabaseName, attemptCancellation.Token);
                logger.LogInformation("Cosmos DB database {Database} and containers {Containers} are ready at {Endpoint}.",
                    settings.DatabaseName, CosmosContainers.All.Select(c => c.Name), settings.Endpoint);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransient(exception) && DateTime.UtcNow + delay < deadline)
            {
                logger.LogWarning("Cosmos DB at {Endpoint} is not reachable yet (attempt {Attempt}: {Reason}); retrying in {Delay}.",
                    settings.Endpoint, attempt, exception.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task CreateMissingAsync(string databaseName, CancellationToken cancellationToken)
    {
        Database database = await client.CreateDatabaseIfNotExistsAsync(databaseName, cancellationToken: cancellationToken);
        foreach (var container in CosmosContainers.All)
            await database.CreateContainerIfNotExistsAsync(container.ToContainerProperties(), cancellationToken: cancellationToken);
    }

    async Task VerifyAsync(string databaseName, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var container in CosmosContainers.All)
        {
            try
            {
                await client.GetContainer(databaseName, container.Name).ReadContainerAsync(cancellationToken: cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                missing.Add(container.Name);
            }
        }
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Cosmos DB database '{databaseName}' lacks the container(s) {string.Join(", ", missing)}; provision them (infra Bicep) from CosmosContainers.");
    }

    /// <summary>Failures that go away once the service is up: no connection, timeouts, throttling, 5xx.</summary>
    static bool IsTransient(Exception exception) => exception switch
    {
        CosmosException e => e.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)e.StatusCode >= 500,
        HttpRequestException or OperationCanceledException => true,
        _ => exception.InnerException is not null && IsTransient(exception.InnerException),
    };
}
