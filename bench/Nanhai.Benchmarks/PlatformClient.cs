using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.Benchmarks;

/// <summary>The platform's HTTP API as its clients call it, with development tokens (issued once per caller, before timing).</summary>
public sealed class PlatformClient(HttpClient http, Uri baseAddress)
{
    readonly ConcurrentDictionary<(string Role, string Subject, string? Centre), string> tokens = new();

    public HttpClient Http => http;

    public string Token(string role, string subject, string? centre = null) =>
        tokens.GetOrAdd((role, subject, centre), key => LocalHostProcess.Token(key.Role, key.Subject, centre: key.Centre));

    /// <summary>Sends a request and returns its status and JSON body (default when there is none), whatever the status.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? token, object? json,
        CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (json is not null) request.Content = JsonContent.Create(json);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return (response.StatusCode, body);
    }

    /// <summary>As <see cref="SendAsync"/>, failing unless the answer has the expected status.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, string? token, object? json,
        CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var (status, body) = await SendAsync(method, path, token, json, cancellationToken, idempotencyKey);
        return status == expected
            ? body
            : throw new InvalidOperationException($"{method} {path}: expected {(int)expected}, got {(int)status} {body}");
    }
}
