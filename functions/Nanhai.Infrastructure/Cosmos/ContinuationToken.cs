using System.Text;
using Nanhai.Application.Common;

namespace Nanhai.Infrastructure.Cosmos;

/// <summary>Cosmos DB's continuation tokens are JSON; the API passes them base64url-encoded so they fit in a query string.</summary>
internal static class ContinuationToken
{
    public static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string? token)
    {
        if (token is null) return null;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
        }
        catch (FormatException)
        {
            throw new ValidationFailedException("continuation", "分页标记无效或已过期 (the continuation token is not valid)");
        }
    }
}
