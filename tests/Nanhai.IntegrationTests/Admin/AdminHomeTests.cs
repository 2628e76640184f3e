using System.Net;
using System.Reflection;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>The admin console as a process, in front of the running local host.</summary>
public sealed class AdminHomeTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    static readonly string Configuration =
        typeof(AdminHomeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    [Fact]
    public async Task The_home_page_shows_the_platform_health_in_Chinese()
    {
        var port = ManagedProcess.FreePort();
        var project = Path.Combine(RepositoryPaths.Root, "admin-ui", "Nanhai.Admin");
        await using var admin = ManagedProcess.Start("admin console", "dotnet",
            [Path.Combine(project, "bin", Configuration, "net10.0", "Nanhai.Admin.dll"), "--contentRoot", project], project,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Platform__BaseUrl"] = $"http://127.0.0.1:{platform.Host.HttpPort}",
            });
        await admin.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        using var response = await http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("平台运行正常", html);
        Assert.Contains("数据库 (Cosmos DB)", html);
        Assert.DoesNotContain("无法连接", html);
    }
}
