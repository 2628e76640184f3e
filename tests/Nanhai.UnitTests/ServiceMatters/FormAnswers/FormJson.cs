using System.Text.Json;
using Nanhai.Application.ServiceMatters.DemoData;

namespace Nanhai.UnitTests.ServiceMatters.FormAnswerValidation;

/// <summary>Schemas and answers for the form-answer tests.</summary>
static class FormJson
{
    static readonly IReadOnlyDictionary<string, JsonElement> demoSchemas =
        DemoMatterCatalog.Read().ToDictionary(s => s.Code, s => s.Definition.FormSchema);

    public static IEnumerable<KeyValuePair<string, JsonElement>> DemoSchemas => demoSchemas;

    /// <summary>The form schema of a demo matter, by its code.</summary>
    public static JsonElement Demo(string code) => demoSchemas[code];

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A form with one field of every kind the designer offers, nested lists included.</summary>
    public static readonly JsonElement Household = Parse("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "测试申请表",
          "type": "object",
          "properties": {
            "applicantName": {"type": "string", "title": "申请人姓名", "minLength": 2, "maxLength": 5},
            "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9]\\d{9}$"},
            "openedOn": {"type": "string", "title": "开业日期", "format": "date"},
            "email": {"type": "string", "title": "电子邮箱", "format": "email"},
            "kind": {"type": "string", "title": "申请类型", "enum": ["新办", "变更"]},
            "promise": {"title": "信用承诺", "const": true},
            "employees": {"type": "integer", "title": "从业人数", "minimum": 1, "maximum": 500},
            "area": {"type": "number", "title": "经营面积", "exclusiveMinimum": 0, "exclusiveMaximum": 10000},
            "copies": {"type": "integer", "title": "领取份数", "multipleOf": 2},
            "children": {
              "type": "array", "title": "子女", "minItems": 1, "maxItems": 3, "uniqueItems": true,
              "items": {
                "type": "object",
                "properties": {
                  "name": {"type": "string", "title": "姓名", "minLength": 2},
                  "birthDate": {"type": "string", "title": "出生日期", "format": "date"}
                },
                "required": ["name"],
                "additionalProperties": false
              }
            },
            "note": {"type": "string", "title": "备注", "not": {"const": "无"}},
            "extra": {"type": "object", "minProperties": 1},
            "home": {"$ref": "#/$defs/address", "title": "家庭住址"},
            "work": {"$ref": "#/$defs/address"}
          },
          "required": ["applicantName", "phone"],
          "additionalProperties": false,
          "$defs": {
            "address": {"type": "string", "title": "地址", "maxLength": 10}
          }
        }
        """);

    public static JsonElement Answers(string json) => Parse(json);
}
