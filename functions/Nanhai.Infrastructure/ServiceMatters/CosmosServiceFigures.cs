using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Nanhai.Application.ServiceMatters.Statistics;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.Infrastructure.Cosmos;

namespace Nanhai.Infrastructure.ServiceMatters;

/// <summary>
/// <see cref="IServiceFigures"/> as aggregate queries over the applicants' list entries (one per application) and the
/// catalogue's listings. Each figure is one COUNT or SUM (no GROUP BY, which the local stand-in lacks). At the district's
/// full volume these cross-partition aggregates should give way to counters kept by a change-feed processor.
/// </summary>
public sealed class CosmosServiceFigures(CosmosClient client, IOptions<CosmosOptions> options) : IServiceFigures
{
    readonly Container lists = client.GetContainer(options.Value.DatabaseName, CosmosContainers.ApplicationLists.Name);
    readonly Container matters = client.GetContainer(options.Value.DatabaseName, CosmosContainers.Matters.Name);
    const string Applications = "FROM c WHERE STARTSWITH(c.list, 'applicant:')";
    const string Concluded = Applications + " AND IS_NUMBER(c.summary.workingDaysUsed)";

    public async Task<IReadOnlyDictionary<HandlingLevel, long>> ApplicationsByLevelAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<HandlingLevel, long>();
        foreach (var level in Enum.GetValues<HandlingLevel>())
            counts[level] = await lists.ScalarAsync(new QueryDefinition($"SELECT VALUE COUNT(1) {Applications} AND c.summary.level = @level")
                .WithParameter("@level", level.ToString()), cancellationToken);
        return counts;
    }

    public async Task<ConcludedFigures> ConcludedAsync(CancellationToken cancellationToken = default) => new(
        await lists.ScalarAsync(new QueryDefinition($"SELECT VALUE COUNT(1) {Concluded}"), cancellationToken),
        await lists.ScalarAsync(new QueryDefinition($"SELECT VALUE SUM(c.summary.workingDaysUsed) {Concluded}"), cancellationToken),
        await lists.ScalarAsync(new QueryDefinition($"SELECT VALUE SUM(c.summary.promisedWorkingDays) {Concluded}"), cancellationToken),
        await lists.ScalarAsync(new QueryDefinition($"SELECT VALUE COUNT(1) {Concluded} AND c.summary.concludedOnTime = true"), cancellationToken));

    public Task<long> SubmittedAsync(DateTimeOffset from, DateTimeOffset to, HandlingLevel? level, string? centre, CancellationToken cancellationToken = default)
    {
        var query = $"SELECT VALUE COUNT(1) {Applications} AND c.summary.submittedAt >= @from AND c.summary.submittedAt < @to"
            + (level is null ? "" : " AND c.summary.level = @level") + (centre is null ? "" : " AND c.summary.centre = @centre");
        return lists.ScalarAsync(new QueryDefinition(query)
            .WithParameter("@from", QueryInstants.Of(from)).WithParameter("@to", QueryInstants.Of(to))
            .WithParameter("@level", level?.ToString()).WithParameter("@centre", centre), cancellationToken);
    }

    public Task<long> OpenEscalatedAsync(EscalationLevel level, CancellationToken cancellationToken = default) =>
        lists.ScalarAsync(new QueryDefinition($"SELECT VALUE COUNT(1) {Applications} AND c.summary.isTerminal = false AND c.summary.escalation = @escalation")
            .WithParameter("@escalation", level.ToString()), cancellationToken);

    public async Task<(long Total, IReadOnlyDictionary<MatterAttribute, long> ByAttribute)> MattersAsync(CancellationToken cancellationToken = default)
    {
        const string Listed = "FROM c WHERE IS_DEFINED(c.listing) AND NOT IS_NULL(c.listing)";
        var byAttribute = new Dictionary<MatterAttribute, long>();
        foreach (var attribute in MatterAttributes.All)
            byAttribute[attribute] = await matters.ScalarAsync(new QueryDefinition($"SELECT VALUE COUNT(1) {Listed} AND ARRAY_CONTAINS(c.listing.attributes, @a)")
                .WithParameter("@a", attribute.Code()), cancellationToken);
        return (await matters.ScalarAsync(new QueryDefinition($"SELECT VALUE COUNT(1) {Listed}"), cancellationToken), byAttribute);
    }
}
