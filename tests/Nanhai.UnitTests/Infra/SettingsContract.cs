using System.Text.Json;

namespace Nanhai.UnitTests.Infra;

/// <summary>
/// The settings each app reads, as the repository documents them: local.settings.sample.json for the Functions app
/// (values, and a description per setting whose "One machine only" marks what Azure must not set), appsettings.json for
/// the admin console.
/// </summary>
sealed record SettingsContract(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Descriptions)
{
    public const string OneMachineOnly = "One machine only";

    public static SettingsContract Functions()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepTemplate.RepositoryRoot, "local.settings.sample.json")));
        return new(Strings(sample.RootElement.GetProperty("Values")), Strings(sample.RootElement.GetProperty("Settings")));

        static Dictionary<string, string> Strings(JsonElement section) =>
            section.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The admin console's appsettings.json as environment-variable names (<c>Section__Key</c>, arrays by index).</summary>
    public static IReadOnlyDictionary<string, string> Admin()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepTemplate.RepositoryRoot, "admin-ui", "Nanhai.Admin", "appsettings.json")));
        var flat = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Flatten(settings.RootElement, "");
        return flat;

        void Flatten(JsonElement element, string prefix)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject()) Flatten(property.Value, prefix + (prefix.Length > 0 ? "__" : "") + property.Name);
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray()) Flatten(item, $"{prefix}__{index++}");
                    break;
                default:
                    flat[prefix] = element.ToString();
                    break;
            }
        }
    }

    public bool IsOneMachineOnly(string setting) => Descriptions.TryGetValue(setting, out var description) && description.StartsWith(OneMachineOnly, StringComparison.Ordinal);

    /// <summary>A storage connection string on one machine (a connection: Azure names the account and an identity instead).</summary>
    public bool IsStorageConnection(string setting) =>
        Values.TryGetValue(setting, out var value) && (value.StartsWith("UseDevelopmentStorage=", StringComparison.Ordinal) || value.Contains("AccountKey=", StringComparison.Ordinal));
}
