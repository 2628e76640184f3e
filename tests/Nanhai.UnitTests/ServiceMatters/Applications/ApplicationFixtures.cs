using System.Text.Json;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.Identifiers;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Domain.ServiceMatters.Applications;
using Nanhai.UnitTests.Identifiers;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>
/// How an application is set up for a test: the 容缺 material handed in or not, the result mailed or collected, the
/// matter, and when the story starts (China time).
/// </summary>
sealed record Setup(bool Layout = true, bool Mail = false, MatterVersion? Matter = null, DateTimeOffset? Start = null);

/// <summary>
/// A food business licence application (食品经营许可, promised 10 working days) by an enterprise in Guicheng, and helpers
/// that drive it into any state with the same commands the workflow and staff would issue.
/// </summary>
static class ApplicationFixtures
{
    public const string Id = "app-20260302-0001";
    public const string ApplicantSubject = "wx-applicant-0001";
    public const string Staff = "staff-guicheng-01";
    public const string OtherStaff = "staff-guicheng-02";
    public const string PersonId = "11010519491231002X";

    /// <summary>A unified social credit code of a Nanhai (440605) enterprise with correct check characters.</summary>
    public static readonly string CreditCode = ReferenceChecksums.CreditCode("91", "440605", "MA4W7Q2B");

    /// <summary>Monday 2 March 2026, 09:00 in China: an ordinary working week with no holiday.</summary>
    public static readonly DateTimeOffset Monday = China(2026, 3, 2, 9);

    public static DateTimeOffset China(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static CommandContext StaffAt(DateTimeOffset at, long? expectedVersion = null) => new(Staff, at, expectedVersion);
    public static CommandContext ApplicantAt(DateTimeOffset at) => new(ApplicantSubject, at);
    public static CommandContext SystemAt(DateTimeOffset at, long? expectedVersion = null) => CommandContext.System(at, expectedVersion);

    public static MatterVersion FoodLicence(int promisedWorkingDays = 10, bool mail = true)
    {
        var matter = Matter.Create("NH-SCJ-0101", new MatterDefinition
        {
            Name = "食品经营许可（新办）",
            Department = "佛山市南海区市场监督管理局",
            Level = HandlingLevel.District,
            Centres = [.. ServiceCentres.TownCodes],
            Kind = MatterKind.Promised,
            StatutoryWorkingDays = 20,
            PromisedWorkingDays = promisedWorkingDays,
            VisitsRequired = 0,
            Materials =
            [
                new Material { Id = "application", Name = "食品经营许可申请书", Form = MaterialForm.Electronic },
                new Material { Id = "business-licence", Name = "营业执照", ReplaceableByLicence = ELicenceType.BusinessLicence.Code },
                new Material { Id = "layout", Name = "经营场所和设备布局图", MayBeMissingAtAcceptance = true },
                new Material { Id = "other", Name = "其他说明材料", Required = false },
            ],
            DeliveryOptions = mail ? [DeliveryOption.WindowPickUp, DeliveryOption.ProvincialMail] : [DeliveryOption.WindowPickUp],
        });
        return matter.Publish(Monday.AddDays(-30));
    }

    /// <summary>An on-the-spot matter (即办件): 0 promised working days.</summary>
    public static MatterVersion OnTheSpot()
    {
        var matter = Matter.Create("NH-SCJ-0102", new MatterDefinition
        {
            Name = "食品经营许可证补办",
            Department = "佛山市南海区市场监督管理局",
            Level = HandlingLevel.District,
            Centres = [.. ServiceCentres.TownCodes],
            Kind = MatterKind.OnTheSpot,
            StatutoryWorkingDays = 5,
            PromisedWorkingDays = 0,
            VisitsRequired = 1,
            Materials =
            [
                new Material { Id = "application", Name = "补办申请书" },
                new Material { Id = "business-licence", Name = "营业执照", ReplaceableByLicence = ELicenceType.BusinessLicence.Code },
                new Material { Id = "layout", Name = "经营场所和设备布局图", MayBeMissingAtAcceptance = true },
            ],
            DeliveryOptions = [DeliveryOption.WindowPickUp],
        });
        return matter.Publish(Monday.AddDays(-30));
    }

    public static ELicence BusinessLicence(ELicenceTrustLevel level, string? holder = null, DateOnly? validUntil = null) =>
        new($"BL-{level}-0001", ELicenceType.BusinessLicence.Code, holder ?? CreditCode, "佛山市南海区桂城味道餐饮有限公司",
            "佛山市南海区市场监督管理局", D(2020, 5, 1), validUntil, level);

    public static MailAddress Address { get; } =
        new("陈小明", "13800138000", "广东省", "佛山市", "南海区", "桂城街道南海大道北123号");

    public static ApplicationSubmission Submission(Setup setup) => new(
        new Applicant(ApplicantSubject, ApplicantKind.Organisation, CreditCode, "佛山市南海区桂城味道餐饮有限公司", "13800138000"),
        JsonDocument.Parse("""{"applicantName":"陈小明","contactPhone":"13800138000"}""").RootElement.Clone(),
        [
            ProvidedMaterial.Uploaded("application", $"materials/{Id}/application.pdf"),
            .. setup.Layout ? [ProvidedMaterial.Uploaded("layout", $"materials/{Id}/layout.pdf")] : Array.Empty<ProvidedMaterial>(),
        ],
        setup.Mail ? DeliveryChoice.Mail(Address) : DeliveryChoice.WindowPickUp,
        PreferredCentre: "guicheng");

    public static ServiceApplication Submit(Setup setup) =>
        ServiceApplication.Submit(Id, Submission(setup), setup.Matter ?? FoodLicence(), ApplicantAt(StartOf(setup)));

    public static DateTimeOffset StartOf(Setup setup) => setup.Start ?? Monday;

    /// <summary>Submitted, pre-checked with an A-level business licence from the library, routed to Guicheng.</summary>
    public static ServiceApplication AwaitingAcceptance(Setup setup)
    {
        var start = StartOf(setup);
        var application = Submit(setup);
        application.PreCheck(SystemAt(start.AddMinutes(1)), [BusinessLicence(ELicenceTrustLevel.A)]);
        application.Route(SystemAt(start.AddMinutes(2)));
        return application;
    }

    /// <summary>Accepted an hour after submission: plainly, or with the layout missing (容缺) when it was not handed in.</summary>
    public static ServiceApplication UnderReview(Setup setup)
    {
        var application = AwaitingAcceptance(setup);
        var at = StaffAt(StartOf(setup).AddHours(1));
        if (setup.Layout)
            application.Accept(at);
        else
            application.AcceptWithMissing(at);
        return application;
    }

    /// <summary>
    /// An application in <paramref name="status"/>, reached on the start day (a Monday unless set otherwise) through
    /// the ordinary commands.
    /// </summary>
    public static ServiceApplication InStatus(ApplicationStatus status, Setup setup)
    {
        var start = StartOf(setup);
        switch (status)
        {
            case ApplicationStatus.Submitted:
                return Submit(setup);
            case ApplicationStatus.PreChecked:
            {
                var application = Submit(setup);
                application.PreCheck(SystemAt(start.AddMinutes(1)), [BusinessLicence(ELicenceTrustLevel.A)]);
                return application;
            }
            case ApplicationStatus.RejectedAtPreCheck:
            {
                var application = Submit(setup);
                application.PreCheck(SystemAt(start.AddMinutes(1)), []);
                return application;
            }
            case ApplicationStatus.AwaitingAcceptance:
                return AwaitingAcceptance(setup);
            case ApplicationStatus.AwaitingSupplement:
            {
                var application = AwaitingAcceptance(setup);
                application.RequestSupplement(StaffAt(start.AddHours(1)), ["application"], "申请书未签名");
                return application;
            }
            case ApplicationStatus.UnderReview:
                return UnderReview(setup);
            case ApplicationStatus.Approved:
            {
                var application = UnderReview(setup with { Layout = true });
                application.Approve(StaffAt(start.AddHours(2)));
                return application;
            }
            case ApplicationStatus.AwaitingPickup or ApplicationStatus.AwaitingDelivery:
            {
                var application = InStatus(ApplicationStatus.Approved, setup with { Mail = status == ApplicationStatus.AwaitingDelivery });
                application.IssueResult(SystemAt(start.AddHours(3)), $"results/{Id}.pdf", "NH7K3Q9P");
                return application;
            }
            case ApplicationStatus.Completed:
            {
                var application = InStatus(ApplicationStatus.AwaitingPickup, setup);
                application.ConfirmPickup(StaffAt(start.AddHours(4)));
                return application;
            }
            case ApplicationStatus.Rejected:
            {
                var application = AwaitingAcceptance(setup);
                application.Reject(StaffAt(start.AddHours(1)), "经营场所不在本镇街辖区");
                return application;
            }
            case ApplicationStatus.Denied:
            {
                var application = UnderReview(setup with { Layout = true });
                application.Deny(StaffAt(start.AddHours(2)), "经现场核查，经营场所不符合食品安全要求");
                return application;
            }
            case ApplicationStatus.ClosedNotSupplemented:
            {
                var application = InStatus(ApplicationStatus.AwaitingSupplement, setup);
                application.SupplementDeadlinePassed(SystemAt(start.AddDays(30)));
                return application;
            }
            case ApplicationStatus.Terminated:
            {
                var application = UnderReview(setup with { Layout = false });
                application.SupplementDeadlinePassed(SystemAt(start.AddDays(30)));
                return application;
            }
            case ApplicationStatus.Withdrawn:
            {
                var application = Submit(setup);
                application.Withdraw(ApplicantAt(start.AddMinutes(5)), "信息填写有误，重新申请");
                return application;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }

    /// <summary>Everything observable about an application, as one string, for comparing two instances.</summary>
    public static string Observable(ServiceApplication a, DateOnly on) => JsonSerializer.Serialize(new
    {
        a.Id, a.Status, a.Applicant, matter = a.Matter.Version.ToString(), answers = a.Answers.GetRawText(), a.Delivery,
        a.PreferredCentre, a.IdentifierWarnings, materials = a.Materials.OrderBy(m => m.Key).Select(m => m.Value),
        a.MissingMaterials, a.RequestedMaterials, a.HandlingCentre, a.SubmittedAt, a.UpdatedAt, a.AcceptedOn, a.Deadline,
        a.EscalationPoint, a.Escalation, a.WorkingDaysUsed, a.SupplementReason, a.SupplementDeadline,
        a.MissingMaterialsDeadline, a.ClosingReason, a.ResultDocumentBlobName, a.VerificationCode, a.WaybillNumber,
        a.Version, a.IsClockRunning, a.IsClockPaused, a.ConcludedOnTime, a.EscalationDueUtc, a.DeadlineDueUtc,
        a.SupplementDueUtc, a.AllowedDecisions, a.NextStep, left = a.WorkingDaysLeft(on),
        events = a.Events.Select(e => $"{e.EventId} {e.Type} {e.Actor} {e.At:O}"),
    }, MatterJson.Options);
}
