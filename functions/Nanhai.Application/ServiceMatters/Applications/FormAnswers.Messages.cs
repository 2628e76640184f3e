using System.Text.Json;

namespace Nanhai.Application.ServiceMatters.Applications;

public static partial class FormAnswers
{
    /// <summary>
    /// What the applicant reads: Simplified Chinese naming the field by its title, then an English gloss naming it by
    /// its path, the way the API's other validation messages read. Limits and allowed values come from the field's
    /// schema; when the failing keyword is not there (it came from a combinator such as allOf), the generic message is
    /// used rather than a wrong number.
    /// </summary>
    internal static class Messages
    {
        public const string FormLabel = "申请表单";

        public static string ItemLabel(string list, int index) => $"{list}第{index + 1}项";

        public static string MemberLabel(string item, string member) => $"{item}的{member}";

        public static string NotAnObject() => "申请表单内容应为 JSON 对象 (answers must be a JSON object)";

        public static string TooLarge() =>
            $"申请表单内容过大，不能超过 {MaxAnswerBytes / 1024} KB (answers must be at most {MaxAnswerBytes / 1024} KB)";

        public static string TooDeep() =>
            $"申请表单内容嵌套过深，不能超过 {MaxDepth} 层 (answers must not nest deeper than {MaxDepth} levels)";

        public static string Required(Field f) => $"请填写{f.Label} ({f.Gloss} is required)";

        public static string SomeRequired(Field f) => $"{f.Label}有必填项未填写 ({f.Gloss}: required fields are missing)";

        public static string Invalid(Field f) => $"{f.Label}填写不符合要求 ({f.Gloss} is invalid)";

        /// <summary>The message for a failed <paramref name="keyword"/> ("" is a false schema: additionalProperties: false).</summary>
        public static string For(string keyword, Field f) => keyword switch
        {
            "" => $"不允许填写“{f.Label}” ({f.Gloss} is not allowed)",
            "type" => Type(f),
            "pattern" => $"{f.Label}格式不正确 ({f.Gloss}: does not match the required pattern)",
            "format" => Format(f),
            "enum" => f.Keyword("enum") is { ValueKind: JsonValueKind.Array } values
                ? $"{f.Label}应为以下之一：{string.Join("、", values.EnumerateArray().Select(Show))} ({f.Gloss}: must be one of {string.Join(", ", values.EnumerateArray().Select(Show))})"
                : Generic(keyword, f),
            "const" => f.Keyword("const") is { } value ? $"{f.Label}应为 {Show(value)} ({f.Gloss}: must be {Show(value)})" : Generic(keyword, f),
            "uniqueItems" => $"{f.Label}不能有重复项 ({f.Gloss}: must not contain duplicate items)",
            _ => f.Keyword(keyword) is { ValueKind: JsonValueKind.Number } limit ? Limit(keyword, limit.GetRawText(), f) : Generic(keyword, f),
        };

        static string Limit(string keyword, string n, Field f) => keyword switch
        {
            "minLength" => $"{f.Label}不能少于 {n} 个字符 ({f.Gloss}: must be at least {n} characters)",
            "maxLength" => $"{f.Label}不能超过 {n} 个字符 ({f.Gloss}: must be at most {n} characters)",
            "minimum" => $"{f.Label}不能小于 {n} ({f.Gloss}: must be at least {n})",
            "maximum" => $"{f.Label}不能大于 {n} ({f.Gloss}: must be at most {n})",
            "exclusiveMinimum" => $"{f.Label}应大于 {n} ({f.Gloss}: must be greater than {n})",
            "exclusiveMaximum" => $"{f.Label}应小于 {n} ({f.Gloss}: must be less than {n})",
            "multipleOf" => $"{f.Label}应为 {n} 的整数倍 ({f.Gloss}: must be a multiple of {n})",
            "minItems" => $"{f.Label}至少应有 {n} 项 ({f.Gloss}: must have at least {n} items)",
            "maxItems" => $"{f.Label}最多只能有 {n} 项 ({f.Gloss}: must have at most {n} items)",
            _ => Generic(keyword, f),
        };

        static string Type(Field f)
        {
            var expected = f.Keyword("type") switch
            {
                { ValueKind: JsonValueKind.String } one => [one.GetString()!],
                { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Select(t => t.GetString() ?? "").ToArray(),
                _ => Array.Empty<string>(),
            };
            if (expected.Length == 0)
                return Generic("type", f);
            var names = expected.Select(TypeName).ToArray();
            return $"{f.Label}应为{string.Join("或", names.Select(n => n.Zh))} ({f.Gloss} must be {string.Join(" or ", names.Select(n => n.En))})";
        }

        static (string Zh, string En) TypeName(string type) => type switch
        {
            "string" => ("文本", "a string"),
            "integer" => ("整数", "an integer"),
            "number" => ("数字", "a number"),
            "boolean" => ("是或否", "true or false"),
            "object" => ("对象", "an object"),
            "array" => ("列表", "an array"),
            "null" => ("空值", "null"),
            _ => (type, type),
        };

        static string Format(Field f) => f.Keyword("format")?.GetString() switch
        {
            "date" => $"{f.Label}应为日期格式 YYYY-MM-DD，且须为真实日期 ({f.Gloss}: must be a real date as YYYY-MM-DD)",
            "date-time" => $"{f.Label}应为日期时间格式，如 2026-03-02T09:30:00+08:00 ({f.Gloss}: must be an RFC 3339 date-time)",
            "time" => $"{f.Label}应为时间格式，如 09:30:00+08:00 ({f.Gloss}: must be an RFC 3339 time)",
            "email" or "idn-email" => $"{f.Label}应为有效的电子邮箱地址 ({f.Gloss}: must be an email address)",
            "uri" or "iri" => $"{f.Label}应为完整的网址 ({f.Gloss}: must be an absolute URI)",
            { } other => $"{f.Label}格式不正确，应为 {other} 格式 ({f.Gloss}: must be a valid \"{other}\")",
            null => Generic("format", f),
        };

        static string Generic(string keyword, Field f) => $"{f.Label}填写不符合要求 ({f.Gloss}: fails \"{keyword}\")";

        // Allowed values as the applicant would type them: strings bare, anything else as JSON.
        static string Show(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }
}
