using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Platform;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Requests_are_traced_to_the_configured_OTLP_endpoint()
    {
        await using var collector = OtlpCollector.Start();
        await using var services = await LocalServices.StartAsync("telemetry");
        await using var host = await LocalHostProcess.StartAsync(services, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });

        using var response = await host.Http.GetAsync("api/openapi.json");
        response.EnsureSuccessStatusCode();

        await host.WaitUntilAsync(() => Task.FromResult(collector.Traces.Any(t => t.Contains("api/openapi.json"))),
            TimeSpan.FromSeconds(30), "a trace of the request to reach the collector");
        Assert.Contains(collector.Traces, t => t.Contains("nanhai-localhost")); // the service name travels in the resource
    }

    /// <summary>Accepts OTLP/HTTP exports and keeps their payloads (protobuf strings are plain UTF-8 inside).</summary>
    sealed class OtlpCollector : IAsyncDisposable
    {
        readonly HttpListener listener = new();
        readonly Task loop;

        OtlpCollector(int port)
        {
            Endpoint = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(Endpoint + "/");
            listener.Start();
            loop = Task.Run(ReceiveAsync);
        }

        public string Endpoint { get; }
        public ConcurrentBag<string> Traces { get; } = [];

        public static OtlpCollector Start() => new(ManagedProcess.FreePort());

        async Task ReceiveAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception) when (!listener.IsListening) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces") Traces.Add(Encoding.UTF8.GetString(body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            await loop;
            listener.Close();
        }
    }
}
