namespace Nanhai.Infrastructure.Cosmos;

/// <summary>Cosmos DB ids may not contain '/', '\', '?' or '#' and are at most 255 characters; a path segment from a URL may.</summary>
internal static class CosmosIds
{
    public static bool IsValid(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 255 && id.IndexOfAny(['/', '\\', '?', '#']) < 0;
}
