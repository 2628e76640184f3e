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

    public static string Centre(string? code) =>
        code is null ? "—" : ServiceCentres.TryFind(code, out var centre) ? centre.Name : code;
}
