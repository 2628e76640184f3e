using System.Text.Json.Serialization;
using Refit;

namespace Nanhai.Infrastructure.ELicences;

/// <summary>
/// The provincial e-licence library's HTTP API (省电子证照库共享接口) as the district calls it: licences by holder and
/// type, authorised by the district's application key.
/// </summary>
public interface IProvincialELicenceApi
{
    [Get("/api/v1/licences")]
    Task<ELicenceSearchResponse> SearchAsync(
        [AliasAs("holderId")] string holderId,
        [Query(CollectionFormat.Multi), AliasAs("type")] IEnumerable<string> types,
        [Header("X-Api-Key")] string apiKey,
        CancellationToken cancellationToken = default);
}

public sealed record ELicenceSearchResponse(IReadOnlyList<ELicenceRecord> Licences);

/// <summary>One licence as the library returns it.</summary>
public sealed record ELicenceRecord(
    [property: JsonPropertyName("licenceNumber")] string LicenceNumber,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("holderId")] string HolderId,
    [property: JsonPropertyName("holderName")] string HolderName,
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("issuedOn")] DateOnly IssuedOn,
    [property: JsonPropertyName("validUntil")] DateOnly? ValidUntil,
    [property: JsonPropertyName("trustLevel")] string TrustLevel);
