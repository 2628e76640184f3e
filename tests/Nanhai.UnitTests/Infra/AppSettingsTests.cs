using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using static Nanhai.UnitTests.Infra.BicepTemplate;

namespace Nanhai.UnitTests.Infra;

/// <summary>
/// The app settings infra/main.bicep gives each app: every setting the app reads at start-up is there in its Azure form,
/// nothing local-only leaks in, and no secret or key appears (the one secret is a Key Vault reference).
/// </summary>
public sealed partial class AppSettingsTests
{
    static IReadOnlyDictionary<string, string> FunctionsSettings => AppSettings(Site("functionapp"));
    static IReadOnlyDictionary<string, string> AdminSettings => AppSettings(Site("app"));

    // The identity form of a connection: https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity
    static readonly string[] IdentityConnection = ["accountName", "credential", "clientId"];

    // Set by the Flex Consumption plan from functionAppConfig, and refused as an app setting there.
    const string WorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";

    [Fact]
    public void The_functions_app_gets_every_setting_the_sample_documents_in_its_Azure_form()
    {
        var contract = SettingsContract.Functions();
        var azure = FunctionsSettings;
        foreach (var setting in contract.Values.Keys)
        {
            if (setting == WorkerRuntime || contract.IsOneMachineOnly(setting)) Assert.False(azure.ContainsKey(setting), $"{setting} is set in Azure");
            else if (contract.IsStorageConnection(setting)) AssertIdentityConnection(azure, setting);
            else Assert.True(azure.ContainsKey(setting), $"{setting} is documented in local.settings.sample.json but not set by infra/main.bicep");
        }
    }

    [Fact]
    public void The_functions_app_gets_no_setting_the_sample_does_not_document()
    {
        var contract = SettingsContract.Functions();
        var connections = contract.Values.Keys.Where(contract.IsStorageConnection).ToList();
        foreach (var setting in FunctionsSettings.Keys)
            Assert.True(contract.Values.ContainsKey(setting) || connections.Any(c => IdentityConnection.Any(part => setting.Equals($"{c}__{part}", StringComparison.OrdinalIgnoreCase))),
                $"{setting} is set by infra/main.bicep but not documented in local.settings.sample.json");
    }

    [Fact]
    public void Every_setting_the_host_and_the_triggers_name_is_provided()
    {
        var azure = FunctionsSettings;
        var hostJson = File.ReadAllText(Path.Combine(RepositoryRoot, "host.json"));
        var triggers = typeof(Nanhai.Functions.Program).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .SelectMany(p => p.GetCustomAttributes())
            .ToList();
        var referenced = SettingReference().Matches(hostJson).Select(m => m.Groups[1].Value)
            .Concat(triggers
                .SelectMany(a => a.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.GetValue(a) as string))
                .SelectMany(value => SettingReference().Matches(value ?? "").Select(m => m.Groups[1].Value)))
            .Distinct().ToList();
        var connections = triggers.Select(a => a.GetType().GetProperty("Connection")?.GetValue(a) as string).OfType<string>().Distinct().ToList();

        Assert.Contains("DurableTaskHubName", referenced);
        Assert.Contains("ApplicationEventRelaySchedule", referenced);
        Assert.All(referenced, setting => Assert.True(azure.ContainsKey(setting), $"%{setting}% is not set by infra/main.bicep"));
        Assert.Contains("AzureWebJobsStorage", connections);
        Assert.All(connections, connection => AssertIdentityConnection(azure, connection));
    }

    [Fact]
    public void The_admin_console_gets_every_sign_in_and_platform_setting_explicitly_and_runs_as_Production()
    {
        var documented = SettingsContract.Admin();
        var azure = AdminSettings;
        string[] sections = ["Platform", "SignIn", "AzureAd"];
        foreach (var setting in documented.Keys.Where(k => sections.Any(s => k.StartsWith(s + "__", StringComparison.Ordinal))))
            Assert.True(azure.ContainsKey(setting), $"{setting} (admin-ui appsettings.json) is not set by infra/main.bicep");
        foreach (var setting in azure.Keys.Where(k => sections.Any(s => k.StartsWith(s + "__", StringComparison.Ordinal))))
            Assert.True(documented.ContainsKey(setting), $"{setting} is set by infra/main.bicep but is not in admin-ui appsettings.json");

        // Production refuses the development sign-in at start-up; the console signs staff in with Entra ID.
        Assert.Equal("Production", azure["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("false", azure["SignIn__Development"]);
        Assert.Equal("SignedAssertionFromManagedIdentity", azure["AzureAd__ClientCredentials__0__SourceType"]);
        Assert.Contains("-admin-id", azure["AzureAd__ClientCredentials__0__ManagedIdentityClientId"]);
        Assert.Contains("-functions", azure["Platform__BaseUrl"]);
    }

    [Fact]
    public void Each_app_signs_in_to_azure_services_as_its_own_identity()
    {
        Assert.Contains("-functions-id", FunctionsSettings["AZURE_CLIENT_ID"]);
        Assert.Contains("-functions-id", FunctionsSettings["AzureWebJobsStorage__clientId"]);
        Assert.Contains("-functions-id", FunctionsSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains("-admin-id", AdminSettings["AZURE_CLIENT_ID"]);
    }

    [Fact]
    public void No_app_setting_holds_a_secret_or_a_key()
    {
        var insights = Assert.Single(Resources("Microsoft.Insights/components")).GetProperty("properties");
        foreach (var kind in new[] { "functionapp", "app" })
        {
            // No key fetched at deployment time (checked as written: such a call has no value until Azure runs it)...
            foreach (var (name, value) in AppSettings(Site(kind)))
                Assert.False(KeyFunction().IsMatch(value), $"{kind}: {name} reads a key: {value}");
            // ...and, as the app will see them, no credential inline and every secret-named setting a Key Vault reference.
            foreach (var (name, value) in EvaluatedDeployment.Of("prod").AppSettings(kind))
            {
                Assert.False(InlineCredential().IsMatch(value), $"{kind}: {name} holds a credential: {value}");
                if (!SecretName().IsMatch(name)) continue;
                if (name == "APPLICATIONINSIGHTS_CONNECTION_STRING")
                    // Its instrumentation key identifies the resource; with local authentication off it admits nothing by itself.
                    Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
                else
                    Assert.StartsWith("@Microsoft.KeyVault(", value);
            }
        }
    }

    [Fact]
    public void The_e_licence_key_is_a_Key_Vault_reference_the_functions_identity_may_resolve()
    {
        Assert.Equal("@Microsoft.KeyVault(VaultName=nhdev-vault;SecretName=elicence-api-key)",
            EvaluatedDeployment.Of("dev").AppSettings("functionapp")["ELicenceLibrary__ApiKey"]);
        var site = Site("functionapp").GetProperty("properties");
        Assert.Contains("-functions-id", site.GetProperty("keyVaultReferenceIdentity").GetString());
        var secretsUser = Assert.Single(Resources("Microsoft.Authorization/roleAssignments"),
            a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains("keyVaultSecretsUser"));
        Assert.Contains("-functions-id", secretsUser.GetProperty("properties").GetProperty("principalId").GetString());
        Assert.Contains("Microsoft.KeyVault/vaults", secretsUser.GetProperty("scope").GetString());
    }

    static void AssertIdentityConnection(IReadOnlyDictionary<string, string> azure, string connection)
    {
        Assert.False(azure.ContainsKey(connection), $"{connection} is a connection string in Azure");
        foreach (var part in IdentityConnection) Assert.True(azure.ContainsKey($"{connection}__{part}"), $"{connection}__{part} is not set");
        Assert.Equal("managedidentity", azure[$"{connection}__credential"]);
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex KeyFunction();

    [GeneratedRegex("AccountKey=|SharedAccessKey|SharedAccessSignature|Password=|sig=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCredential();

    [GeneratedRegex("(Key|Secret|Password|ConnectionString|CONNECTION_STRING|Token)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
