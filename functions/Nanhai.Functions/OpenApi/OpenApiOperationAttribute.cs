namespace Nanhai.Functions.OpenApi;

/// <summary>How an HTTP function appears in the OpenAPI document: its tag, summary and request body.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiOperationAttribute(string tag, string summary) : Attribute
{
    public string Tag { get; } = tag;
    public string Summary { get; } = summary;
    public Type? RequestBody { get; init; }
}
