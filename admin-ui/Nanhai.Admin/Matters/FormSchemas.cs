using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nanhai.Application.ServiceMatters.Applications;

namespace Nanhai.Admin.Matters;

/// <summary>The kinds of field the form builder offers, each a shape of JSON Schema (see <see cref="FormSchemas"/>).</summary>
public enum FieldType
{
    /// <summary>单行文本: <c>{"type": "string"}</c> with minLength, maxLength, pattern.</summary>
    Text,
    /// <summary>多行文本: a string with the <c>x-widget: textarea</c> annotation (unknown keywords are annotations in 2020-12).</summary>
    Textarea,
    /// <summary>数字: <c>{"type": "number"}</c> with minimum, maximum.</summary>
    Number,
    /// <summary>整数: <c>{"type": "integer"}</c> with minimum, maximum.</summary>
    Integer,
    /// <summary>日期: <c>{"type": "string", "format": "date"}</c>.</summary>
    Date,
    /// <summary>下拉单选: a string with <c>enum</c>.</summary>
    Select,
    /// <summary>多选: an array of unique strings from <c>items.enum</c>; at least one when required.</summary>
    MultiSelect,
    /// <summary>勾选项: <c>{"type": "boolean"}</c>.</summary>
    Checkbox,
    /// <summary>其他: a field the builder cannot show (an object, a <c>$ref</c>…), kept exactly as it was.</summary>
    Other,
}

/// <summary>One field of the form builder (表单字段).</summary>
public sealed class FormFieldInput
{
    /// <summary>字段名: the property name in the applicant's answers, e.g. <c>contactPhone</c>.</summary>
    public string? Name { get; set; }
    /// <summary>字段标题: what the applicant reads (the schema's <c>title</c>).</summary>
    public string? Label { get; set; }
    public FieldType Type { get; set; }
    public bool Required { get; set; } = true;
    /// <summary>选项, one per line (single and multiple choice).</summary>
    public string? Options { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public string? Pattern { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    /// <summary>The field's keywords the builder does not edit (a description, a format…), as JSON, kept as they were.</summary>
    public string? Extra { get; set; }

    public static FormFieldInput New(int index) => new() { Name = $"field{index + 1}" };

    public IReadOnlyList<string> OptionList =>
        (Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public bool IsText => Type is FieldType.Text or FieldType.Textarea;
    public bool IsNumeric => Type is FieldType.Number or FieldType.Integer;
    public bool HasOptions => Type is FieldType.Select or FieldType.MultiSelect;
}

/// <summary>
/// The form builder's two directions: fields to the JSON Schema (2020-12) that <c>MatterDefinition.FormSchema</c> stores,
/// and a stored schema back to fields. Keywords the builder does not edit travel in <c>Extra</c>/<c>FormExtra</c>, so
/// opening and saving a matter whose schema was written by hand loses nothing.
/// </summary>
public static partial class FormSchemas
{
    const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    const string Widget = "x-widget";

    public static IReadOnlyList<(FieldType Type, string Label)> Types { get; } =
    [
        (FieldType.Text, "单行文本"), (FieldType.Textarea, "多行文本"), (FieldType.Number, "数字"), (FieldType.Integer, "整数"),
        (FieldType.Date, "日期"), (FieldType.Select, "下拉单选"), (FieldType.MultiSelect, "多选"), (FieldType.Checkbox, "勾选项"),
        (FieldType.Other, "其他（保持原样）"),
    ];

    // The keywords each type's inputs stand for; the rest of a field's keywords are its Extra.
    static readonly string[] Top = ["$schema", "title", "type", "properties", "required", "additionalProperties"];
    static string[] Managed(FieldType type) => type switch
    {
        FieldType.Text => ["title", "type", "minLength", "maxLength", "pattern"],
        FieldType.Textarea => ["title", "type", "minLength", "maxLength", "pattern", Widget],
        FieldType.Number or FieldType.Integer => ["title", "type", "minimum", "maximum"],
        FieldType.Date => ["title", "type", "format"],
        FieldType.Select => ["title", "type", "enum"],
        FieldType.MultiSelect => ["title", "type", "items", "uniqueItems", "minItems"],
        FieldType.Checkbox => ["title", "type"],
        _ => ["title"],
    };

    public static JsonElement Build(string? title, string? extra, IReadOnlyList<FormFieldInput> fields)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        // A field without a name has no place in the answers; Check reports it, and the preview leaves it out meanwhile.
        foreach (var field in fields.Where(f => !string.IsNullOrWhiteSpace(f.Name)))
        {
            var name = field.Name!.Trim();
            if (properties.ContainsKey(name)) continue;
            properties[name] = FieldSchema(field);
            if (field.Required) required.Add(name);
        }
        var schema = Parse(extra);
        schema["$schema"] = Dialect;
        if (!string.IsNullOrWhiteSpace(title)) schema["title"] = title.Trim();
        schema["type"] = "object";
        schema["properties"] = properties;
        schema["required"] = required;
        schema["additionalProperties"] = false;
        return JsonSerializer.SerializeToElement(schema);
    }

    static JsonObject FieldSchema(FormFieldInput f)
    {
        var schema = Parse(f.Extra);
        schema["title"] = string.IsNullOrWhiteSpace(f.Label) ? f.Name!.Trim() : f.Label.Trim();
        void Set(string keyword, JsonNode? value)
        {
            if (value is not null) schema[keyword] = value;
        }
        switch (f.Type)
        {
            case FieldType.Text or FieldType.Textarea:
                schema["type"] = "string";
                Set("minLength", f.MinLength);
                Set("maxLength", f.MaxLength);
                Set("pattern", string.IsNullOrWhiteSpace(f.Pattern) ? null : f.Pattern.Trim());
                if (f.Type == FieldType.Textarea) schema[Widget] = "textarea";
                break;
            case FieldType.Number or FieldType.Integer:
                schema["type"] = f.Type == FieldType.Integer ? "integer" : "number";
                Set("minimum", f.Minimum);
                Set("maximum", f.Maximum);
                break;
            case FieldType.Date:
                schema["type"] = "string";
                schema["format"] = "date";
                break;
            case FieldType.Select:
                schema["type"] = "string";
                schema["enum"] = Strings(f.OptionList);
                break;
            case FieldType.MultiSelect:
                schema["type"] = "array";
                schema["items"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(f.OptionList) };
                schema["uniqueItems"] = true;
                // "required" only asks for the property; a required choice also needs something chosen.
                if (f.Required) schema["minItems"] = 1;
                break;
            case FieldType.Checkbox:
                schema["type"] = "boolean";
                break;
        }
        return schema;
    }

    public static (string? Title, string? Extra, List<FormFieldInput> Fields) Read(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return (null, null, []);
        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!).ToHashSet()
            : [];
        var fields = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(p => ReadField(p.Name, p.Value, required.Contains(p.Name))).ToList()
            : [];
        return (Text(schema, "title"), ExtraOf(schema, Top), fields);
    }

    static FormFieldInput ReadField(string name, JsonElement field, bool required)
    {
        var type = TypeOf(field);
        var items = field.TryGetProperty("items", out var i) ? i : default;
        var options = type switch
        {
            FieldType.Select => Enum(field),
            FieldType.MultiSelect => Enum(items),
            _ => [],
        };
        return new FormFieldInput
        {
            Name = name, Label = Text(field, "title") ?? name, Type = type, Required = required,
            Options = string.Join('\n', options),
            MinLength = type is FieldType.Text or FieldType.Textarea ? Integer(field, "minLength") : null,
            MaxLength = type is FieldType.Text or FieldType.Textarea ? Integer(field, "maxLength") : null,
            Pattern = type is FieldType.Text or FieldType.Textarea ? Text(field, "pattern") : null,
            Minimum = type is FieldType.Number or FieldType.Integer ? Number(field, "minimum") : null,
            Maximum = type is FieldType.Number or FieldType.Integer ? Number(field, "maximum") : null,
            Extra = ExtraOf(field, Managed(type)),
        };
    }

    /// <summary>The builder type a field's schema has; <see cref="FieldType.Other"/> when none of the builder's shapes fits it.</summary>
    static FieldType TypeOf(JsonElement field)
    {
        if (field.ValueKind != JsonValueKind.Object) return FieldType.Other;
        var format = Text(field, "format");
        return Text(field, "type") switch
        {
            "string" when field.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array => FieldType.Select,
            "string" when format == "date" => FieldType.Date,
            "string" when format is null && Text(field, Widget) == "textarea" => FieldType.Textarea,
            "string" when format is null => FieldType.Text,
            "number" => FieldType.Number,
            "integer" => FieldType.Integer,
            "boolean" => FieldType.Checkbox,
            "array" when field.TryGetProperty("items", out var items) && Text(items, "type") == "string" && Enum(items).Count > 0
                         && items.EnumerateObject().Count() == 2 => FieldType.MultiSelect,
            _ => FieldType.Other,
        };
    }

    /// <summary>
    /// What is wrong with the builder's fields before the platform sees them: the platform checks only that the form is an
    /// object schema, so names, choices and limits are checked here, then the built schema against JSON Schema 2020-12
    /// (<see cref="FormAnswers.CheckSchema"/>, the platform's own check). Keys are relative to the form (<c>Fields[1].Name</c>).
    /// </summary>
    public static IEnumerable<(string Key, string Message)> Check(IReadOnlyList<FormFieldInput> fields, JsonElement schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var at = $"Fields[{i}]";
            if (string.IsNullOrWhiteSpace(f.Name))
                yield return ($"{at}.Name", "字段名必填");
            else if (!FieldName().IsMatch(f.Name.Trim()))
                yield return ($"{at}.Name", "字段名以英文字母开头，只含英文字母、数字和下划线，如 contactPhone");
            else if (!names.Add(f.Name.Trim()))
                yield return ($"{at}.Name", "字段名重复");
            if (string.IsNullOrWhiteSpace(f.Label))
                yield return ($"{at}.Label", "字段标题必填");
            if (f.HasOptions && f.OptionList.Count == 0)
                yield return ($"{at}.Options", "请至少填写一个选项（每行一个）");
            else if (f.HasOptions && f.OptionList.Distinct().Count() != f.OptionList.Count)
                yield return ($"{at}.Options", "选项重复");
            if (f.IsText && f.MinLength is < 0) yield return ($"{at}.MinLength", "最少字数不能为负数");
            if (f.IsText && f.MaxLength is < 1) yield return ($"{at}.MaxLength", "最多字数至少为 1");
            if (f.IsText && f.MinLength > f.MaxLength) yield return ($"{at}.MaxLength", "最多字数不能小于最少字数");
            if (f.IsText && !string.IsNullOrWhiteSpace(f.Pattern) && !Compiles(f.Pattern.Trim()))
                yield return ($"{at}.Pattern", "格式（正则表达式）无法解析");
            if (f.IsNumeric && f.Minimum > f.Maximum) yield return ($"{at}.Maximum", "最大值不能小于最小值");
        }
        foreach (var problem in FormAnswers.CheckSchema(schema))
            yield return ("Fields", $"{problem.Message}{(problem.Location.Length > 0 ? $"（{problem.Location}）" : "")}");
    }

    static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static JsonObject Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            // Extra comes back from a hidden input: a tampered value is dropped rather than stored.
            return [];
        }
    }

    static string? ExtraOf(JsonElement element, string[] managed)
    {
        var extra = new JsonObject();
        foreach (var property in element.EnumerateObject().Where(p => !managed.Contains(p.Name)))
            extra[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        return extra.Count == 0 ? null : extra.ToJsonString();
    }

    static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    static List<string> Enum(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
            ? [.. e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())]
            : [];

    static string? Text(JsonElement element, string keyword) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(keyword, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static int? Integer(JsonElement element, string keyword) =>
        element.TryGetProperty(keyword, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    static decimal? Number(JsonElement element, string keyword) =>
        element.TryGetProperty(keyword, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n) ? n : null;

    /// <summary>A number as an HTML attribute value (a decimal point whatever the culture).</summary>
    public static string? Attribute(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex FieldName();
}
