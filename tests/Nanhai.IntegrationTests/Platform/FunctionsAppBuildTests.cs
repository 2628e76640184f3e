using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Platform;

/// <summary>The Functions app builds into what the Azure Functions host loads: every function listed, host.json beside it.</summary>
public sealed class FunctionsAppBuildTests
{
    [Fact]
    public void Functions_metadata_lists_every_function_of_the_app_with_its_trigger()
    {
        using var metadata = FunctionsMetadata.Read();
        var listed = metadata.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).ToList());
        var declared = typeof(Nanhai.Functions.Program).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>().ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(), listed.Keys.Order());
        Assert.Contains("blobTrigger", listed["DumpArrived"]);
        Assert.Contains("timerTrigger", listed["PurgeWorkflowHistory"]);
        Assert.Contains("durableClient", listed["StartWorkflowProbe"]);
    }

    [Fact]
    public void The_root_host_json_is_in_the_output_with_the_task_hub_from_settings()
    {
        var built = File.ReadAllText(Path.Combine(FunctionsMetadata.OutputDirectory, "host.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")), built);
        using var host = JsonDocument.Parse(built);
        Assert.Equal("%DurableTaskHubName%", host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString());
    }
}
