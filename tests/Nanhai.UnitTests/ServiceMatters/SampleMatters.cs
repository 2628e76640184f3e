using Nanhai.Domain.ELicences;
using System.Text.Json;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.UnitTests.ServiceMatters;

/// <summary>A valid matter that each test bends in the one way it is about.</summary>
static class SampleMatters
{
    public const string Code = "NH-SCJ-0001";

    public static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static MatterDefinition FoodBusinessLicence() => new()
    {
        Name = "食品经营许可",
        Department = "佛山市南海区市场监督管理局",
        Level = HandlingLevel.District,
        Centres = [.. ServiceCentres.TownCodes],
        Kind = MatterKind.Promised,
        StatutoryWorkingDays = 20,
        PromisedWorkingDays = 5,
        VisitsRequired = 1,
        Materials =
        [
            new Material { Id = "application", Name = "食品经营许可申请书", Form = MaterialForm.Original },
            new Material { Id = "business-licence", Name = "营业执照", ReplaceableByLicence = ELicenceType.BusinessLicence.Code },
            new Material { Id = "layout", Name = "经营场所和设备布局图", MayBeMissingAtAcceptance = true },
        ],
        DeliveryOptions = [DeliveryOption.WindowPickUp, DeliveryOption.ProvincialMail],
        Fee = Fee.Free,
        FormSchema = Schema("""
            {"type": "object",
             "properties": {
               "applicantName": {"type": "string", "title": "申请人姓名"},
               "contactPhone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9]\\d{9}$"}
             },
             "required": ["applicantName", "contactPhone"]}
            """),
    };

    public static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static Matter PublishedFoodBusinessLicence()
    {
        var matter = Matter.Create(Code, FoodBusinessLicence());
        matter.Publish(Monday);
        return matter;
    }
}
