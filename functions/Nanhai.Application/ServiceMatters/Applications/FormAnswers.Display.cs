using System.Text.Json;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>One answer of the application form as staff read it: the field's name, its title in the form, and the answer as text.</summary>
public sealed record AnswerView(string Field, string Label, string Value);

public static partial class FormAnswers
{
    /// <summary>Joins the items of a list answer (诊疗科目: 口腔科、内科).</summary>
    public const string ItemSeparator = "、";

    /// <summary>Joins the members of an object answer (姓名：李小满；性别：女).</summary>
    public const string MemberSeparator = "；";

    /// <summary>
    /// The answers as the centre's staff read them, one per field of <paramref name="formSchema"/> the applicant answered,
    /// in the schema's order and labelled with the field's <c>title</c> (its name when it has none); answers the schema
    /// admitted without declaring them (additionalProperties) follow, in the order sent, labelled with their names.
    /// </summary>
    /// <remarks>
    /// Values become display text: strings as they are (or the <c>title</c> of the matching <c>oneOf</c>/<c>anyOf</c>
    /// option, when the schema names its options that way), numbers as written, booleans 是/否, lists with their items
    /// joined by “、”, objects as “title：value” joined by “；”. A field answered with null, or not at all, is left out.
    /// Pass <see langword="null"/> for the schema when it cannot be had: every answer is then listed by its name.
    /// </remarks>
    public static IReadOnlyList<AnswerView> Display(JsonElement? formSchema, JsonElement answers)
    {
        if (answers.ValueKind != JsonValueKind.Object)
            return [];
        SchemaNode? root = formSchema is { ValueKind: JsonValueKind.Object } schema ? new SchemaNode(schema, schema) : null;
        return [.. Members(root, answers).Select(m => new AnswerView(m.Name, m.Label, m.Value))];
    }

    /// <summary>The answered members of an object: declared ones in the schema's order, then the rest as sent.</summary>
    static IEnumerable<(string Name, string Label, string Value)> Members(SchemaNode? schema, JsonElement answer)
    {
        var declared = schema?.Keyword("properties") is { ValueKind: JsonValueKind.Object } properties ? properties : (JsonElement?)null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (declared is { } props)
        {
            foreach (var property in props.EnumerateObject())
            {
                if (!seen.Add(property.Name) || !answer.TryGetProperty(property.Name, out var value) || value.ValueKind == JsonValueKind.Null)
                    continue;
                var node = schema!.Value with { Element = property.Value };
                yield return (property.Name, TitleOf(node) ?? property.Name, Text(node, value));
            }
        }
        var additional = schema?.Subschema("additionalProperties");
        foreach (var property in answer.EnumerateObject())
        {
            if (seen.Contains(property.Name) || property.Value.ValueKind == JsonValueKind.Null)
                continue;
            seen.Add(property.Name);
            yield return (property.Name, property.Name, Text(additional, property.Value));
        }
    }

    static string Text(SchemaNode? schema, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.String => OptionTitle(schema, value) ?? value.GetString() ?? "",
        JsonValueKind.Number => OptionTitle(schema, value) ?? value.GetRawText(),
        JsonValueKind.Array => string.Join(ItemSeparator, value.EnumerateArray()
            .Select((item, index) => (item, index))
            .Where(x => x.item.ValueKind != JsonValueKind.Null)
            .Select(x => Text(ItemSchema(schema, x.index), x.item))
            .Where(text => text.Length > 0)),
        JsonValueKind.Object => string.Join(MemberSeparator, Members(schema, value).Select(m => $"{m.Label}：{m.Value}")),
        _ => "",
    };

    static SchemaNode? ItemSchema(SchemaNode? schema, int index) =>
        schema is { } s && s.Keyword("prefixItems") is { ValueKind: JsonValueKind.Array } prefix && index < prefix.GetArrayLength()
            ? s with { Element = prefix[index] }
            : schema?.Subschema("items");

    static string? TitleOf(SchemaNode schema) =>
        schema.Keyword("title") is { ValueKind: JsonValueKind.String } title && !string.IsNullOrWhiteSpace(title.GetString()) ? title.GetString() : null;

    /// <summary>The title of the option <paramref name="value"/> is, for schemas that list options as <c>{"const": …, "title": …}</c>.</summary>
    static string? OptionTitle(SchemaNode? schema, JsonElement value)
    {
        if (schema is not { } s)
            return null;
        foreach (var keyword in (ReadOnlySpan<string>)["oneOf", "anyOf"])
        {
            if (s.Keyword(keyword) is not { ValueKind: JsonValueKind.Array } options)
                continue;
            foreach (var option in options.EnumerateArray())
            {
                var node = s with { Element = option };
                if (node.Keyword("const") is { } constant && JsonElement.DeepEquals(constant, value) && TitleOf(node) is { } title)
                    return title;
            }
        }
        return null;
    }
}
