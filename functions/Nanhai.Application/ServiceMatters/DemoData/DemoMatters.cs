using Microsoft.Extensions.Logging;
using Nanhai.Application.Common;
using Nanhai.Application.ServiceMatters.Catalog;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.DemoData;

/// <summary>
/// Loads the demo catalogue (<see cref="DemoMatterCatalog"/>) on one machine: each matter not yet stored is created
/// with its definition published as version 1. Matters already there, however they changed since, are left alone, so
/// running it again changes nothing.
/// </summary>
public sealed class DemoMatters(IMatterRepository matters, TimeProvider clock, ILogger<DemoMatters> logger)
{
    /// <summary>Stores the demo matters that are missing; returns how many it added.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var matter in MatterSeeds.Publish(DemoMatterCatalog.Read(), clock.GetUtcNow()))
        {
            if (await matters.FindAsync(matter.Code, cancellationToken) is not null) continue;
            try
            {
                await matters.SaveAsync(matter, expectedETag: null, cancellationToken);
                added++;
            }
            catch (ConflictException)
            {
                // Another host seeded it between the read and the write: it is there, which is all that matters.
            }
        }
        logger.LogInformation("Demo catalogue: {Added} matters added", added);
        return added;
    }
}
