using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nanhai.Admin.Platform;

namespace Nanhai.Admin.Pages;

/// <summary>首页: the platform's health as its API reports it.</summary>
public sealed class IndexModel(IPlatformApi platform, IOptions<PlatformOptions> options, ILogger<IndexModel> logger)
    : PageModel
{
    public HealthReading Reading { get; private set; } = null!;

    /// <summary>Shown when the platform cannot be reached, so the reader can check the configuration.</summary>
    public Uri PlatformBaseUrl => options.Value.BaseUrl!;

    public async Task OnGetAsync()
    {
        using var response = await platform.GetHealthAsync(HttpContext.RequestAborted);
        Reading = HealthReading.From(response);
        if (Reading is not HealthReading.Received)
        {
            logger.LogWarning(response.Error, "Platform health at {Url} not read: {Reading}",
                response.RequestMessage?.RequestUri, Reading);
        }
    }

    public static string DependencyLabel(string name) => name switch
    {
        "storage" => "存储 (Blob/队列)",
        "cosmos" => "数据库 (Cosmos DB)",
        "durable" => "流程引擎 (Durable Functions)",
        _ => name,
    };

    public static string StatusLabel(PlatformHealthStatus status) => status switch
    {
        PlatformHealthStatus.Healthy => "正常",
        PlatformHealthStatus.Degraded => "降级",
        _ => "异常",
    };

    public static string OverallLabel(PlatformHealthStatus status) => status switch
    {
        PlatformHealthStatus.Healthy => "平台运行正常",
        PlatformHealthStatus.Degraded => "平台部分功能降级",
        _ => "平台运行异常",
    };

    /// <summary>CSS modifier and a text symbol, so the status never rests on colour alone.</summary>
    public static (string Modifier, string Symbol) StatusStyle(PlatformHealthStatus status) => status switch
    {
        PlatformHealthStatus.Healthy => ("ok", "✓"),
        PlatformHealthStatus.Degraded => ("warn", "!"),
        _ => ("bad", "✕"),
    };


    public static string Milliseconds(double value) => $"{value:0.#} 毫秒";
}
