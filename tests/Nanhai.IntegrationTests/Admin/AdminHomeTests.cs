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
        var html = await HomePageAsync(platform.Host.HttpPort);

        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("平台运行正常", html);
        Assert.Contains("数据库 (Cosmos DB)", html);
        Assert.DoesNotContain("无法连接", html);
    }

    [Fact]
    public async Task The_home_page_says_so_when_the_platform_cannot_be_reached()
    {
        var nothingListens = ManagedProcess.FreePort();

        var html = await HomePageAsync(nothingListens);

        Assert.Contains("无法连接平台 API", html);
        Assert.Contains($"127.0.0.1:{nothingListens}", html);
        Assert.DoesNotContain("平台运行正常", html);
    }

    static async Task<string> HomePageAsync(int platformPort)
    {
        var port = ManagedProcess.FreePort();
        var project = Path.Combine(RepositoryPaths.Root, "admin-ui", "Nanhai.Admin");
        await using var admin = ManagedProcess.Start("admin console", "dotnet",
            [Path.Combine(project, "bin", Configuration, "net10.0", "Nanhai.Admin.dll"), "--contentRoot", project], project,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Platform__BaseUrl"] = $"http://127.0.0.1:{platformPort}",
            });
        await admin.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
