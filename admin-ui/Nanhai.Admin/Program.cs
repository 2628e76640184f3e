using System.Globalization;
using System.Net;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Nanhai.Admin.Platform;
using Nanhai.Admin.Security;
using Refit;

var builder = WebApplication.CreateBuilder(args);

// Loopback on 7080 unless an operator chose otherwise by any standard means (--urls, ASPNETCORE_URLS,
// ASPNETCORE_HTTP_PORTS, "urls" or Kestrel:Endpoints in appsettings). Kept out of appsettings.json because a
// "urls" there would silently outrank ASPNETCORE_URLS.
var configuration = builder.Configuration;
if (configuration["urls"] is null && configuration["http_ports"] is null && configuration["https_ports"] is null
    && !configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://127.0.0.1:7080");
}

// MapStaticAssets serves the build's compressed copies from obj/, which only the static-web-assets file provider
// finds, and ASP.NET enables it in Development alone: without this, `dotnet run` in any other environment
// sends empty stylesheets. A published app has no such manifest, so there it does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddOptions<PlatformOptions>()
    .BindConfiguration(PlatformOptions.SectionName)
    .ValidateDataAnnotations()
    .ValidateOnStart();

builder.Services.AddStaffSignIn(configuration, builder.Environment);

// The source-generated client: Refit 16 builds reflection-based clients only with the extra Refit.Reflection package.
builder.Services.AddRefitGeneratedClient<IPlatformApi>()
    .ConfigureHttpClient((services, client) =>
        client.BaseAddress = services.GetRequiredService<IOptions<PlatformOptions>>().Value.BaseUrl)
    // Every call carries the signed-in user's token: the platform applies their role and scope, so rules live there.
    .AddHttpMessageHandler<PlatformTokenHandler>()
    .AddStandardResilienceHandler(resilience =>
    {
        // A page waits on these calls: give up after 5 s in all, with quick retries, rather than the
        // defaults' 30 s and multi-second back-off.
        resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
        resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
        resilience.Retry.MaxRetryAttempts = 2;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);

        // The health endpoint's 503 is an answer (a report naming the failed dependency), not a transient
        // fault: retrying it only delays the page, and counting it would open the circuit for every call.
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(IsTransientFault(args.Outcome));
        resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsTransientFault(args.Outcome));
    });

// The console's own liveness only: a platform outage is shown on the home page, not reported here.
builder.Services.AddHealthChecks();

builder.Services.AddRazorPages(pages =>
{
    // Every page is for signed-in civil servants unless it says otherwise; sections narrow this to their roles.
    pages.Conventions.AuthorizeFolder("/", StaffPolicies.Staff);
    pages.Conventions.AllowAnonymousToFolder("/Account");
    pages.Conventions.AllowAnonymousToPage("/Error");
});
// Razor would otherwise escape every Chinese character as &#x…; in the HTML it sends.
builder.Services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new(UnicodeRanges.All));
builder.Services.Configure<RequestLocalizationOptions>(localization =>
{
    var chinese = new CultureInfo("zh-CN");
    localization.DefaultRequestCulture = new(chinese);
    localization.SupportedCultures = [chinese];
    localization.SupportedUICultures = [chinese];
});

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

app.Run();

static bool IsTransientFault(Polly.Outcome<HttpResponseMessage> outcome) =>
    HttpClientResiliencePredicates.IsTransient(outcome)
    && outcome.Result?.StatusCode != HttpStatusCode.ServiceUnavailable;
