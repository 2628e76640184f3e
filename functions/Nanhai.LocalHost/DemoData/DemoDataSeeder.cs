using Microsoft.Extensions.Options;
using Nanhai.Application.Catalog.DemoData;
using Nanhai.Application.ServiceMatters.DemoData;

namespace Nanhai.LocalHost.DemoData;

/// <summary>
/// Loads the demo data at start-up when LocalHost:SeedDemoData is on (./nanhai up turns it on), before the host reports
/// healthy, so the URLs it prints already show a catalogue. Each capability's seeding adds nothing that is already there.
/// </summary>
public sealed class DemoDataSeeder(IServiceProvider services, IOptions<LocalHostOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoMatters>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoResources>().SeedAsync(cancellationToken);
        if (options.Value.SeedDemoDumps) await scope.ServiceProvider.GetRequiredService<DemoDumps>().DropAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
