using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Admin.ServiceMatters;

/// <summary>Application terms as the console shows them; the Chinese comes from the domain where it has it.</summary>
public static class ApplicationLabels
{
    /// <summary>A status as the index stores it (the enum's name) in Chinese.</summary>
    public static string Status(string status) =>
        Enum.TryParse<ApplicationStatus>(status, out var parsed) ? parsed.ToChinese() : status;

    /// <summary>An escalation and its badge style: 预警 at 80% of the promised days, 超期 past the deadline.</summary>
    public static (string Label, string Style)? Escalation(string escalation) => escalation switch
    {
        nameof(EscalationLevel.Warning) => ("预警督办", "warn"),
        nameof(EscalationLevel.Overdue) => ("超期督办", "bad"),
        _ => null,
    };

    /// <summary>A decision's code (as the API lists the allowed ones) in Chinese.</summary>
    public static string Decision(string code) => DecisionActions.TryParse(code, out var action) ? action.ToChinese() : code;

    public static bool DecisionNeedsReason(string code) => DecisionActions.TryParse(code, out var action) && action.RequiresReason();

    /// <summary>How a material was provided: uploaded, replaced by an e-licence (电子证照), or not yet.</summary>
    public static string Provided(string provided) => provided switch
    {
        "upload" => "已上传",
        "e-licence" => "电子证照",
        _ => "未提供",
    };

    public static string Centre(string? code) =>
        code is null ? "—" : ServiceCentres.TryFind(code, out var centre) ? centre.Name : code;
}
