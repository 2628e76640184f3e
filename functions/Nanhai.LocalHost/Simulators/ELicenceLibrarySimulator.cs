using System.Reflection;
using System.Text.Json;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.Identifiers;
using Nanhai.Infrastructure.ELicences;

namespace Nanhai.LocalHost.Simulators;

/// <summary>
/// A stand-in for the provincial e-licence library (省电子证照库) on one machine, serving the same HTTP contract as
/// <see cref="IProvincialELicenceApi"/> from seeded demo licences, with the same key check. Not part of the platform's
/// API: it answers under /simulators/, never under /api/.
/// </summary>
public static class ELicenceLibrarySimulator
{
    public const string Prefix = "/simulators/elicence";

    static readonly Lazy<IReadOnlyList<ELicenceRecord>> Licences = new(() =>
    {
        using var data = Assembly.GetExecutingAssembly().GetManifestResourceStream("Nanhai.LocalHost.Simulators.elicence-library.json")!;
        using var document = JsonDocument.Parse(data);
        var licences = document.RootElement.GetProperty("licences").Deserialize<List<ELicenceRecord>>(JsonSerializerOptions.Web)!;
        // Seed data is hand-written: refuse a licence type the platform does not know or a holder id that fails its checksum.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var l in licences)
            if (!ELicenceType.TryFind(l.Type, out _)
                || !(ResidentIdentityNumber.TryParse(l.HolderId, today, out _)
                     || UnifiedSocialCreditCode.Validate(l.HolderId).IsAccepted))
                throw new InvalidDataException($"Simulator licence {l.LicenceNumber}: unknown type '{l.Type}' or invalid holder id '{l.HolderId}'.");
        return licences;
    });

    public static IEndpointRouteBuilder MapELicenceLibrarySimulator(this IEndpointRouteBuilder endpoints, string apiKey)
    {
        _ = Licences.Value; // bad seed data stops the host at start-up, not at the first request
        endpoints.MapGet($"{Prefix}/api/v1/licences", (HttpRequest request, string? holderId, string[]? type) =>
        {
            if (request.Headers["X-Api-Key"] != apiKey)
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown application key");
            if (string.IsNullOrWhiteSpace(holderId))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["holderId"] = ["required"] });
            var types = type is { Length: > 0 } ? type.ToHashSet(StringComparer.Ordinal) : null;
            var found = Licences.Value.Where(l => l.HolderId == holderId.Trim().ToUpperInvariant() && (types is null || types.Contains(l.Type))).ToList();
            return Results.Ok(new ELicenceSearchResponse(found));
        }).ExcludeFromDescription();
        return endpoints;
    }
}
