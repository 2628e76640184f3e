using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.ELicences;
using Nanhai.Domain.ELicences;
using Nanhai.Infrastructure.ELicences;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

/// <summary>The platform's e-licence library client (Refit, resilience) against the local host's simulator.</summary>
public sealed class ELicenceLibraryTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    IELicenceLibrary Library(string apiKey, int? port = null) => new ServiceCollection()
        .AddNanhaiELicenceLibrary(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ELicenceLibrary:BaseUrl"] = $"http://127.0.0.1:{port ?? platform.Host.HttpPort}/simulators/elicence/",
            ["ELicenceLibrary:ApiKey"] = apiKey,
            ["ELicenceLibrary:Timeout"] = "00:00:04",
        }).Build())
        .BuildServiceProvider().GetRequiredService<IELicenceLibrary>();

    [Fact]
    public async Task An_applicants_licences_of_the_asked_types_come_back_with_their_trust_levels()
    {
        var licences = await Library("local-simulator").FindAsync("440605199207180043", ["real-estate-certificate", "driving-licence", "marriage-certificate"]);

        Assert.Equal(
            [("driving-licence", ELicenceTrustLevel.C), ("real-estate-certificate", ELicenceTrustLevel.B)],
            licences.Select(l => (l.Type, l.TrustLevel)).Order());
        Assert.All(licences, l => Assert.Equal("梁志强", l.HolderName));
        Assert.False(licences.Single(l => l.Type == "driving-licence").TrustLevel.ReplacesMaterialWithoutOriginal());
    }

    [Fact]
    public async Task A_holder_without_licences_gets_none()
    {
        Assert.Empty(await Library("local-simulator").FindAsync("440605196011050016", ["resident-id-card"]));
        Assert.Empty(await Library("local-simulator").FindAsync("440605198503120024", []));
    }

    [Fact]
    public async Task A_library_that_refuses_or_does_not_answer_is_reported_as_unavailable_not_as_no_licences()
    {
        await Assert.ThrowsAsync<ELicenceLibraryUnavailableException>(() =>
            Library("wrong-key").FindAsync("440605198503120024", ["resident-id-card"]));
        await Assert.ThrowsAsync<ELicenceLibraryUnavailableException>(() =>
            Library("local-simulator", port: ManagedProcess.FreePort()).FindAsync("440605198503120024", ["resident-id-card"]));
    }
}
