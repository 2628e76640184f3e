using System.Text.Json;
using Nanhai.Application.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.FormAnswerValidation.FormJson;

namespace Nanhai.UnitTests.ServiceMatters.FormAnswerValidation;

/// <summary>The answers as centre staff read them: one line per answered field, in the form's order, titled, as text.</summary>
public sealed class FormAnswersDisplayTests
{
    static IReadOnlyList<(string Field, string Label, string Value)> Display(JsonElement? schema, string answers) =>
        [.. FormAnswers.Display(schema, Parse(answers)).Select(a => (a.Field, a.Label, a.Value))];

    [Fact]
    public void A_demo_application_reads_in_the_schema_order_with_titles_lists_joined_and_numbers_as_written()
    {
        // Sent in another order than the schema's: the schema's order wins.
        var lines = Display(Demo("NH-WJJ-0001"), """
            {"address": "佛山市南海区桂城街道海八路2号", "beds": 0, "departments": ["口腔科", "内科"], "category": "诊所",
             "institutionName": "南海区桂城示例口腔诊所", "principal": "黄医生", "contactPhone": "075786281234"}
            """);

        Assert.Equal(
            [
                ("institutionName", "医疗机构名称", "南海区桂城示例口腔诊所"),
                ("category", "医疗机构类别", "诊所"),
                ("departments", "诊疗科目", "口腔科、内科"),
                ("beds", "床位数", "0"),
                ("principal", "主要负责人", "黄医生"),
                ("contactPhone", "联系电话", "075786281234"),
                ("address", "执业地址", "佛山市南海区桂城街道海八路2号"),
            ],
            lines);
    }

    [Fact]
    public void Unanswered_and_null_fields_are_left_out()
    {
        var lines = Display(Demo("NH-WJJ-0001"), """{"beds": 12, "principal": null, "category": "门诊部"}""");

        Assert.Equal([("category", "医疗机构类别", "门诊部"), ("beds", "床位数", "12")], lines);
    }

    [Fact]
    public void Booleans_read_yes_or_no_and_decimals_keep_their_digits()
    {
        var schema = Parse("""
            {"type": "object", "properties": {
              "promise": {"type": "boolean", "title": "信用承诺"},
              "chain": {"type": "boolean", "title": "是否连锁"},
              "area": {"type": "number", "title": "经营面积"}}}
            """);

        Assert.Equal(
            [("promise", "信用承诺", "是"), ("chain", "是否连锁", "否"), ("area", "经营面积", "85.50")],
            Display(schema, """{"area": 85.50, "chain": false, "promise": true}"""));
    }

    [Fact]
    public void Titles_come_through_references_and_named_options_show_their_titles()
    {
        var schema = Parse("""
            {"type": "object",
             "$defs": {"phone": {"type": "string", "title": "电话"}, "sex": {"oneOf": [{"const": "M", "title": "男"}, {"const": "F", "title": "女"}]}},
             "properties": {
               "contactPhone": {"$ref": "#/$defs/phone"},
               "sex": {"$ref": "#/$defs/sex", "title": "性别"},
               "scopes": {"type": "array", "title": "经营项目", "items": {"anyOf": [{"const": 1, "title": "热食类"}, {"const": 2, "title": "冷食类"}]}},
               "untitled": {"type": "string"}}}
            """);

        Assert.Equal(
            [("contactPhone", "电话", "13800138000"), ("sex", "性别", "女"), ("scopes", "经营项目", "热食类、冷食类"), ("untitled", "untitled", "x")],
            Display(schema, """{"untitled": "x", "scopes": [1, 2], "sex": "F", "contactPhone": "13800138000"}"""));
    }

    [Fact]
    public void Objects_read_as_titled_members_and_lists_of_them_are_joined()
    {
        var lines = Display(Household, """
            {"home": "桂城", "children": [{"birthDate": "2023-05-01", "name": "李小满"}, {"name": "李小乐"}], "applicantName": "王丽"}
            """);

        Assert.Equal(
            [
                ("applicantName", "申请人姓名", "王丽"),
                ("children", "子女", "姓名：李小满；出生日期：2023-05-01、姓名：李小乐"),
                ("home", "家庭住址", "桂城"),
            ],
            lines);
    }

    [Fact]
    public void Answers_the_schema_admits_without_declaring_follow_under_their_names()
    {
        var schema = Parse("""{"type": "object", "properties": {"a": {"type": "string", "title": "甲"}}, "additionalProperties": true}""");

        Assert.Equal([("a", "甲", "1"), ("z", "z", "2"), ("b", "b", "是")], Display(schema, """{"z": "2", "a": "1", "b": true}"""));
    }

    [Fact]
    public void Without_a_schema_every_answer_is_listed_by_its_name_and_a_non_object_gives_nothing()
    {
        Assert.Equal([("beds", "beds", "0"), ("departments", "departments", "内科")], Display(null, """{"beds": 0, "departments": ["内科"]}"""));
        Assert.Empty(Display(Demo("NH-WJJ-0001"), "[1, 2]"));
    }
}
