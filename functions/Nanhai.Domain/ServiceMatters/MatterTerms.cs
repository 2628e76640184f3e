namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// The level whose body decides a matter (办理层级). Values start at 1 so that an unset level in a draft is caught by
/// validation instead of silently meaning "district".
/// </summary>
public enum HandlingLevel
{
    /// <summary>区级 — a district body's matter; since the 2020 flattening reform it is received at every town centre (多点办).</summary>
    District = 1,
    /// <summary>镇街 — decided by a town (subdistrict); received at one or more town centres.</summary>
    Town = 2,
    /// <summary>村居 — received at village and residential-community service stations.</summary>
    Community = 3,
}

/// <summary>
/// Whether a matter is settled at the window (办件类型). The kind constrains the limits: see <see cref="MatterValidator"/>.
/// </summary>
public enum MatterKind
{
    /// <summary>即办件 — settled on the spot: no promised working days, at most one visit.</summary>
    OnTheSpot = 1,
    /// <summary>承诺件 — settled within a promised number of working days after acceptance.</summary>
    Promised = 2,
}

/// <summary>How the applicant receives the result (送达方式).</summary>
public enum DeliveryOption
{
    /// <summary>窗口领取 — collected at the handling centre's window.</summary>
    WindowPickUp = 1,
    /// <summary>省内包邮 — mailed free of charge to an address in Guangdong (the mail-delivery sub-workflow).</summary>
    ProvincialMail = 2,
}

/// <summary>Chinese display names of the catalogue's enumerations, as the admin console and the mini-program show them.</summary>
public static class ServiceMatterTerms
{
    public static string ToChinese(this HandlingLevel level) => level switch
    {
        HandlingLevel.District => "区级",
        HandlingLevel.Town => "镇街",
        HandlingLevel.Community => "村居",
        _ => level.ToString(),
    };

    public static string ToChinese(this MatterKind kind) => kind switch
    {
        MatterKind.OnTheSpot => "即办件",
        MatterKind.Promised => "承诺件",
        _ => kind.ToString(),
    };

    public static string ToChinese(this DeliveryOption option) => option switch
    {
        DeliveryOption.WindowPickUp => "窗口领取",
        DeliveryOption.ProvincialMail => "省内包邮",
        _ => option.ToString(),
    };

    public static string ToChinese(this MaterialForm form) => form switch
    {
        MaterialForm.Original => "原件",
        MaterialForm.Copy => "复印件",
        MaterialForm.Electronic => "电子件",
        _ => form.ToString(),
    };

    public static string ToChinese(this ChangeKind change) => change switch
    {
        ChangeKind.Added => "新增",
        ChangeKind.Removed => "删除",
        ChangeKind.Changed => "修改",
        _ => change.ToString(),
    };

    public static string ToChinese(this MatterStatus status) => status switch
    {
        MatterStatus.Active => "在用",
        MatterStatus.Retired => "已停用",
        _ => status.ToString(),
    };
}
