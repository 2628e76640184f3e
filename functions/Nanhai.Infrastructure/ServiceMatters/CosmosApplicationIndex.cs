using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.ServiceMatters;

/// <summary><see cref="IApplicationIndex"/> on <see cref="CosmosContainers.ApplicationLists"/>: one entry per list an application is on.</summary>
public sealed class CosmosApplicationIndex(CosmosClient client, IOptions<CosmosOptions> options) : IApplicationIndex
{
    readonly Container container = client.GetContainer(options.Value.DatabaseName, CosmosContainers.ApplicationLists.Name);

    public async Task UpdateAsync(ServiceApplication application, CancellationToken cancellationToken = default)
    {
        var summary = ApplicationSummary.Of(application);
        await Upsert($"applicant:{summary.ApplicantSubject}", summary, cancellationToken);
        if (summary.Centre is not { } centre) return;
        if (summary.IsTerminal)
            await DeleteIfPresent($"centre:{centre}", summary.Id, cancellationToken);
        else
            await Upsert($"centre:{centre}", summary, cancellationToken);
    }

    public Task<IReadOnlyList<ApplicationSummary>> ListForApplicantAsync(string subject, int max, CancellationToken cancellationToken = default) =>
        QueryAsync($"applicant:{subject}", $"SELECT TOP {max} VALUE c.summary FROM c ORDER BY c.summary.updatedAt DESC", cancellationToken);

    public Task<IReadOnlyList<ApplicationSummary>> ListOpenForCentreAsync(string centre, CancellationToken cancellationToken = default) =>
        QueryAsync($"centre:{centre}", "SELECT VALUE c.summary FROM c", cancellationToken);

    async Task<IReadOnlyList<ApplicationSummary>> QueryAsync(string list, string sql, CancellationToken cancellationToken)
    {
        var found = new List<ApplicationSummary>();
        using var iterator = container.GetItemQueryIterator<ApplicationSummary>(sql, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(list) });
        while (iterator.HasMoreResults) found.AddRange(await iterator.ReadNextAsync(cancellationToken));
        return found;
    }

    Task Upsert(string list, ApplicationSummary summary, CancellationToken cancellationToken) =>
        container.UpsertItemAsync(new Entry(summary.Id, list, summary), new PartitionKey(list), cancellationToken: cancellationToken);

    async Task DeleteIfPresent(string list, string id, CancellationToken cancellationToken)
    {
        try { await container.DeleteItemAsync<Entry>(id, new PartitionKey(list), cancellationToken: cancellationToken); }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound) { }
    }

    sealed record Entry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("list")] string List,
        [property: JsonPropertyName("summary")] ApplicationSummary Summary);
}
