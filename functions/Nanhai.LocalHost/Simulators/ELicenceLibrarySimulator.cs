using System.Reflection;
using System.Text.Json;
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
        return document.RootElement.GetProperty("licences").Deserialize<List<ELicenceRecord>>(JsonSerializerOptions.Web)!;
    });

    public static IReadOnlyList<ELicenceRecord> SeededLicences => Licences.Value;

    public static IEndpointRouteBuilder MapELicenceLibrarySimulator(this IEndpointRouteBuilder endpoints, string apiKey)
    {
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
