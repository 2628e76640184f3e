using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nanhai.Infrastructure;

namespace Nanhai.UnitTests.Infra;

/// <summary>
/// The Functions app's settings exactly as a deployment of infra/main.bicep gives them (each parameter file, the
/// template's expressions evaluated), fed to the platform's own start-up validation in Production: every option the app
/// checks at start-up is there and valid. (The admin console is started for real with its settings in the integration tests.)
/// </summary>
public sealed partial class DeployedSettingsTests
{
    public static TheoryData<string> ParameterFiles => new() { "dev", "prod" };

    static IHost PlatformWith(IReadOnlyDictionary<string, string> appSettings)
    {
        // App settings reach the app as environment variables, where "__" separates sections.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(appSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":"), (string?)s.Value)));
        builder.Services.AddNanhaiPlatform(builder.Configuration);
        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void The_functions_app_passes_its_start_up_validation_with_the_deployed_settings(string environment)
    {
        var settings = EvaluatedDeployment.Of(environment).AppSettings("functionapp");
        using var host = PlatformWith(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal($"nh{environment}-bus.servicebus.chinacloudapi.cn", settings["IntegrationEvents__ServiceBusNamespace"]);
        Assert.Matches(TaskHubName(), settings["DurableTaskHubName"]);
    }

    [Fact]
    public void Start_up_validation_would_catch_a_deployment_that_left_a_setting_out()
    {
        var settings = EvaluatedDeployment.Of("dev").AppSettings("functionapp").Where(s => s.Key != "Storage__QueueServiceUri").ToDictionary();
        using var host = PlatformWith(settings);

        var refusal = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Storage:QueueServiceUri", refusal.Message);
    }

    // Durable Functions task hub names: 3–45 letters and digits, starting with a letter.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
