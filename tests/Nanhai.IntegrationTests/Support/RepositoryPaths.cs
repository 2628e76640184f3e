namespace Nanhai.IntegrationTests.Support;

/// <summary>Where things are in the checkout the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LocalServices => Path.Combine(Root, "infra", "local");

    /// <summary>A fresh folder for one test's data, under the ignored .local/ folder.</summary>
    public static string NewDataDirectory(string name)
    {
        var path = Path.Combine(Root, ".local", "test-runs", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(path);
        return path;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nanhai.Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Nanhai.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
