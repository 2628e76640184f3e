using System.Text.Json;
using Json.Pointer;

namespace Nanhai.Application.ServiceMatters.Applications;

public static partial class FormAnswers
{
    /// <summary>
    /// One place in the answers: its error key (<see cref="Path"/>), the same path relative to the answers for the
    /// English gloss (<see cref="Gloss"/>), its Chinese name for the applicant (<see cref="Label"/>), the subschema that
    /// describes it if one was found, and the answer there if there is one.
    /// </summary>
    internal sealed record Field(string Path, string Gloss, string Label, SchemaNode? Schema, JsonElement? Answer, bool InItem)
    {
        public JsonElement? Keyword(string name) => Schema?.Keyword(name);
    }

    /// <summary>A subschema and the schema document it belongs to, for following local references.</summary>
    internal readonly record struct SchemaNode(JsonElement Element, JsonElement Document)
    {
        // Enough for any sane chain of $defs; a cycle of references stops here instead of looping.
        const int MaxReferenceHops = 8;

        /// <summary>
        /// A keyword's value here or, failing that, in what a local <c>$ref</c> points to: in 2020-12 a field may be
        /// <c>{"$ref": "#/$defs/phone", "title": "联系电话"}</c>, with its own title beside the shared definition.
        /// </summary>
        public JsonElement? Keyword(string name)
        {
            var current = Element;
            for (var hop = 0; hop <= MaxReferenceHops && current.ValueKind == JsonValueKind.Object; hop++)
            {
                if (current.TryGetProperty(name, out var value))
                    return value;
                if (!current.TryGetProperty("$ref", out var reference)
                    || reference.GetString() is not ['#', .. var fragment]
                    || !JsonPointer.TryParse(Uri.UnescapeDataString(fragment), out var pointer)
                    || pointer.Evaluate(Document) is not { } target)
                    return null;
                current = target;
            }
            return null;
        }

        public SchemaNode? Subschema(string keyword) =>
            Keyword(keyword) is { ValueKind: JsonValueKind.Object } sub ? this with { Element = sub } : null;
    }

    /// <summary>
    /// Finds fields by the instance locations the evaluator reports, walking the schema beside the answers through
    /// properties, additionalProperties, prefixItems and items: the structure a form designer writes. The library's
    /// evaluation paths are not used because 8.0.x repeats the "items" segment in them.
    /// </summary>
    internal sealed class FieldLocator(JsonElement schema, JsonElement answers)
    {
        public Field Root { get; } = new(RootPath, RootPath, Messages.FormLabel, new SchemaNode(schema, schema), answers, InItem: false);

        public Field Locate(JsonPointer location)
        {
            var field = Root;
            // A pointer's text is its segments, each escaped: "~1" for "/", "~0" for "~".
            var text = location.ToString();
            if (text.Length == 0)
                return field;
            foreach (var segment in text[1..].Split('/'))
                field = Child(field, segment.Replace("~1", "/").Replace("~0", "~"));
            return field;
        }

        /// <summary>The property <paramref name="name"/> of the object at <paramref name="parent"/>, present or not.</summary>
        public static Field Property(Field parent, string name)
        {
            var schema = parent.Schema is { } s
                ? s.Keyword("properties") is { ValueKind: JsonValueKind.Object } properties && properties.TryGetProperty(name, out var declared)
                    ? s with { Element = declared }
                    : s.Subschema("additionalProperties")
                : null;
            var title = schema?.Keyword("title") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
            var own = string.IsNullOrWhiteSpace(title) ? name : title;
            var member = IsIdentifier(name) ? "." + name : $"[{JsonSerializer.Serialize(name)}]";
            return new Field(
                parent.Path + member,
                parent.Gloss == RootPath ? member.TrimStart('.') : parent.Gloss + member,
                // Inside a list item a field is named with its item, so "姓名" in the second child reads "子女第2项的姓名".
                parent.InItem ? Messages.MemberLabel(parent.Label, own) : own,
                schema,
                parent.Answer is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null,
                parent.InItem);
        }

        static Field Child(Field parent, string segment)
        {
            if (parent.Answer is not { ValueKind: JsonValueKind.Array } array || !int.TryParse(segment, out var index) || index < 0)
                return Property(parent, segment);

            var schema = parent.Schema is { } s
                ? s.Keyword("prefixItems") is { ValueKind: JsonValueKind.Array } prefix && index < prefix.GetArrayLength()
                    ? s with { Element = prefix[index] }
                    : s.Subschema("items")
                : null;
            var item = $"[{index}]";
            return new Field(
                parent.Path + item,
                parent.Gloss == RootPath ? item : parent.Gloss + item,
                Messages.ItemLabel(parent.Label, index),
                schema,
                index < array.GetArrayLength() ? array[index] : null,
                InItem: true);
        }

        static bool IsIdentifier(string name) =>
            name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
    }
}
