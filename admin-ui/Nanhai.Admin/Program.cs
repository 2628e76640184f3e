using System.Globalization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Nanhai.Admin.Catalog;
using Nanhai.Admin.Cockpit;
using Nanhai.Admin.Matters;
using Nanhai.Admin.Platform;
using Nanhai.Admin.Security;
using Nanhai.Admin.ServiceMatters;
using Nanhai.Admin.Workflows;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Infrastructure.Telemetry;
using OpenTelemetry.Trace;
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
// Page requests and the platform calls they make, in the same traces as the platform's own spans.
builder.Services.AddNanhaiTelemetry(configuration, "nanhai-admin").WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
builder.Services.AddScoped<PlatformErrorsPageFilter>();

builder.Services.AddPlatformClient<IPlatformApi>();
builder.Services.AddPlatformClient<ICatalogApi>();
builder.Services.AddPlatformClient<ICentreWorkApi>();
builder.Services.AddPlatformClient<IWorkflowMonitorApi>();
builder.Services.AddPlatformClient<IStatisticsApi>();
// Matters travel in their own JSON shape (enumerations as camelCase strings), both ways.
builder.Services.AddPlatformClient<IMattersApi>(new RefitSettings(new SystemTextJsonContentSerializer(MatterJson.Options)));

// The console's own liveness only: a platform outage is shown on the home page, not reported here.
builder.Services.AddHealthChecks();

builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.ConfigureFilter(new ServiceFilterAttribute<PlatformErrorsPageFilter>());
    // Every page is for signed-in civil servants unless it says otherwise; sections narrow this to their roles.
    pages.Conventions.AuthorizeFolder("/", StaffPolicies.Staff);
    pages.Conventions.AuthorizeFolder("/Centre", StaffPolicies.CentreWork);
    pages.Conventions.AuthorizeFolder("/Workflows", StaffPolicies.DistrictAdmin);
    pages.Conventions.AuthorizeFolder("/Cockpit", StaffPolicies.Cockpit);
    pages.Conventions.AuthorizePage("/Catalog/Runs", StaffPolicies.DataWork);
    pages.Conventions.AuthorizePage("/Catalog/Run", StaffPolicies.DataWork);
    pages.Conventions.AuthorizeFolder("/Matters", StaffPolicies.DistrictAdmin);
    pages.Conventions.AllowAnonymousToFolder("/Account");
    pages.Conventions.AllowAnonymousToPage("/Error");
}).AddMvcOptions(mvc =>
{
    // What model binding says about a value it cannot read (a half-typed number), in Chinese like the rest of the console.
    var messages = mvc.ModelBindingMessageProvider;
    messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值");
    messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
    messages.SetValueMustBeANumberAccessor(_ => "请填写数字");
    messages.SetValueMustNotBeNullAccessor(_ => "此项必填");
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
