using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nanhai.Application.Common;

namespace Nanhai.Functions.Http;

/// <summary>Reads a JSON request body, turning malformed JSON into a field-level validation failure instead of a 500.</summary>
public static class RequestBody
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the body as <typeparamref name="T"/>, with <paramref name="options"/> when the type has its own JSON shape (e.g. MatterJson).</summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpRequest request, JsonSerializerOptions? options = null)
    {
        if (request.ContentLength is 0 || request.Body is null)
            throw new ValidationFailedException("body", "请求体不能为空 (a JSON body is required).");
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options ?? Options, request.HttpContext.RequestAborted)
                ?? throw new ValidationFailedException("body", "请求体不能为空 (a JSON body is required).");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw new ValidationFailedException(field, $"JSON 格式有误 (malformed JSON): {e.Message}");
        }
    }
}
