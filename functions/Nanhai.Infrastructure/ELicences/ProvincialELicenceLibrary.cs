using Microsoft.Extensions.Options;
using Nanhai.Application.ELicences;
using Nanhai.Domain.ELicences;
using Refit;

namespace Nanhai.Infrastructure.ELicences;

/// <summary>The e-licence library over its HTTP API (<see cref="IProvincialELicenceApi"/>).</summary>
public sealed class ProvincialELicenceLibrary(IProvincialELicenceApi api, IOptions<ELicenceLibraryOptions> options) : IELicenceLibrary
{
    public async Task<IReadOnlyList<ELicence>> FindAsync(string holderId, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default)
    {
        if (types.Count == 0) return [];
        ELicenceSearchResponse response;
        try
        {
            response = await api.SearchAsync(holderId, types, options.Value.ApiKey, cancellationToken);
        }
        catch (Exception e) when (e is ApiException or ApiRequestException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                      or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new ELicenceLibraryUnavailableException($"The provincial e-licence library did not answer: {e.Message}", e);
        }
        return [.. response.Licences.Select(ToLicence)];
    }

    static ELicence ToLicence(ELicenceRecord r) => new(
        r.LicenceNumber, r.Type, r.HolderId, r.HolderName, r.Issuer, r.IssuedOn, r.ValidUntil,
        Enum.TryParse<ELicenceTrustLevel>(r.TrustLevel, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : ELicenceTrustLevel.D); // an unknown level is trusted least: staff check the original
}
