using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Nanhai.Infrastructure.Ingestion;
using Nanhai.Infrastructure.Ingestion.Snapshots;
using Nanhai.Infrastructure.ServiceMatters;

namespace Nanhai.UnitTests.Infra;

/// <summary>
/// infra/main.bicep, compiled and linted by the Bicep CLI from NuGet: no warnings, every role assignment for one of the
/// template's own identities, and storage that only identities reach, with the containers the code uses.
/// </summary>
public sealed class BicepTemplateTests
{
    static readonly string Infra = Path.Combine(RepositoryRoot(), "infra");

    static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nanhai.Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    static string Bicep()
    {
        var path = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        // NuGet does not keep the executable bit of the files it extracts (the package is the Linux CLI).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }

    static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Bicep()) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Infra };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "bicep did not finish");
        return (process.ExitCode, output.Result, errors.Result);
    }

    static JsonElement Template()
    {
        var (exitCode, output, errors) = Run("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, errors);
        return JsonDocument.Parse(output).RootElement;
    }

    static IEnumerable<JsonElement> Resources(JsonElement template, string type) =>
        template.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == type);

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
    public void Every_role_assignment_is_for_one_of_the_templates_own_identities_and_names_it()
    {
        var template = Template();
        // Names are template expressions, e.g. [format('{0}-functions-id', parameters('prefix'))]; references repeat them.
        var identities = Resources(template, "Microsoft.ManagedIdentity/userAssignedIdentities").Select(i => i.GetProperty("name").GetString()!.Trim('[', ']')).ToList();
        var assignments = Resources(template, "Microsoft.Authorization/roleAssignments").ToList();

        Assert.Equal(2, identities.Count);
        Assert.NotEmpty(assignments);
        foreach (var assignment in assignments)
        {
            var principal = assignment.GetProperty("properties").GetProperty("principalId").GetString()!;
            var identity = identities.Single(i => principal.Contains($"'Microsoft.ManagedIdentity/userAssignedIdentities', {i}"));
            Assert.Contains(identity, assignment.GetProperty("name").GetString()); // the assignment's id derives from its identity
            Assert.Equal("ServicePrincipal", assignment.GetProperty("properties").GetProperty("principalType").GetString());
        }
    }

    [Fact]
    public void Storage_takes_identities_only_and_has_every_container_the_platform_uses()
    {
        var template = Template();
        var account = Assert.Single(Resources(template, "Microsoft.Storage/storageAccounts")).GetProperty("properties");
        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());

        var containers = template.GetProperty("variables").GetProperty("containers").EnumerateArray().Select(c => c.GetString()).ToHashSet();
        Assert.Equal(
            new HashSet<string?> { BlobDumpStore.DumpContainer, BlobDumpStore.QuarantineContainer, new SnapshotStoreOptions().ContainerName,
                BlobMaterialStore.ContainerName, BlobResultDocuments.ContainerName },
            containers);
    }
}
