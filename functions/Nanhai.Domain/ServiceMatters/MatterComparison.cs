using Nanhai.Domain.ELicences;
using System.Globalization;
using System.Text.Json;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>How a field differs between two definitions.</summary>
public enum ChangeKind
{
    /// <summary>新增 — present only in the later definition (a material, a form field).</summary>
    Added = 1,
    /// <summary>删除 — present only in the earlier definition.</summary>
    Removed = 2,
    /// <summary>修改 — present in both with different values.</summary>
    Changed = 3,
}

/// <summary>
/// One field-level difference between two definitions, for the designer's "compare versions" view (版本比对).
/// <paramref name="Field"/> is a stable path: the definition's camelCase JSON names, with materials addressed by id
/// (<c>materials[id=photo].required</c>, since indexes shift when materials are added) and form fields by property name
/// (<c>formSchema.properties.contactPhone</c>). <paramref name="Label"/> names the field in Chinese;
/// <paramref name="Before"/> and <paramref name="After"/> are display text (Chinese for enumerations, compact JSON for
/// form-schema parts), null on the side where the thing does not exist.
/// </summary>
public sealed record MatterDifference(string Field, string Label, ChangeKind Change, string? Before, string? After);

/// <summary>Compares two matter definitions field by field.</summary>
public static class MatterComparison
{
    /// <summary>The differences from <paramref name="before"/> to <paramref name="after"/>, in the definition's field order; empty when equal.</summary>
    public static IReadOnlyList<MatterDifference> Compare(MatterDefinition before, MatterDefinition after)
    {
        var differences = new List<MatterDifference>();
        void Scalar(string field, string label, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
                differences.Add(new(field, label, ChangeKind.Changed, a, b));
        }

        Scalar("name", "事项名称", before.Name, after.Name);
        Scalar("department", "实施主体", before.Department, after.Department);
        Scalar("level", "办理层级", before.Level.ToChinese(), after.Level.ToChinese());
        // Centres and delivery options are sets: reordering them changes nothing for applicants.
        if (!before.Centres.ToHashSet().SetEquals(after.Centres))
            Scalar("centres", "受理地点", CentreNames(before.Centres), CentreNames(after.Centres));
        Scalar("kind", "办件类型", before.Kind.ToChinese(), after.Kind.ToChinese());
        Scalar("statutoryWorkingDays", "法定办结时限（工作日）", Number(before.StatutoryWorkingDays), Number(after.StatutoryWorkingDays));
        Scalar("promisedWorkingDays", "承诺办结时限（工作日）", Number(before.PromisedWorkingDays), Number(after.PromisedWorkingDays));
        Scalar("visitsRequired", "到现场次数", Number(before.VisitsRequired), Number(after.VisitsRequired));
        CompareMaterials(before.Materials, after.Materials, differences);
        if (!before.DeliveryOptions.ToHashSet().SetEquals(after.DeliveryOptions))
            Scalar("deliveryOptions", "送达方式", Join(before.DeliveryOptions.Select(o => o.ToChinese())), Join(after.DeliveryOptions.Select(o => o.ToChinese())));
        Scalar("fee.amountYuan", "收费金额（元）", Money(before.Fee.AmountYuan), Money(after.Fee.AmountYuan));
        Scalar("fee.legalBasis", "收费依据", before.Fee.LegalBasis, after.Fee.LegalBasis);
        CompareFormSchemas(before.FormSchema, after.FormSchema, differences);
        return differences;
    }

    static void CompareMaterials(IReadOnlyList<Material> before, IReadOnlyList<Material> after, List<MatterDifference> differences)
    {
        var afterById = after.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var beforeById = before.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());

        foreach (var old in before.Where(m => !afterById.ContainsKey(m.Id)))
            differences.Add(new($"materials[id={old.Id}]", $"申请材料“{old.Name}”", ChangeKind.Removed, Describe(old), null));

        foreach (var current in after)
        {
            var at = $"materials[id={current.Id}]";
            if (!beforeById.TryGetValue(current.Id, out var old))
            {
                differences.Add(new(at, $"申请材料“{current.Name}”", ChangeKind.Added, null, Describe(current)));
                continue;
            }
            void Property(string field, string label, string a, string b)
            {
                if (a != b)
                    differences.Add(new($"{at}.{field}", $"材料“{current.Name}”的{label}", ChangeKind.Changed, a, b));
            }
            Property("name", "名称", old.Name, current.Name);
            Property("required", "是否必交", YesNo(old.Required), YesNo(current.Required));
            Property("mayBeMissingAtAcceptance", "是否容缺", YesNo(old.MayBeMissingAtAcceptance), YesNo(current.MayBeMissingAtAcceptance));
            Property("replaceableByLicence", "可替代的电子证照", Licence(old.ReplaceableByLicence), Licence(current.ReplaceableByLicence));
            Property("form", "材料形式", old.Form.ToChinese(), current.Form.ToChinese());
            Property("maxSizeBytes", "文件大小上限", Size(old.MaxSizeBytes), Size(current.MaxSizeBytes));
            Property("allowedContentTypes", "允许的文件类型", string.Join(", ", old.AllowedContentTypes), string.Join(", ", current.AllowedContentTypes));
        }

        // The order is what applicants see in the checklist, so a pure reordering is a change worth showing.
        var kept = before.Select(m => m.Id).Where(afterById.ContainsKey).ToList();
        var keptAfter = after.Select(m => m.Id).Where(beforeById.ContainsKey).ToList();
        if (!kept.SequenceEqual(keptAfter))
        {
            differences.Add(new("materials", "申请材料顺序", ChangeKind.Changed,
                Join(kept.Select(id => beforeById[id].Name)), Join(keptAfter.Select(id => afterById[id].Name))));
        }
    }

    static void CompareFormSchemas(JsonElement before, JsonElement after, List<MatterDifference> differences)
    {
        if (before.ValueKind == JsonValueKind.Undefined || after.ValueKind == JsonValueKind.Undefined)
        {
            if (before.ValueKind != after.ValueKind)
                differences.Add(new("formSchema", "申请表单", ChangeKind.Changed, Json(before), Json(after)));
            return;
        }
        if (JsonElement.DeepEquals(before, after))
            return;
        if (before.ValueKind != JsonValueKind.Object || after.ValueKind != JsonValueKind.Object)
        {
            differences.Add(new("formSchema", "申请表单", ChangeKind.Changed, Json(before), Json(after)));
            return;
        }

        // A designer edits the form field by field, so the schema's properties are compared one by one.
        var fieldsBefore = Properties(before);
        var fieldsAfter = Properties(after);
        foreach (var (name, old) in fieldsBefore.Where(f => !fieldsAfter.ContainsKey(f.Key)))
            differences.Add(new($"formSchema.properties.{name}", $"表单字段“{Title(name, old)}”", ChangeKind.Removed, Json(old), null));
        foreach (var (name, current) in fieldsAfter)
        {
            var label = $"表单字段“{Title(name, current)}”";
            if (!fieldsBefore.TryGetValue(name, out var old))
                differences.Add(new($"formSchema.properties.{name}", label, ChangeKind.Added, null, Json(current)));
            else if (!JsonElement.DeepEquals(old, current))
                differences.Add(new($"formSchema.properties.{name}", label, ChangeKind.Changed, Json(old), Json(current)));
        }

        var keywordsBefore = Keywords(before);
        var keywordsAfter = Keywords(after);
        foreach (var keyword in keywordsBefore.Keys.Union(keywordsAfter.Keys))
        {
            var hadIt = keywordsBefore.TryGetValue(keyword, out var old);
            var hasIt = keywordsAfter.TryGetValue(keyword, out var current);
            if (hadIt && hasIt && JsonElement.DeepEquals(old, current))
                continue;
            var change = !hadIt ? ChangeKind.Added : !hasIt ? ChangeKind.Removed : ChangeKind.Changed;
            differences.Add(new($"formSchema.{keyword}", $"表单设置“{keyword}”", change,
                hadIt ? Json(old) : null, hasIt ? Json(current) : null));
        }
    }

    static Dictionary<string, JsonElement> Properties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    // Every top-level keyword except an object "properties", which Properties compares field by field.
    static Dictionary<string, JsonElement> Keywords(JsonElement schema) =>
        schema.EnumerateObject()
            .Where(p => !(p.Name == "properties" && p.Value.ValueKind == JsonValueKind.Object))
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    static string Title(string name, JsonElement field) =>
        field.ValueKind == JsonValueKind.Object && field.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
            ? title.GetString()!
            : name;

    static string Describe(Material m)
    {
        var parts = new List<string> { m.Required ? "必交" : "非必交", m.Form.ToChinese() };
        if (m.MayBeMissingAtAcceptance)
            parts.Add("可容缺");
        if (m.ReplaceableByLicence is not null)
            parts.Add($"可用{Licence(m.ReplaceableByLicence)}免交");
        return $"{m.Name}（{string.Join("，", parts)}）";
    }

    static string CentreNames(IEnumerable<string> codes) =>
        Join(codes.Select(c => ServiceCentres.TryFind(c, out var centre) ? centre.Name : c));

    static string Licence(string? code) =>
        code is null ? "无" : ELicenceType.TryFind(code, out var type) ? type.Name : code;

    static string Join(IEnumerable<string> items) => string.Join("、", items);

    static string YesNo(bool value) => value ? "是" : "否";

    static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Money(decimal yuan) => yuan.ToString("0.00", CultureInfo.InvariantCulture);

    static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes % 1024 == 0 ? $"{bytes / 1024} KB"
        : $"{bytes} B";

    static string Json(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? "" : JsonSerializer.Serialize(element, MatterJson.Options);
}
