using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nanhai.Admin.Security;
using Nanhai.Admin.ServiceMatters;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Admin.Pages.Centre;

/// <summary>
/// 中心工作台: a centre's open applications, those waiting to be accepted first, then by deadline in working days, with
/// escalations highlighted. Centre staff see their own centre; district admins choose one.
/// </summary>
public sealed class IndexModel(ICentreWorkApi applications) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Centre { get; set; }

    public IReadOnlyList<QueueEntry> Queue { get; private set; } = [];

    /// <summary>Whether the user may look at any centre (district admins) rather than only their own.</summary>
    public bool ChoosesCentre { get; private set; }

    public static IReadOnlyList<ServiceCentre> Centres => ServiceCentres.All;

    public async Task OnGetAsync()
    {
        var member = StaffMember.Of(User)!;
        ChoosesCentre = member.Centre is null;
        Centre = member.Centre ?? (ServiceCentres.TryFind(Centre, out var chosen) ? chosen.Code : ServiceCentres.Towns[0].Code);
        Queue = await applications.GetQueueAsync(Centre, HttpContext.RequestAborted);
    }
}
