using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.DemoData;

/// <summary>
/// The demo catalogue of Nanhai service matters (<c>matters.json</c>, embedded in this assembly) that <c>./nanhai up</c>
/// seeds: over forty matters of real kinds of district body, covering every handling level and service attribute.
/// </summary>
public static class DemoMatterCatalog
{
    public const string ResourceName = "Nanhai.Application.ServiceMatters.DemoData.matters.json";

    /// <summary>The seeds, parsed; publish them with <see cref="MatterSeeds.Publish"/>.</summary>
    /// <exception cref="InvalidDataException">The embedded file is malformed.</exception>
    public static IReadOnlyList<MatterSeed> Read()
    {
        using var stream = typeof(DemoMatterCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(DemoMatterCatalog).Assembly.GetName().Name}.");
        return MatterSeeds.Read(stream);
    }
}
