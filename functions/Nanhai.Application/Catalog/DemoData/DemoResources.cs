using Microsoft.Extensions.Logging;
using Nanhai.Application.Common;
using Nanhai.Domain.Catalog;

namespace Nanhai.Application.Catalog.DemoData;

/// <summary>
/// Loads the demo data-resource catalog (<see cref="DemoCatalog"/>) on one machine: every unit, and each resource not yet
/// stored as version 1. Resources already there, however they changed since, are left alone, so running it again changes
/// nothing.
/// </summary>
public sealed class DemoResources(ICatalogStore catalog, TimeProvider clock, ILogger<DemoResources> logger)
{
    public const string SeededBy = "demo-data";

    /// <summary>Stores the units and the resources that are missing; returns how many resources it added.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var demo = DemoCatalog.Read();
        foreach (var unit in demo.Units)
            await catalog.SaveUnitAsync(unit, cancellationToken);
        var added = 0;
        foreach (var seed in demo.Resources)
        {
            if (await catalog.FindResourceAsync(seed.Code, cancellationToken) is not null) continue;
            try
            {
                await catalog.SaveResourceAsync(Resource.Register(seed.Code, seed.Unit, seed.Definition, SeededBy, clock.GetUtcNow()), null, cancellationToken);
                added++;
            }
            catch (ConflictException)
            {
                // Another host seeded it between the read and the write: it is there, which is all that matters.
            }
        }
        logger.LogInformation("Demo data-resource catalog: {Units} units, {Added} resources added", demo.Units.Count, added);
        return added;
    }
}
