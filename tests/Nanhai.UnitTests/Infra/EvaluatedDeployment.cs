using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nanhai.UnitTests.Infra;

/// <summary>
/// One deployment of infra/main.bicep with one of its parameter files, evaluated as Resource Manager would in Azure China:
/// the apps' settings as the apps will read them. What Azure reports about each deployed resource (endpoints, the
/// identities' client ids) follows Azure China's documented forms.
/// </summary>
sealed class EvaluatedDeployment
{
    readonly JsonElement template;
    readonly ArmExpressions expressions;

    EvaluatedDeployment(JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        this.template = template;
        expressions = new ArmExpressions(template, parameters, Reported);
    }

    /// <summary>Builds the parameter file (dev or prod) with the Bicep CLI, as <c>az deployment group create</c> does.</summary>
    public static EvaluatedDeployment Of(string environment)
    {
        var (exitCode, output, errors) = BicepTemplate.Run("build-params", $"parameters/{environment}.bicepparam", "--stdout");
        Assert.True(exitCode == 0, errors);
        using var built = JsonDocument.Parse(output);
        using var parameterFile = JsonDocument.Parse(built.RootElement.GetProperty("parametersJson").GetString()!);
        var template = JsonDocument.Parse(built.RootElement.GetProperty("templateJson").GetString()!).RootElement;
        var parameters = parameterFile.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => JsonNode.Parse(p.Value.GetProperty("value").GetRawText()));
        return new EvaluatedDeployment(template, parameters);
    }

    /// <summary>The app settings of the site whose kind starts with <paramref name="kind"/>, as the app sees them.</summary>
    public IReadOnlyDictionary<string, string> AppSettings(string kind) =>
        BicepTemplate.AppSettings(BicepTemplate.Site(template, kind), value => expressions.Evaluate(value)!.GetValue<string>());

    /// <summary>A deployed resource's properties, as <c>reference()</c> returns them in Azure China.</summary>
    static JsonNode Reported(string type, string name) => type switch
    {
        "Microsoft.ManagedIdentity/userAssignedIdentities" => new JsonObject
        {
            ["clientId"] = StableGuid("client", name),
            ["principalId"] = StableGuid("principal", name),
        },
        "Microsoft.Storage/storageAccounts" => new JsonObject
        {
            ["primaryEndpoints"] = new JsonObject
            {
                ["blob"] = $"https://{name}.blob.core.chinacloudapi.cn/",
                ["queue"] = $"https://{name}.queue.core.chinacloudapi.cn/",
                ["table"] = $"https://{name}.table.core.chinacloudapi.cn/",
            },
        },
        "Microsoft.DocumentDB/databaseAccounts" => new JsonObject { ["documentEndpoint"] = $"https://{name}.documents.azure.cn:443/" },
        "Microsoft.ServiceBus/namespaces" => new JsonObject { ["serviceBusEndpoint"] = $"https://{name}.servicebus.chinacloudapi.cn:443/" },
        "Microsoft.Insights/components" => new JsonObject
        {
            ["ConnectionString"] = $"InstrumentationKey={StableGuid("insights", name)};IngestionEndpoint=https://chinaeast2-0.in.applicationinsights.azure.cn/;"
                + "AADAudience=https://monitor.azure.cn/",
        },
        "Microsoft.Web/sites" => new JsonObject { ["defaultHostName"] = $"{name}.chinacloudsites.cn" },
        _ => throw new NotSupportedException($"EvaluatedDeployment does not know what Azure reports for {type}."),
    };

    static string StableGuid(string purpose, string name) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{purpose}:{name}")).AsSpan(0, 16)).ToString();
}
