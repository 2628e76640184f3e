using Nanhai.Domain.ServiceMatters;
using static Nanhai.UnitTests.ServiceMatters.SampleMatters;

namespace Nanhai.UnitTests.ServiceMatters;

public sealed class MatterValidatorTests
{
    static IReadOnlyList<MatterViolation> Validate(MatterDefinition definition, string code = Code) =>
        MatterValidator.Validate(code, definition);

    static void AssertOnlyField(string field, IReadOnlyList<MatterViolation> violations)
    {
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal(field, v.Field));
    }

    [Fact]
    public void A_valid_matter_has_no_violations() => Assert.Empty(Validate(FoodBusinessLicence()));

    [Fact]
    public void A_null_material_from_json_is_a_violation_not_a_crash()
    {
        // The serializer checks nullability on properties, not inside lists, so a designer's JSON can carry this.
        var definition = System.Text.Json.JsonSerializer.Deserialize<MatterDefinition>("""{"materials": [null]}""", MatterJson.Options)!;

        Assert.Contains(Validate(definition), v => v.Field == "materials[0]");
    }

    [Theory]
    [InlineData("NH-SCJ-0001", true)]
    [InlineData("NH-GA-0012", true)]
    [InlineData("NH-ZRZY-9999", true)]
    [InlineData("nh-scj-0001", false)]
    [InlineData("NH-S-0001", false)]
    [InlineData("NH-SCJZJ-0001", false)]
    [InlineData("NH-SCJ-001", false)]
    [InlineData("NH-SCJ-0001\n", false)]
    [InlineData("11440605MB2C91234X440111703000", false)]
    [InlineData("", false)]
    public void The_code_follows_the_internal_scheme(string code, bool valid)
    {
        Assert.Equal(valid, MatterCode.IsValid(code));
        if (!valid)
            AssertOnlyField("code", Validate(FoodBusinessLicence(), code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name) =>
        AssertOnlyField("name", Validate(FoodBusinessLicence() with { Name = name }));

    [Fact]
    public void A_name_is_at_most_100_characters() =>
        AssertOnlyField("name", Validate(FoodBusinessLicence() with { Name = new string('证', 101) }));

    [Fact]
    public void A_department_is_required() =>
        AssertOnlyField("department", Validate(FoodBusinessLicence() with { Department = "" }));

    [Fact]
    public void Messages_are_chinese_with_an_english_gloss()
    {
        var violation = Assert.Single(Validate(FoodBusinessLicence() with { PromisedWorkingDays = 25 }));
        Assert.Equal("promisedWorkingDays", violation.Field);
        Assert.Equal("承诺时限不得超过法定时限 (the promised limit must not exceed the statutory limit)", violation.Message);
    }

    [Fact]
    public void An_unset_level_is_a_violation() =>
        AssertOnlyField("level", Validate(FoodBusinessLicence() with { Level = default }));

    [Fact]
    public void A_district_matter_is_received_at_all_seven_town_centres() =>
        AssertOnlyField("centres", Validate(FoodBusinessLicence() with { Centres = ["guicheng", "dali"] }));

    [Fact]
    public void A_district_matter_cannot_be_received_at_a_community_station() =>
        AssertOnlyField("centres[7]", Validate(FoodBusinessLicence() with { Centres = [.. ServiceCentres.TownCodes, "guicheng-xiadong"] }));

    [Fact]
    public void A_town_matter_needs_a_town_centre()
    {
        var town = FoodBusinessLicence() with { Level = HandlingLevel.Town };
        Assert.Empty(Validate(town with { Centres = ["shishan"] }));
        AssertOnlyField("centres", Validate(town with { Centres = [] }));
        AssertOnlyField("centres[1]", Validate(town with { Centres = ["shishan", "shishan-guanyao"] }));
    }

    [Fact]
    public void A_community_matter_is_received_at_community_stations()
    {
        var community = FoodBusinessLicence() with { Level = HandlingLevel.Community };
        Assert.Empty(Validate(community with { Centres = ["guicheng-xiadong", "dali-lidong"] }));
        AssertOnlyField("centres", Validate(community with { Centres = [] }));
        AssertOnlyField("centres[0]", Validate(community with { Centres = ["guicheng"] }));
    }

    [Fact]
    public void Centres_must_exist_and_not_repeat()
    {
        var town = FoodBusinessLicence() with { Level = HandlingLevel.Town };
        AssertOnlyField("centres[1]", Validate(town with { Centres = ["dali", "foshan"] }));
        AssertOnlyField("centres[1]", Validate(town with { Centres = ["dali", "dali"] }));
    }

    [Fact]
    public void An_unset_kind_is_a_violation() =>
        AssertOnlyField("kind", Validate(FoodBusinessLicence() with { Kind = default }));

    [Fact]
    public void The_promised_limit_must_not_exceed_the_statutory_limit()
    {
        Assert.Empty(Validate(FoodBusinessLicence() with { PromisedWorkingDays = 20 }));
        AssertOnlyField("promisedWorkingDays", Validate(FoodBusinessLicence() with { PromisedWorkingDays = 21 }));
    }

    [Fact]
    public void Limits_and_visits_are_not_negative()
    {
        Assert.Contains(Validate(FoodBusinessLicence() with { StatutoryWorkingDays = -1 }), v => v.Field == "statutoryWorkingDays");
        Assert.Contains(Validate(FoodBusinessLicence() with { PromisedWorkingDays = -1 }), v => v.Field == "promisedWorkingDays");
        AssertOnlyField("visitsRequired", Validate(FoodBusinessLicence() with { VisitsRequired = -1 }));
    }

    [Fact]
    public void An_on_the_spot_matter_has_no_promised_days_and_at_most_one_visit()
    {
        var onTheSpot = FoodBusinessLicence() with { Kind = MatterKind.OnTheSpot, PromisedWorkingDays = 0 };
        Assert.Empty(Validate(onTheSpot));
        Assert.Empty(Validate(onTheSpot with { VisitsRequired = 0 }));
        AssertOnlyField("promisedWorkingDays", Validate(onTheSpot with { PromisedWorkingDays = 1 }));
        AssertOnlyField("visitsRequired", Validate(onTheSpot with { VisitsRequired = 2 }));
    }

    [Fact]
    public void A_promised_matter_promises_at_least_one_working_day() =>
        AssertOnlyField("promisedWorkingDays", Validate(FoodBusinessLicence() with { PromisedWorkingDays = 0 }));

    [Fact]
    public void Only_a_required_material_may_be_missing_at_acceptance()
    {
        var definition = FoodBusinessLicence();
        var optionalButMissing = definition.Materials[2] with { Required = false };
        AssertOnlyField("materials[2].mayBeMissingAtAcceptance",
            Validate(definition with { Materials = [definition.Materials[0], definition.Materials[1], optionalButMissing] }));
    }

    [Fact]
    public void A_material_replaceable_by_a_licence_names_a_known_licence_type()
    {
        var definition = FoodBusinessLicence();
        var unknown = definition.Materials[1] with { ReplaceableByLicence = "BusinessLicence" };
        var violations = Validate(definition with { Materials = [definition.Materials[0], unknown] });
        AssertOnlyField("materials[1].replaceableByLicence", violations);
    }

    [Fact]
    public void Materials_have_unique_well_formed_ids_and_names()
    {
        var definition = FoodBusinessLicence();
        var a = definition.Materials[0];
        AssertOnlyField("materials[1].id", Validate(definition with { Materials = [a, a with { Name = "另一份" }] }));
        AssertOnlyField("materials[1].name", Validate(definition with { Materials = [a, a with { Id = "other" }] }));
        AssertOnlyField("materials[0].id", Validate(definition with { Materials = [a with { Id = "" }] }));
        AssertOnlyField("materials[0].id", Validate(definition with { Materials = [a with { Id = "Application Form" }] }));
        AssertOnlyField("materials[0].name", Validate(definition with { Materials = [a with { Name = " " }] }));
        AssertOnlyField("materials[0].form", Validate(definition with { Materials = [a with { Form = default }] }));
    }

    [Fact]
    public void Upload_limits_default_sensibly_and_are_checked()
    {
        var material = new Material { Id = "photo", Name = "证件照" };
        Assert.Equal(10 * 1024 * 1024, material.MaxSizeBytes);
        Assert.Equal(["application/pdf", "image/jpeg", "image/png"], material.AllowedContentTypes);

        var definition = FoodBusinessLicence();
        AssertOnlyField("materials[0].maxSizeBytes", Validate(definition with { Materials = [material with { MaxSizeBytes = 0 }] }));
        AssertOnlyField("materials[0].maxSizeBytes", Validate(definition with { Materials = [material with { MaxSizeBytes = 51 * 1024 * 1024 }] }));
        AssertOnlyField("materials[0].allowedContentTypes", Validate(definition with { Materials = [material with { AllowedContentTypes = [] }] }));
        AssertOnlyField("materials[0].allowedContentTypes[1]",
            Validate(definition with { Materials = [material with { AllowedContentTypes = ["image/jpeg", "jpeg"] }] }));
    }

    [Fact]
    public void At_least_one_delivery_option_without_repeats()
    {
        AssertOnlyField("deliveryOptions", Validate(FoodBusinessLicence() with { DeliveryOptions = [] }));
        AssertOnlyField("deliveryOptions[1]",
            Validate(FoodBusinessLicence() with { DeliveryOptions = [DeliveryOption.ProvincialMail, DeliveryOption.ProvincialMail] }));
        AssertOnlyField("deliveryOptions[0]", Validate(FoodBusinessLicence() with { DeliveryOptions = [(DeliveryOption)9] }));
    }

    [Fact]
    public void A_fee_is_not_negative_has_at_most_two_decimals_and_names_its_legal_basis()
    {
        Assert.Empty(Validate(FoodBusinessLicence() with { Fee = new Fee(80m, "发改价格规〔2016〕2559号") }));
        Assert.Empty(Validate(FoodBusinessLicence() with { Fee = new Fee(12.50m, "依据") }));
        AssertOnlyField("fee.amountYuan", Validate(FoodBusinessLicence() with { Fee = new Fee(-1m, "依据") }));
        AssertOnlyField("fee.amountYuan", Validate(FoodBusinessLicence() with { Fee = new Fee(1.005m, "依据") }));
        AssertOnlyField("fee.legalBasis", Validate(FoodBusinessLicence() with { Fee = new Fee(20m) }));
    }

    [Theory]
    [InlineData("[]", "formSchema")]
    [InlineData("\"object\"", "formSchema")]
    [InlineData("{\"properties\": {}}", "formSchema.type")]
    [InlineData("{\"type\": \"array\"}", "formSchema.type")]
    [InlineData("{\"type\": \"object\", \"properties\": []}", "formSchema.properties")]
    public void The_form_schema_is_an_object_schema(string schema, string field) =>
        AssertOnlyField(field, Validate(FoodBusinessLicence() with { FormSchema = Schema(schema) }));

    [Fact]
    public void A_new_drafts_empty_form_is_valid() =>
        Assert.Empty(Validate(FoodBusinessLicence() with { FormSchema = MatterDefinition.EmptyFormSchema }));

    [Fact]
    public void Every_violation_is_reported_at_once_and_groups_by_field()
    {
        var violations = Validate(new MatterDefinition(), "bad");

        var errors = violations.ToFieldErrors();
        Assert.Equal(["code", "deliveryOptions", "department", "kind", "level", "name"], errors.Keys.Order());
    }
}
