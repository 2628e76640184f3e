using Nanhai.Domain.ELicences;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// One broken rule: <paramref name="Field"/> is the camelCase JSON path of the offending value (<c>materials[2].name</c>),
/// <paramref name="Message"/> says what is wrong in Simplified Chinese with an English gloss.
/// </summary>
public sealed record MatterViolation(string Field, string Message);

/// <summary>
/// The rules a matter must satisfy to be published (<see cref="Matter.Publish"/> enforces them); a designer's draft may
/// break them while it is being edited, and <see cref="Matter.SaveDraft"/> reports them.
/// </summary>
public static partial class MatterValidator
{
    const int MaxNameLength = 100;

    /// <summary>Every rule <paramref name="definition"/> (under <paramref name="code"/>) breaks, in field order; empty when valid.</summary>
    public static IReadOnlyList<MatterViolation> Validate(string code, MatterDefinition definition)
    {
        var violations = new List<MatterViolation>();
        void Add(string field, string message) => violations.Add(new(field, message));

        if (CodeViolation(code) is { } codeViolation)
            violations.Add(codeViolation);

        CheckText(definition.Name, "name", "事项名称", "name", Add);
        CheckText(definition.Department, "department", "实施主体", "department", Add);

        if (!Enum.IsDefined(definition.Level))
            Add("level", "请选择办理层级：区级、镇街或村居 (level must be district, town or community)");
        else
            CheckCentres(definition.Level, definition.Centres, Add);

        CheckLimits(definition, Add);
        CheckMaterials(definition.Materials, Add);
        CheckDeliveryOptions(definition.DeliveryOptions, Add);
        CheckFee(definition.Fee, Add);
        CheckFormSchema(definition.FormSchema, Add);
        return violations;
    }

    /// <summary>The violations grouped by field, the shape of RFC 9457 validation problems' <c>errors</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> ToFieldErrors(this IEnumerable<MatterViolation> violations) =>
        violations.GroupBy(v => v.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal);

    internal static MatterViolation? CodeViolation(string? code) => MatterCode.IsValid(code)
        ? null
        : new("code", "事项编码格式应为“NH-部门缩写-四位序号”，如 NH-SCJ-0001 (the code must look like NH-SCJ-0001)");

    static void CheckText(string? value, string field, string chinese, string english, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
            add(field, $"{chinese}必填 ({english} is required)");
        else if (value.Length > MaxNameLength)
            add(field, $"{chinese}不得超过{MaxNameLength}个字符 ({english} must be at most {MaxNameLength} characters)");
    }

    static void CheckCentres(HandlingLevel level, IReadOnlyList<string> centres, Action<string, string> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < centres.Count; i++)
        {
            var field = $"centres[{i}]";
            if (!ServiceCentres.TryFind(centres[i], out var centre))
                add(field, $"未知的受理地点“{centres[i]}” (unknown service centre)");
            else if (!seen.Add(centre.Code))
                add(field, "受理地点重复 (duplicate service centre)");
            else if (level == HandlingLevel.Community && centre.Kind != ServiceCentreKind.CommunityStation)
                add(field, "村居事项只能在村居服务站受理 (a community matter is received at community stations only)");
            else if (level != HandlingLevel.Community && centre.Kind != ServiceCentreKind.TownCentre)
                add(field, "区级和镇街事项只能在镇街行政服务中心受理 (district and town matters are received at town centres only)");
        }

        switch (level)
        {
            // The district centre kept no windows after the 2020 reform: a district matter is received at every town (多点办).
            case HandlingLevel.District when !ServiceCentres.TownCodes.All(seen.Contains):
                add("centres", "区级事项须在全部7个镇街行政服务中心受理（多点办） (a district matter is received at all seven town centres)");
                break;
            case HandlingLevel.Town when centres.Count == 0:
                add("centres", "镇街事项须至少指定一个镇街行政服务中心 (a town matter needs at least one town centre)");
                break;
            case HandlingLevel.Community when centres.Count == 0:
                add("centres", "村居事项须至少指定一个村居服务站 (a community matter needs at least one community station)");
                break;
        }
    }

    static void CheckLimits(MatterDefinition d, Action<string, string> add)
    {
        if (d.StatutoryWorkingDays < 0)
            add("statutoryWorkingDays", "法定时限不得为负数 (the statutory limit must not be negative)");

        if (d.PromisedWorkingDays < 0)
            add("promisedWorkingDays", "承诺时限不得为负数 (the promised limit must not be negative)");
        else if (d.PromisedWorkingDays > d.StatutoryWorkingDays && d.StatutoryWorkingDays >= 0)
            add("promisedWorkingDays", "承诺时限不得超过法定时限 (the promised limit must not exceed the statutory limit)");

        if (d.VisitsRequired < 0)
            add("visitsRequired", "到现场次数不得为负数 (visits must not be negative)");

        switch (d.Kind)
        {
            case MatterKind.OnTheSpot:
                if (d.PromisedWorkingDays > 0)
                    add("promisedWorkingDays", "即办件的承诺时限应为0个工作日 (an on-the-spot matter has a promised limit of 0)");
                if (d.VisitsRequired > 1)
                    add("visitsRequired", "即办件最多跑一次 (an on-the-spot matter needs at most one visit)");
                break;
            case MatterKind.Promised:
                if (d.PromisedWorkingDays == 0)
                    add("promisedWorkingDays", "承诺件的承诺时限至少为1个工作日 (a promised matter's limit is at least 1 working day)");
                break;
            default:
                add("kind", "请选择办件类型：即办件或承诺件 (kind must be on-the-spot or promised)");
                break;
        }
    }

    static void CheckMaterials(IReadOnlyList<Material> materials, Action<string, string> add)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < materials.Count; i++)
        {
            var m = materials[i];
            var at = $"materials[{i}]";
            // JSON can put a null into the list (nullability is not checked inside collections); it is bad input, not a crash.
            if (m is null)
            {
                add(at, "申请材料不能为空值 (a material must not be null)");
                continue;
            }

            if (string.IsNullOrWhiteSpace(m.Id))
                add($"{at}.id", "材料编号必填 (material id is required)");
            else if (!MaterialId().IsMatch(m.Id))
                add($"{at}.id", "材料编号只能由小写字母、数字和连字符组成，不超过40个字符 (material id: lower-case letters, digits and hyphens, at most 40)");
            else if (!ids.Add(m.Id))
                add($"{at}.id", "材料编号重复 (duplicate material id)");

            if (string.IsNullOrWhiteSpace(m.Name))
                add($"{at}.name", "材料名称必填 (material name is required)");
            else if (!names.Add(m.Name.Trim()))
                add($"{at}.name", "材料名称重复 (duplicate material name)");

            if (!Enum.IsDefined(m.Form))
                add($"{at}.form", "请选择材料形式：原件、复印件或电子件 (form must be original, copy or electronic)");

            // 容缺 lets the centre accept without a material the applicant owes; an optional material is never owed.
            if (m.MayBeMissingAtAcceptance && !m.Required)
                add($"{at}.mayBeMissingAtAcceptance", "只有必交材料才能容缺 (only required materials may be missing at acceptance)");

            if (m.ReplaceableByLicence is { } licence && !ELicenceType.TryFind(licence, out _))
                add($"{at}.replaceableByLicence", $"未知的电子证照类型“{licence}” (unknown e-licence type)");

            if (m.MaxSizeBytes is <= 0 or > Material.LargestMaxSizeBytes)
                add($"{at}.maxSizeBytes", "文件大小上限应在1字节至50MB之间 (the size limit must be between 1 byte and 50 MB)");

            if (m.AllowedContentTypes.Count == 0)
                add($"{at}.allowedContentTypes", "至少允许一种文件类型 (allow at least one content type)");
            for (var j = 0; j < m.AllowedContentTypes.Count; j++)
            {
                if (!MediaType().IsMatch(m.AllowedContentTypes[j] ?? ""))
                    add($"{at}.allowedContentTypes[{j}]", $"“{m.AllowedContentTypes[j]}”不是有效的文件类型 (not a media type such as application/pdf)");
            }
        }
    }

    static void CheckDeliveryOptions(IReadOnlyList<DeliveryOption> options, Action<string, string> add)
    {
        if (options.Count == 0)
            add("deliveryOptions", "至少提供一种送达方式 (offer at least one delivery option)");
        var seen = new HashSet<DeliveryOption>();
        for (var i = 0; i < options.Count; i++)
        {
            if (!Enum.IsDefined(options[i]))
                add($"deliveryOptions[{i}]", "送达方式应为窗口领取或省内包邮 (delivery is window pick-up or provincial mail)");
            else if (!seen.Add(options[i]))
                add($"deliveryOptions[{i}]", "送达方式重复 (duplicate delivery option)");
        }
    }

    static void CheckFee(Fee fee, Action<string, string> add)
    {
        if (fee.AmountYuan < 0)
            add("fee.amountYuan", "收费金额不得为负数 (the fee must not be negative)");
        else if (decimal.Round(fee.AmountYuan, 2) != fee.AmountYuan)
            add("fee.amountYuan", "收费金额最多保留两位小数（元） (the fee has at most two decimals, in yuan)");

        if (fee.AmountYuan > 0 && string.IsNullOrWhiteSpace(fee.LegalBasis))
            add("fee.legalBasis", "收费事项须注明收费依据 (a fee needs its legal basis)");
    }

    static void CheckFormSchema(JsonElement schema, Action<string, string> add)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            add("formSchema", "申请表单须为JSON Schema对象 (the form schema must be a JSON object)");
            return;
        }
        if (!schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
            add("formSchema.type", "申请表单的 type 须为 \"object\" (the form schema's type must be \"object\")");
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind != JsonValueKind.Object)
            add("formSchema.properties", "申请表单的 properties 须为JSON对象 (the form schema's properties must be an object)");
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MaterialId();

    [GeneratedRegex(@"^[a-z]+/[a-z0-9][a-z0-9.+-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();
}
