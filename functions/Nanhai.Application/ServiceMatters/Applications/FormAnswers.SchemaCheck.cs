using System.Globalization;
using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>Something wrong with a form schema: where (a JSON Pointer into the schema, "" for the whole) and what.</summary>
public sealed record FormSchemaProblem(string Location, string Message);

public static partial class FormAnswers
{
    // The dialect a form may declare in $schema; one that declares none is read as 2020-12 as well.
    const string draft202012 = "https://json-schema.org/draft/2020-12/schema";

    static readonly EvaluationOptions metaEvaluation = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        // Asserts "regex" on every pattern, so a pattern .NET cannot compile is reported here, not at submission.
        RequireFormatValidation = true,
        Culture = CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// The problems that would stop <paramref name="formSchema"/> from working as a form: not valid against the JSON
    /// Schema 2020-12 meta-schema, written for another draft, not compilable (an unresolvable <c>$ref</c>), or using a
    /// format that is unknown and so would never be checked. Empty when the schema is fine. For the form designer and
    /// for checking the catalogue; it never throws for a bad schema and caches nothing, since drafts change all the time.
    /// </summary>
    public static IReadOnlyList<FormSchemaProblem> CheckSchema(JsonElement formSchema)
    {
        if (formSchema.ValueKind == JsonValueKind.Undefined)
            return [new FormSchemaProblem("", "没有申请表单 (there is no schema)")];

        var problems = new List<FormSchemaProblem>();
        void Add(string location, string message)
        {
            var problem = new FormSchemaProblem(location, message);
            if (!problems.Contains(problem))
                problems.Add(problem);
        }

        if (formSchema.ValueKind == JsonValueKind.Object
            && formSchema.TryGetProperty("$schema", out var declared)
            && declared.ValueKind == JsonValueKind.String
            && declared.GetString()?.TrimEnd('#') != draft202012)
            Add("/$schema", $"申请表单须使用 JSON Schema 2020-12 ($schema must be {draft202012})");

        CollectMetaProblems(MetaSchemas.Draft202012.Evaluate(formSchema, metaEvaluation), Add);
        if (problems.Count > 0)
            return problems;

        var unresolved = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            CollectUnresolvedReferences(CompiledForm.Build(formSchema).Schema.Root, unresolved);
        }
        catch (InvalidOperationException e)
        {
            Add("", $"申请表单无法编译 (the schema cannot be compiled: {e.InnerException?.Message ?? e.Message})");
        }
        CollectKeywordProblems(formSchema, "", unresolved, Add);
        return problems;
    }

    /// <summary>
    /// A <c>$ref</c> the library could not resolve while building fails only when an answer reaches it, as an
    /// exception; the built schema shows it as a reference with no target. References are not followed, so every
    /// node is visited once. Only the reference texts are collected: 8.0.x gives some subschemas a wrong relative
    /// path, so the locations come from walking the JSON (<see cref="CollectKeywordProblems"/>).
    /// </summary>
    static void CollectUnresolvedReferences(JsonSchemaNode node, HashSet<string> unresolved)
    {
        foreach (var keyword in node.Keywords ?? [])
        {
            if (keyword.Handler is RefKeyword or DynamicRefKeyword)
            {
                if (keyword.Handler is RefKeyword && (keyword.Subschemas ?? []).Length == 0)
                    unresolved.Add(keyword.RawValue.GetString() ?? "");
                continue;
            }
            foreach (var subschema in keyword.Subschemas ?? [])
                CollectUnresolvedReferences(subschema, unresolved);
        }
    }

    // The same walk as for answers: failures under a passing node (a satisfied anyOf's other branches) are skipped.
    static void CollectMetaProblems(EvaluationResults node, Action<string, string> add)
    {
        if (node.IsValid)
            return;
        var explained = false;
        foreach (var (keyword, message) in node.Errors ?? [])
        {
            add(node.InstanceLocation.ToString(), $"不符合 JSON Schema 2020-12 的要求 ({keyword}: {message})");
            explained = true;
        }
        foreach (var child in node.Details ?? [])
        {
            if (child.IsValid)
                continue;
            CollectMetaProblems(child, add);
            explained = true;
        }
        if (!explained)
            add(node.InstanceLocation.ToString(), "不符合 JSON Schema 2020-12 的要求 (invalid here)");
    }

    /// <summary>
    /// Finds the unresolved references and the unknown formats: formats the library does not know pass every value
    /// even with format assertion on, so a typo such as "data" would silently check nothing. Values of enum, const,
    /// default and examples are data, not schemas, and are skipped.
    /// </summary>
    static void CollectKeywordProblems(JsonElement element, string location, HashSet<string> unresolved, Action<string, string> add)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = $"{location}/{property.Name.Replace("~", "~0").Replace("/", "~1")}";
                    var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    if (property.Name == "format" && text is not null && FormatRegistry.Global.Get(text) is UnknownFormat)
                        add(at, $"未知的格式“{text}”，提交时不会校验 (unknown format \"{text}\" would never be checked)");
                    else if (property.Name == "$ref" && text is not null && unresolved.Contains(text))
                        add(at, $"引用的定义不存在 ($ref \"{text}\" cannot be resolved)");
                    else if (property.Name is not ("enum" or "const" or "default" or "examples"))
                        CollectKeywordProblems(property.Value, at, unresolved, add);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    CollectKeywordProblems(item, $"{location}/{index++}", unresolved, add);
                break;
        }
    }
}
