using System.Text.Json;
using Nanhai.Application.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.FormAnswerValidation.FormJson;

namespace Nanhai.UnitTests.ServiceMatters.FormAnswerValidation;

/// <summary>Real demo matters: answers a real applicant would give pass, and mistakes are named by the field's title.</summary>
public sealed class FormAnswersDemoMatterTests
{
    public static TheoryData<string, string> ValidAnswers => new()
    {
        {
            "NH-SCJ-0001", // 企业设立登记
            """
            {"enterpriseName": "佛山市南海区桂城示例科技有限公司", "enterpriseType": "有限责任公司", "registeredCapital": 100,
             "businessScope": "软件开发；信息技术咨询服务", "legalRepresentative": "陈志明",
             "legalRepresentativeIdNumber": "440605199003071234", "contactPhone": "13800138000",
             "address": "佛山市南海区桂城街道南海大道北1号"}
            """
        },
        {
            "NH-SCJ-0003", // 食品经营许可
            """
            {"enterpriseName": "南海区示例餐饮店", "creditCode": "91440605MA4UABCD1X", "legalRepresentative": "梁慧",
             "contactPhone": "0757-86281234", "address": "佛山市南海区大沥镇广佛路8号", "businessForm": "餐饮服务经营者",
             "businessItems": ["热食类食品制售", "自制饮品制售"], "floorArea": 85.5}
            """
        },
        {
            "NH-GA-0002", // 新生儿入户
            """
            {"babyName": "李小满", "sex": "女", "birthDate": "2026-01-15", "birthCertificateNumber": "T440123456",
             "registerWith": "随母", "applicantName": "王丽", "idNumber": "44060519920315432X", "contactPhone": "13912345678"}
            """
        },
        {
            "NH-WJJ-0001", // 医疗机构执业登记
            """
            {"institutionName": "南海区桂城示例口腔诊所", "category": "诊所", "departments": ["口腔科", "内科"], "beds": 0,
             "principal": "黄医生", "contactPhone": "075786281234", "address": "佛山市南海区桂城街道海八路2号"}
            """
        },
    };

    [Theory]
    [MemberData(nameof(ValidAnswers))]
    public void A_complete_and_correct_application_passes(string code, string answers)
    {
        Assert.Empty(FormAnswers.Validate(Demo(code), Answers(answers)));
        FormAnswers.ThrowIfInvalid(Demo(code), Answers(answers));
    }

    [Fact]
    public void Each_mistake_on_a_real_form_is_reported_on_its_field_by_title()
    {
        var errors = FormAnswers.Validate(Demo("NH-SCJ-0001"), Answers("""
            {"enterpriseName": "佛山市南海区桂城示例科技有限公司", "enterpriseType": "合资企业", "registeredCapital": -5,
             "businessScope": "软件开发", "legalRepresentative": "陈",
             "legalRepresentativeIdNumber": "44060519900307123", "contactPhone": "12345",
             "nickname": "小陈"}
            """));

        Assert.Equal(
            new[] { "answers.address", "answers.enterpriseType", "answers.registeredCapital", "answers.legalRepresentative",
                "answers.legalRepresentativeIdNumber", "answers.contactPhone", "answers.nickname" }.Order(),
            errors.Keys.Order());
        Assert.Equal(["请填写住所 (address is required)"], errors["answers.address"]);
        Assert.Equal(["企业类型应为以下之一：有限责任公司、股份有限公司、个人独资企业、合伙企业 (enterpriseType: must be one of 有限责任公司, 股份有限公司, 个人独资企业, 合伙企业)"],
            errors["answers.enterpriseType"]);
        Assert.Equal(["注册资本（万元）不能小于 0 (registeredCapital: must be at least 0)"], errors["answers.registeredCapital"]);
        Assert.Equal(["法定代表人不能少于 2 个字符 (legalRepresentative: must be at least 2 characters)"], errors["answers.legalRepresentative"]);
        Assert.Equal(["法定代表人公民身份号码格式不正确 (legalRepresentativeIdNumber: does not match the required pattern)"],
            errors["answers.legalRepresentativeIdNumber"]);
        Assert.Equal(["联系人电话格式不正确 (contactPhone: does not match the required pattern)"], errors["answers.contactPhone"]);
        Assert.Equal(["不允许填写“nickname” (nickname is not allowed)"], errors["answers.nickname"]);
    }

    [Fact]
    public void A_date_field_on_a_real_form_rejects_a_day_that_does_not_exist()
    {
        var answers = Answers("""
            {"babyName": "李小满", "sex": "女", "birthDate": "2026-02-30", "birthCertificateNumber": "T440123456",
             "registerWith": "随母", "applicantName": "王丽", "idNumber": "44060519920315432X", "contactPhone": "13912345678"}
            """);

        var errors = FormAnswers.Validate(Demo("NH-GA-0002"), answers);

        var message = Assert.Single(Assert.Single(errors, e => e.Key == "answers.birthDate").Value);
        Assert.StartsWith("出生日期应为日期格式 YYYY-MM-DD", message);
        Assert.Single(errors);
    }

    [Fact]
    public void List_answers_on_a_real_form_are_checked_item_by_item()
    {
        var errors = FormAnswers.Validate(Demo("NH-SCJ-0003"), Answers("""
            {"enterpriseName": "南海区示例餐饮店", "creditCode": "91440605MA4UABCD1X", "legalRepresentative": "梁慧",
             "contactPhone": "0757-86281234", "address": "佛山市南海区大沥镇广佛路8号", "businessForm": "餐饮服务经营者",
             "businessItems": ["热食类食品制售", "烧烤", "热食类食品制售"], "floorArea": "八十"}
            """));

        Assert.Equal(["经营项目不能有重复项 (businessItems: must not contain duplicate items)"], errors["answers.businessItems"]);
        Assert.StartsWith("经营项目第2项应为以下之一：预包装食品销售、", Assert.Single(errors["answers.businessItems[1]"]));
        Assert.Equal(["经营场所面积（平方米）应为数字 (floorArea must be a number)"], errors["answers.floorArea"]);
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Missing_required_fields_are_each_reported_with_the_ValidationFailedException_the_API_maps()
    {
        var failure = Assert.Throws<Nanhai.Application.Common.ValidationFailedException>(
            () => FormAnswers.ThrowIfInvalid(Demo("NH-WJJ-0001"), Answers("""{"category": "诊所", "beds": 3}""")));

        Assert.Equal(
            ["answers.institutionName", "answers.departments", "answers.principal", "answers.contactPhone", "answers.address"],
            failure.Errors.Keys);
        Assert.Equal(["请填写医疗机构名称 (institutionName is required)"], failure.Errors["answers.institutionName"]);
        Assert.Equal(["请填写诊疗科目 (departments is required)"], failure.Errors["answers.departments"]);
    }
}
