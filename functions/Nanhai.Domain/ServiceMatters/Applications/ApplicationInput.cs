using System.Text.RegularExpressions;
using Nanhai.Domain.ELicences;

namespace Nanhai.Domain.ServiceMatters.Applications;

/// <summary>Checks of command input shared by the commands; each adds every problem it finds to the list.</summary>
static partial class ApplicationInput
{
    const int MaxTextLength = 200;

    public static void ApplicationId(string? id, List<ServiceApplicationViolation> violations)
    {
        // The id becomes part of event ids and stream names, so it is kept to characters safe in both.
        if (string.IsNullOrWhiteSpace(id))
            violations.Add(new("id", "申请编号必填 (the application id is required)"));
        else if (!Id().IsMatch(id))
            violations.Add(new("id", "申请编号只能由字母、数字、连字符和下划线组成，不超过64个字符 (letters, digits, - and _, at most 64)"));
    }

    public static string? Reason(string? reason, string field, string requirement, List<ServiceApplicationViolation> violations)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            violations.Add(new(field, $"{requirement} (a reason is required)"));
        else if (trimmed.Length > StaffDecision.MaxReasonLength)
            violations.Add(new(field, $"理由不得超过{StaffDecision.MaxReasonLength}个字符 (at most {StaffDecision.MaxReasonLength} characters)"));
        else
            return trimmed;
        return null;
    }

    public static void MaterialIdList(IReadOnlyList<string> ids, string field, List<ServiceApplicationViolation> violations)
    {
        if (ids.Count == 0)
            violations.Add(new(field, "请列出需要补正的材料 (list the materials to supplement)"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]))
                violations.Add(new($"{field}[{i}]", "材料编号必填 (material id is required)"));
            else if (!seen.Add(ids[i]))
                violations.Add(new($"{field}[{i}]", "材料重复 (duplicate material)"));
        }
    }

    public static void Text(string? value, string field, string chinese, string english, List<ServiceApplicationViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(value))
            violations.Add(new(field, $"{chinese}必填 ({english} is required)"));
        else if (value.Length > MaxTextLength)
            violations.Add(new(field, $"{chinese}不得超过{MaxTextLength}个字符 ({english}: at most {MaxTextLength} characters)"));
    }

    public static void Phone(string? phone, string field, List<ServiceApplicationViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(phone))
            violations.Add(new(field, "联系电话必填 (a phone number is required)"));
        else if (!PhoneNumber().IsMatch(phone.Trim()))
            violations.Add(new(field, "联系电话应为11位手机号码或带区号的固定电话 (a mobile number or a landline with area code)"));
    }

    /// <summary>
    /// Checks materials handed in (at submission or as supplements): each names a material of the matter that
    /// <paramref name="mayProvide"/> allows, at most once, as an upload or an e-licence of trust A or B replacing it.
    /// </summary>
    public static void Provisions(
        IReadOnlyList<ProvidedMaterial> provisions, string field, PinnedMatter matter, Func<string, string?> mayProvide,
        List<ServiceApplicationViolation> violations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < provisions.Count; i++)
        {
            var at = $"{field}[{i}]";
            var p = provisions[i];
            var material = matter.FindMaterial(p.MaterialId);
            if (material is null)
            {
                violations.Add(new($"{at}.materialId", $"事项没有材料“{p.MaterialId}” (the matter has no such material)"));
                continue;
            }
            if (mayProvide(material.Id) is { } refusal)
                violations.Add(new($"{at}.materialId", refusal));
            else if (!seen.Add(material.Id))
                violations.Add(new($"{at}.materialId", "材料重复 (duplicate material)"));

            var uploaded = !string.IsNullOrWhiteSpace(p.BlobName);
            var byLicence = !string.IsNullOrWhiteSpace(p.LicenceNumber);
            if (uploaded == byLicence)
                violations.Add(new(at, "每项材料须上传文件或使用电子证照，二者选一 (either an upload or an e-licence)"));
            else if (byLicence)
                Licence(p, material, at, violations);
            else if (p.LicenceTrustLevel is not null)
                violations.Add(new($"{at}.licenceTrustLevel", "上传的材料没有证照可信等级 (an upload has no licence trust level)"));
        }
    }

    static void Licence(ProvidedMaterial p, Material material, string at, List<ServiceApplicationViolation> violations)
    {
        if (material.ReplaceableByLicence is null)
            violations.Add(new($"{at}.licenceNumber", $"“{material.Name}”不能以电子证照代替，请上传 (this material cannot be replaced by an e-licence)"));
        else if (p.LicenceTrustLevel is not { } level || !Enum.IsDefined(level))
            violations.Add(new($"{at}.licenceTrustLevel", "请注明电子证照的可信等级 (the licence's trust level is required)"));
        // C needs the original checked and D is only self-declared (国办函〔2016〕108号): neither replaces the material.
        else if (!level.ReplacesMaterialWithoutOriginal())
            violations.Add(new($"{at}.licenceTrustLevel", $"{level}级电子证照不能直接代替材料，请上传“{material.Name}” (only trust A or B licences replace a material)"));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    // A mainland mobile number, or a landline with its area code (020-12345678, 075712345678).
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})\z", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
