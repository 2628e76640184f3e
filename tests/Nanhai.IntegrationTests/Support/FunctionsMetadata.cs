using System.Text.Json;

namespace Nanhai.IntegrationTests.Support;

/// <summary>The Functions app's build output: what the Azure Functions host would load.</summary>
public static class FunctionsMetadata
{
    static readonly string Configuration = typeof(FunctionsMetadata).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
        .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    public static string OutputDirectory => Path.Combine(RepositoryPaths.Root, "functions", "Nanhai.Functions", "bin", Configuration, "net10.0");

    /// <summary>The generated functions.metadata (the Worker SDK writes it from the function attributes at build time).</summary>
    public static JsonDocument Read() => JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "functions.metadata")));

    /// <summary>(route, METHOD) of every HTTP trigger in the Functions app's generated functions.metadata.</summary>
    public static List<(string Route, string Method)> HttpRoutes()
    {
        using var metadata = Read();
        return
        [
            .. from function in metadata.RootElement.EnumerateArray()
               from binding in function.GetProperty("bindings").EnumerateArray()
               where binding.GetProperty("type").GetString() == "httpTrigger"
               from method in binding.GetProperty("methods").EnumerateArray()
               select (binding.GetProperty("route").GetString()!, method.GetString()!.ToUpperInvariant())
        ];
    }
}
