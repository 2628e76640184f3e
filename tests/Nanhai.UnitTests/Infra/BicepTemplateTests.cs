using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Nanhai.Functions.Ingestion;
using Nanhai.Infrastructure.Cosmos;
using Nanhai.Infrastructure.Events.IntegrationEvents;
using Nanhai.Infrastructure.Ingestion;
using Nanhai.Infrastructure.Ingestion.Snapshots;
using Nanhai.Infrastructure.ServiceMatters;
using static Nanhai.UnitTests.Infra.BicepTemplate;

namespace Nanhai.UnitTests.Infra;

/// <summary>
/// infra/main.bicep, compiled and linted by the Bicep CLI from NuGet: no warnings; every role assignment for one of the
/// template's own identities; and the resources the code relies on (containers, Cosmos DB, the topic, the dump trigger,
/// the runtime) as the code defines them.
/// </summary>
public sealed class BicepTemplateTests
{
    [Fact]
    public void The_template_and_both_parameter_files_lint_without_a_warning()
    {
        foreach (var file in new[] { "main.bicep", "parameters/dev.bicepparam", "parameters/prod.bicepparam" })
        {
            var (exitCode, output, errors) = Run("lint", file);
            Assert.True(exitCode == 0 && string.IsNullOrWhiteSpace(output + errors), $"{file}:\n{output}{errors}");
        }
    }

    [Fact]
    public void Every_resource_is_named_from_the_prefix()
    {
        var named = Template.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString()!.Count(c => c == '/') == 1) // top level: children take their parent's name
            .Where(r => r.GetProperty("type").GetString() != "Microsoft.Authorization/roleAssignments") // ids derived from scope and identity
            .ToList();

        Assert.Contains(named, r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        Assert.Contains("parameters('prefix')", StringVariable("storageName"));
        Assert.All(named, r => Assert.Matches(@"parameters\('prefix'\)|variables\('storageName'\)", r.GetProperty("name").GetString()));
    }

    [Fact]
    public void Every_role_assignment_is_for_one_of_the_templates_own_identities_and_names_it()
    {
        var identities = IdentityNames();
        var assignments = Resources("Microsoft.Authorization/roleAssignments")
            .Concat(Resources("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments")).ToList();

        Assert.Equal(3, identities.Count); // the Functions app, the console, Event Grid
        Assert.NotEmpty(assignments);
        foreach (var assignment in assignments)
        {
            var properties = assignment.GetProperty("properties");
            var principal = properties.GetProperty("principalId").GetString()!;
            var identity = Assert.Single(identities, i => principal.Contains($"'Microsoft.ManagedIdentity/userAssignedIdentities', {i}"));
            Assert.Contains(identity, assignment.GetProperty("name").GetString()); // the assignment's id derives from its identity
            if (properties.TryGetProperty("principalType", out var type)) Assert.Equal("ServicePrincipal", type.GetString());
        }
    }

    [Fact]
    public void The_admin_consoles_identity_holds_no_data_role_it_reaches_data_only_through_the_platform_api()
    {
        var admin = Assert.Single(IdentityNames(), i => i.Contains("-admin-id"));
        var adminRoles = Resources("Microsoft.Authorization/roleAssignments")
            .Concat(Resources("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"))
            .Where(a => a.GetProperty("properties").GetProperty("principalId").GetString()!.Contains(admin))
            .Select(a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString())
            .ToList();

        var publisher = Assert.Single(adminRoles);
        Assert.Contains("monitoringMetricsPublisher", publisher);
    }

    [Fact]
    public void Storage_takes_identities_only_and_has_every_container_the_platform_uses()
    {
        var account = Assert.Single(Resources("Microsoft.Storage/storageAccounts")).GetProperty("properties");
        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());

        var containers = Variable("containers").EnumerateArray().Select(c => c.GetString() == "[variables('dumpContainer')]"
            ? StringVariable("dumpContainer") : c.GetString()).ToHashSet();
        Assert.Equal(
            new HashSet<string?> { BlobDumpStore.DumpContainer, BlobDumpStore.QuarantineContainer, new SnapshotStoreOptions().ContainerName,
                BlobMaterialStore.ContainerName, BlobResultDocuments.ContainerName },
            containers);
    }

    [Fact]
    public void Cosmos_containers_come_from_the_file_the_code_embeds_with_every_field_wired()
    {
        var declared = JsonNode.Parse(Variable("cosmosContainers").GetRawText());
        var code = JsonSerializer.SerializeToNode(CosmosContainers.All, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.True(JsonNode.DeepEquals(code, declared), $"code: {code}\ntemplate: {declared}");

        var container = Assert.Single(Resources("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers"));
        Assert.Equal("[length(variables('cosmosContainers'))]", container.GetProperty("copy").GetProperty("count").GetString());
        var resource = container.GetProperty("properties").GetProperty("resource");
        const string item = "variables('cosmosContainers')[copyIndex()]";
        Assert.Equal($"[{item}.name]", resource.GetProperty("id").GetString());
        Assert.Equal($"[{item}.partitionKeyPath]", Assert.Single(resource.GetProperty("partitionKey").GetProperty("paths").EnumerateArray()).GetString());
        Assert.Equal("consistent", resource.GetProperty("indexingPolicy").GetProperty("indexingMode").GetString());
        Assert.StartsWith($"[map({item}.includedPaths,", resource.GetProperty("indexingPolicy").GetProperty("includedPaths").GetString());
        Assert.StartsWith($"[map({item}.excludedPaths,", resource.GetProperty("indexingPolicy").GetProperty("excludedPaths").GetString());
    }

    [Fact]
    public void Cosmos_takes_identities_only_and_the_functions_identity_reads_and_writes_only_the_platforms_database()
    {
        var account = Assert.Single(Resources("Microsoft.DocumentDB/databaseAccounts")).GetProperty("properties");
        Assert.True(account.GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal(new CosmosOptions().DatabaseName, StringVariable("databaseName"));

        var assignment = Assert.Single(Resources("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments")).GetProperty("properties");
        Assert.EndsWith("/dbs/{1}', resourceId('Microsoft.DocumentDB/databaseAccounts', format('{0}-cosmos', parameters('prefix'))), variables('databaseName'))]",
            assignment.GetProperty("scope").GetString());
        // The built-in Cosmos DB Built-in Data Contributor: items only.
        Assert.Equal("00000000-0000-0000-0000-000000000002", Variable("roles").GetProperty("cosmosDataContributor").GetString());
    }

    [Fact]
    public void The_integration_events_topic_is_the_one_the_publisher_uses_and_drops_duplicates()
    {
        var bus = Assert.Single(Resources("Microsoft.ServiceBus/namespaces")).GetProperty("properties");
        Assert.True(bus.GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal(new IntegrationEventsOptions().TopicName, StringVariable("integrationEventsTopic"));

        // ServiceBusIntegrationEventPublisher sets the message id to the event id so that a retried publish is dropped.
        var topic = Assert.Single(Resources("Microsoft.ServiceBus/namespaces/topics")).GetProperty("properties");
        Assert.True(topic.GetProperty("requiresDuplicateDetection").GetBoolean());

        // Subscriptions filter on the message subject, where the publisher puts the event type.
        var subscriptions = Variable("integrationEventSubscriptions").EnumerateArray().ToList();
        Assert.NotEmpty(subscriptions);
        Assert.All(subscriptions, s => Assert.StartsWith("sys.Label LIKE 'cn.gov.nanhai.", s.GetProperty("filter").GetString()));
        // The filter is the subscription's $Default rule, not one beside the catch-all rule a new subscription starts with.
        var rule = Assert.Single(Resources("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules"));
        Assert.EndsWith(", '$Default')]", rule.GetProperty("name").GetString());
        Assert.Equal("SqlFilter", rule.GetProperty("properties").GetProperty("filterType").GetString());
    }

    [Fact]
    public void Dump_events_reach_the_DumpArrived_blob_trigger_through_Event_Grid_as_Flex_Consumption_requires()
    {
        var method = typeof(DumpArrivedFunction).GetMethod(nameof(DumpArrivedFunction.Run))!;
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).Single(a => a is not null)!;
        Assert.Equal(BlobTriggerSource.EventGrid, trigger.Source);
        Assert.StartsWith(StringVariable("dumpContainer") + "/", trigger.BlobPath);
        Assert.Equal(method.GetCustomAttribute<FunctionAttribute>()!.Name, StringVariable("dumpArrivedFunction"));

        var subscription = Assert.Single(Resources("Microsoft.EventGrid/systemTopics/eventSubscriptions")).GetProperty("properties");
        var endpoint = subscription.GetProperty("destination").GetProperty("properties").GetProperty("endpointUrl").GetString()!;
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", endpoint);
        Assert.Contains("variables('dumpArrivedFunction')", endpoint);
        var filter = subscription.GetProperty("filter");
        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter.GetProperty("includedEventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("variables('dumpContainer')", filter.GetProperty("subjectBeginsWith").GetString());
    }

    [Fact]
    public void The_functions_app_runs_on_Flex_Consumption_with_the_worker_runtime_and_the_dotnet_version_the_project_targets()
    {
        var plan = Assert.Single(Resources("Microsoft.Web/serverfarms"), p => p.GetProperty("kind").GetString() == "functionapp");
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());

        var runtime = Site("functionapp").GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal(SettingsContract.Functions().Values["FUNCTIONS_WORKER_RUNTIME"], runtime.GetProperty("name").GetString());
        var target = typeof(DumpArrivedFunction).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName; // .NETCoreApp,Version=v10.0
        Assert.Equal(target[(target.IndexOf("Version=v", StringComparison.Ordinal) + "Version=v".Length)..], runtime.GetProperty("version").GetString());
    }
}
