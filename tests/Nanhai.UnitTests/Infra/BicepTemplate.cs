using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Nanhai.UnitTests.Infra;

/// <summary>infra/main.bicep compiled by the Bicep CLI from NuGet (once per test run), and the means to read it.</summary>
static class BicepTemplate
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();
    public static readonly string Infra = Path.Combine(RepositoryRoot, "infra");

    // What the parameter files read from the environment when an operator deploys (infra/README.md); sample values here.
    static readonly Dictionary<string, string> DeploymentEnvironment = new()
    {
        ["NANHAI_ADMIN_CLIENT_ID"] = "3f2b6c1e-8a4d-4e7b-9c0a-1d2e3f4a5b6c",
        ["NANHAI_ELICENCE_LIBRARY_URL"] = "https://elicence.example.gd.gov.cn/api/",
    };

    static readonly Lazy<JsonElement> Compiled = new(() =>
    {
        var (exitCode, output, errors) = Run("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, errors);
        return JsonDocument.Parse(output).RootElement;
    });

    public static JsonElement Template => Compiled.Value;

    static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nanhai.Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    static string Cli()
    {
        var path = typeof(BicepTemplate).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        // NuGet does not keep the executable bit of the files it extracts (the package is the Linux CLI).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }

    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Cli()) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Infra };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in DeploymentEnvironment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "bicep did not finish");
        return (process.ExitCode, output.Result, errors.Result);
    }

    public static IEnumerable<JsonElement> Resources(string type) => Resources(Template, type);

    public static IEnumerable<JsonElement> Resources(JsonElement template, string type) =>
        template.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == type);

    /// <summary>A template variable's value, following Bicep's indirection for loaded files (<c>[variables('$fxv#0')]</c>).</summary>
    public static JsonElement Variable(string name)
    {
        var value = Template.GetProperty("variables").GetProperty(name);
        while (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.StartsWith("[variables('") && text.EndsWith("')]"))
            value = Template.GetProperty("variables").GetProperty(text["[variables('".Length..^"')]".Length]);
        return value;
    }

    /// <summary>The user-assigned identities' names, as the template expressions every reference to them repeats.</summary>
    public static IReadOnlyList<string> IdentityNames() =>
        Resources("Microsoft.ManagedIdentity/userAssignedIdentities").Select(i => i.GetProperty("name").GetString()!.Trim('[', ']')).ToList();

    /// <summary>The one site whose kind starts with <paramref name="kind"/> (<c>functionapp</c> or <c>app</c>).</summary>
    public static JsonElement Site(string kind) => Site(Template, kind);

    public static JsonElement Site(JsonElement template, string kind) =>
        Assert.Single(Resources(template, "Microsoft.Web/sites"), s => s.GetProperty("kind").GetString()!.Split(',')[0] == kind);

    /// <summary>A site's app settings as written: name → value (a literal, or a template expression in brackets).</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(JsonElement site) => AppSettings(site, value => value.GetString()!);

    public static IReadOnlyDictionary<string, string> AppSettings(JsonElement site, Func<JsonElement, string> value) =>
        site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => value(s.GetProperty("value")), StringComparer.OrdinalIgnoreCase);

    /// <summary>The literal value of a string variable of the template.</summary>
    public static string StringVariable(string name) => Variable(name).GetString()!;
}
