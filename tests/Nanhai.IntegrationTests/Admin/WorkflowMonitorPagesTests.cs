using Microsoft.Playwright;
using Nanhai.IntegrationTests.Diagnostics;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Admin;

/// <summary>The workflow monitor in chromium, on workflow probes (which wait for an "acknowledged" event).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class WorkflowMonitorPagesTests(ConsoleFixture console)
{
    async Task<string> StartWaitingProbeAsync()
    {
        var probe = await WorkflowProbeClient.StartAsync(console.Platform.Host, 120);
        await WorkflowProbeClient.WaitForStepAsync(console.Platform.Host, probe, "awaiting-acknowledgement");
        return probe;
    }

    [Fact]
    public async Task An_admin_finds_a_waiting_workflow_sends_it_its_event_and_sees_it_complete_with_the_action_audited()
    {
        var probe = await StartWaitingProbeAsync();
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "流程监控" }).ClickAsync();
        await page.GetByLabel("流程类型").SelectOptionAsync(new SelectOptionValue { Label = "流程探针（诊断）" });
        await page.GetByLabel("运行状态").SelectOptionAsync(new SelectOptionValue { Label = "运行中" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await OpenAsync(page, probe);
        Assert.Contains("运行中", await page.Locator(".meta-list").InnerTextAsync());
        await page.AssertEveryControlLabelledAsync();

        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "发送外部事件" }) });
        await form.GetByLabel("事件名称").FillAsync("acknowledged");
        // Shaped as the orchestrator reads it (PascalCase); the platform passes it on verbatim.
        await form.GetByLabel("事件内容（JSON，可留空）").FillAsync("""{"AcknowledgedBy":"dev-district-admin"}""");
        await form.GetByLabel("操作原因（记入审计日志）").FillAsync("窗口已人工确认，补发确认事件");
        await form.GetByLabel("我确认向此流程实例发送该事件").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();

        await page.Locator("[role=status]", new() { HasText = "已发送事件“acknowledged”" }).WaitForAsync();
        await console.Platform.Host.WaitUntilAsync(async () =>
        {
            await page.ReloadAsync();
            return (await page.Locator(".meta-list").InnerTextAsync()).Contains("已完成");
        }, TimeSpan.FromSeconds(30), "the probe to complete");
        var audit = await page.Locator("table", new() { HasText = "管理员对本实例的操作" }).InnerTextAsync();
        Assert.Contains("发送事件（acknowledged）", audit);
        Assert.Contains("王敏", audit);
        Assert.Contains("窗口已人工确认，补发确认事件", audit);
        Assert.Contains("EventRaised", await page.Locator("table", new() { HasText = "个事件" }).InnerTextAsync());
        await page.ScreenshotAsync("workflow-instance");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Terminating_needs_a_reason_and_a_confirmation_and_ends_the_workflow_which_can_then_be_restarted()
    {
        var probe = await StartWaitingProbeAsync();
        var page = await console.OpenAsync();
        await page.SignInAsync("dev-district-admin", $"/Workflows/Instance/{probe}");
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "终止流程" }) });

        await form.GetByRole(AriaRole.Button, new() { Name = "终止" }).ClickAsync();

        var refused = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "终止流程" }) });
        var errors = await refused.InnerTextAsync();
        Assert.Contains("请填写操作原因", errors);
        Assert.Contains("请勾选确认后再执行", errors);
        Assert.Contains("运行中", await page.Locator(".meta-list").InnerTextAsync());

        await refused.GetByLabel("操作原因（记入审计日志）").FillAsync("测试终止");
        await refused.GetByLabel("我确认终止此流程实例（不可撤销）").CheckAsync();
        await refused.GetByRole(AriaRole.Button, new() { Name = "终止" }).ClickAsync();
        await console.Platform.Host.WaitUntilAsync(async () =>
        {
            await page.ReloadAsync();
            return (await page.Locator(".meta-list").InnerTextAsync()).Contains("已终止");
        }, TimeSpan.FromSeconds(30), "the probe to be terminated");
        Assert.Contains("测试终止", await page.Locator("table", new() { HasText = "管理员对本实例的操作" }).InnerTextAsync());

        // A finished instance offers restart instead: same id and input, running again, audited.
        var restart = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "重启流程" }) });
        await restart.GetByLabel("操作原因（记入审计日志）").FillAsync("测试重启");
        await restart.GetByLabel("我确认重启此流程实例").CheckAsync();
        await restart.GetByRole(AriaRole.Button, new() { Name = "重启" }).ClickAsync();
        await console.Platform.Host.WaitUntilAsync(async () =>
        {
            await page.ReloadAsync();
            return (await page.Locator(".meta-list").InnerTextAsync()).Contains("运行中");
        }, TimeSpan.FromSeconds(30), "the probe to run again");
        var audit = await page.Locator("table", new() { HasText = "管理员对本实例的操作" }).InnerTextAsync();
        Assert.Contains("重启", audit);
        Assert.Contains("测试重启", audit);
        await page.Context.CloseAsync();

        var centre = await console.OpenAsync();
        await centre.SignInAsync("dev-centre-staff-guicheng");
        Assert.Equal(403, (await centre.GotoAsync($"/Workflows/Instance/{probe}"))!.Status);
        await centre.Context.CloseAsync();
    }

    /// <summary>Follows the pages until the instance's link appears (a kind filter can leave a page short).</summary>
    static async Task OpenAsync(IPage page, string instanceId)
    {
        for (var pages = 0; pages < 20; pages++)
        {
            var link = page.GetByRole(AriaRole.Link, new() { Name = instanceId });
            if (await link.CountAsync() > 0)
            {
                await link.ClickAsync();
                return;
            }
            await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        }
        Assert.Fail($"{instanceId} is not listed");
    }
}
