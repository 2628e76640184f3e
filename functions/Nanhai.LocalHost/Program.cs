using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using Nanhai.Functions.OpenApi;
using Nanhai.Infrastructure;
using Nanhai.Infrastructure.Telemetry;
using OpenTelemetry.Trace;
using Nanhai.LocalHost;
using Nanhai.LocalHost.Commands;
using Nanhai.LocalHost.DemoData;
using Nanhai.LocalHost.Durable;
using Nanhai.LocalHost.Http;
using Nanhai.LocalHost.Simulators;
using Nanhai.LocalHost.Triggers;

// The local host's composition root: the Functions app's code on one machine (see README, "Two hosts").
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args is ["token", ..] ? [] : args,
    ContentRootPath = AppContext.BaseDirectory, // appsettings.json beside the program, wherever it is started from
});
if (args is ["token", .. var tokenArguments])
    return TokenCommand.Run(tokenArguments, builder.Configuration, builder.Environment);

var local = builder.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
// Unless configured otherwise, the e-licence library is this host's simulator (on whatever port the API uses).
if (string.IsNullOrEmpty(builder.Configuration["ELicenceLibrary:BaseUrl"]))
    builder.Configuration.AddInMemoryCollection([new("ELicenceLibrary:BaseUrl", $"http://127.0.0.1:{local.HttpPort}{ELicenceLibrarySimulator.Prefix}/")]);
builder.Services.AddOptions<LocalHostOptions>().Bind(builder.Configuration.GetSection(LocalHostOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(System.Net.IPAddress.Loopback, local.HttpPort);
    kestrel.Listen(System.Net.IPAddress.Loopback, local.SidecarPort, listen => listen.Protocols = HttpProtocols.Http2);
});

// Kestrel drains its requests before sequential stops reach the durable worker, whose open GetWorkItems stream is one
// of those requests: stopping everything at once lets the worker hang up, so the host stops in seconds, not 30 s.
builder.Services.Configure<HostOptions>(host => host.ServicesStopConcurrently = true);
builder.Services.AddNanhaiPlatform(builder.Configuration);
builder.Services.AddNanhaiTelemetry(builder.Configuration, "nanhai-localhost")
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
builder.Services.AddLocalDurableBackend(builder.Configuration);
builder.Services.AddMvcCore(); // executes the functions' IActionResult values, as the Functions ASP.NET Core integration does
if (local.SeedDemoData)
{
    builder.Services.AddTransient<DemoDumps>();
    builder.Services.AddHostedService<DemoDataSeeder>();
}
builder.Services.AddHostedService<BlobTriggerEmulator>();
builder.Services.AddHostedService<TimerTriggerRunner>();

var app = builder.Build();
app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{local.SidecarPort}");
var api = app.MapGroup("").RequireHost($"*:{local.HttpPort}");
api.MapHttpFunctions(HttpFunctionCatalog.All);
api.MapELicenceLibrarySimulator(app.Configuration["ELicenceLibrary:ApiKey"] ?? "");
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Nanhai local host: API on http://127.0.0.1:{Port}/api/ (task hub {Hub})", local.HttpPort,
        app.Configuration["DurableTaskHubName"] ?? "NanhaiHub"));
await app.RunAsync();
return 0;
