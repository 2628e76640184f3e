using Nanhai.Application.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.FormAnswerValidation.FormJson;

namespace Nanhai.UnitTests.ServiceMatters.FormAnswerValidation;

/// <summary>Each failing keyword: the field it lands on and the Chinese message, which names the field by its title.</summary>
public sealed class FormAnswersKeywordTests
{
    const string Valid = """
        {"applicantName": "陈志明", "phone": "13800138000", "openedOn": "2026-03-02", "email": "chen@example.cn",
         "kind": "新办", "promise": true, "employees": 12, "area": 80.5, "copies": 2,
         "children": [{"name": "陈小明", "birthDate": "2018-09-01"}, {"name": "陈小红"}],
         "note": "请尽快办理", "extra": {"a": 1}, "home": "桂城街道", "work": "大沥镇"}
        """;

    static IReadOnlyDictionary<string, string[]> ValidateWith(string change)
    {
        // Overlays the changed fields on the valid answers, so each test shows only what it breaks.
        var answers = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject().ToList())
        {
            if (value is null)
                answers.Remove(name);
            else
                answers[name] = value.DeepClone();
        }
        return FormAnswers.Validate(Household, Answers(answers.ToJsonString()));
    }

    static string Only(IReadOnlyDictionary<string, string[]> errors, string path)
    {
        var (key, messages) = Assert.Single(errors);
        Assert.Equal(path, key);
        return Assert.Single(messages);
    }

    [Fact]
    public void The_valid_answers_pass() => Assert.Empty(ValidateWith("{}"));

    public static TheoryData<string, string, string> Failures => new()
    {
        { """{"applicantName": null}""", "answers.applicantName", "请填写申请人姓名 (applicantName is required)" },
        { """{"applicantName": 42}""", "answers.applicantName", "申请人姓名应为文本 (applicantName must be a string)" },
        { """{"phone": "1380013800"}""", "answers.phone", "联系电话格式不正确 (phone: does not match the required pattern)" },
        { """{"openedOn": "2026/03/02"}""", "answers.openedOn", "开业日期应为日期格式 YYYY-MM-DD，且须为真实日期 (openedOn: must be a real date as YYYY-MM-DD)" },
        { """{"email": "chen@"}""", "answers.email", "电子邮箱应为有效的电子邮箱地址 (email: must be an email address)" },
        { """{"kind": "注销"}""", "answers.kind", "申请类型应为以下之一：新办、变更 (kind: must be one of 新办, 变更)" },
        { """{"promise": false}""", "answers.promise", "信用承诺应为 true (promise: must be true)" },
        { """{"applicantName": "陈"}""", "answers.applicantName", "申请人姓名不能少于 2 个字符 (applicantName: must be at least 2 characters)" },
        { """{"applicantName": "欧阳陈志明先生"}""", "answers.applicantName", "申请人姓名不能超过 5 个字符 (applicantName: must be at most 5 characters)" },
        { """{"employees": 0}""", "answers.employees", "从业人数不能小于 1 (employees: must be at least 1)" },
        { """{"employees": 501}""", "answers.employees", "从业人数不能大于 500 (employees: must be at most 500)" },
        { """{"employees": 2.5}""", "answers.employees", "从业人数应为整数 (employees must be an integer)" },
        { """{"area": 0}""", "answers.area", "经营面积应大于 0 (area: must be greater than 0)" },
        { """{"area": 10000}""", "answers.area", "经营面积应小于 10000 (area: must be less than 10000)" },
        { """{"copies": 3}""", "answers.copies", "领取份数应为 2 的整数倍 (copies: must be a multiple of 2)" },
        { """{"children": []}""", "answers.children", "子女至少应有 1 项 (children: must have at least 1 items)" },
        { """{"children": [{"name": "甲乙"}, {"name": "丙丁"}, {"name": "戊己"}, {"name": "庚辛"}]}""", "answers.children", "子女最多只能有 3 项 (children: must have at most 3 items)" },
        { """{"children": [{"name": "陈小明"}, {"name": "陈小明"}]}""", "answers.children", "子女不能有重复项 (children: must not contain duplicate items)" },
        { """{"children": {"name": "陈小明"}}""", "answers.children", "子女应为列表 (children must be an array)" },
        { """{"nickname": "阿明"}""", "answers.nickname", "不允许填写“nickname” (nickname is not allowed)" },
        { """{"home": "佛山市南海区桂城街道南海大道北1号"}""", "answers.home", "家庭住址不能超过 10 个字符 (home: must be at most 10 characters)" },
        { """{"work": "佛山市南海区大沥镇广佛路8号"}""", "answers.work", "地址不能超过 10 个字符 (work: must be at most 10 characters)" },
        // Keywords without a message of their own still name the field.
        { """{"note": "无"}""", "answers.note", "备注填写不符合要求 (note is invalid)" },
        { """{"extra": {}}""", "answers.extra", "extra填写不符合要求 (extra: fails \"minProperties\")" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failing_keyword_gives_one_message_on_its_field(string change, string path, string message) =>
        Assert.Equal(message, Only(ValidateWith(change), path));

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2025-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-3-2")]
    [InlineData("")]
    public void Format_date_is_asserted_not_just_annotated(string date) =>
        Assert.StartsWith("开业日期应为日期格式", Only(ValidateWith($$"""{"openedOn": "{{date}}"}"""), "answers.openedOn"));

    [Fact]
    public void A_leap_day_is_a_date() => Assert.Empty(ValidateWith("""{"openedOn": "2028-02-29"}"""));

    [Fact]
    public void Fields_inside_list_items_are_keyed_by_index_and_named_with_their_item()
    {
        var errors = ValidateWith("""{"children": [{"name": "陈小明"}, {"name": "陈", "birthDate": "2018-02-30", "school": "桂城小学"}, {}]}""");

        Assert.Equal(["子女第2项的姓名不能少于 2 个字符 (children[1].name: must be at least 2 characters)"], errors["answers.children[1].name"]);
        Assert.StartsWith("子女第2项的出生日期应为日期格式", Assert.Single(errors["answers.children[1].birthDate"]));
        Assert.Equal(["不允许填写“子女第2项的school” (children[1].school is not allowed)"], errors["answers.children[1].school"]);
        Assert.Equal(["请填写子女第3项的姓名 (children[2].name is required)"], errors["answers.children[2].name"]);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void A_list_item_of_the_wrong_kind_is_keyed_by_its_index() =>
        Assert.Equal("子女第1项应为对象 (children[0] must be an object)", Only(ValidateWith("""{"children": ["陈小明"]}"""), "answers.children[0]"));

    [Fact]
    public void Several_mistakes_in_one_field_each_get_a_message()
    {
        var messages = ValidateWith("""{"employees": 600.5}""")["answers.employees"];

        Assert.Equal(
            new[] { "从业人数应为整数 (employees must be an integer)", "从业人数不能大于 500 (employees: must be at most 500)" }.Order(),
            messages.Order());
    }

    [Fact]
    public void Every_missing_required_field_is_reported_on_its_own_key()
    {
        var errors = ValidateWith("""{"applicantName": null, "phone": null}""");

        Assert.Equal(["answers.applicantName", "answers.phone"], errors.Keys);
        Assert.Equal(["请填写联系电话 (phone is required)"], errors["answers.phone"]);
    }

    [Fact]
    public void A_field_without_a_title_is_named_by_its_property()
    {
        var schema = Parse("""{"type": "object", "properties": {"postcode": {"type": "string", "pattern": "^\\d{6}$"}}}""");

        var errors = FormAnswers.Validate(schema, Answers("""{"postcode": "52820"}"""));

        Assert.Equal(["postcode格式不正确 (postcode: does not match the required pattern)"], errors["answers.postcode"]);
    }

    [Fact]
    public void Property_names_that_are_not_identifiers_are_bracketed()
    {
        var schema = Parse("""{"type": "object", "properties": {"a.b": {"type": "string", "title": "甲乙"}}}""");

        var errors = FormAnswers.Validate(schema, Answers("""{"a.b": 1}"""));

        Assert.Equal(["甲乙应为文本 ([\"a.b\"] must be a string)"], errors["answers[\"a.b\"]"]);
    }

    [Fact]
    public void The_unused_branches_of_a_satisfied_anyOf_are_not_reported()
    {
        var schema = Parse("""
            {"type": "object",
             "properties": {
               "contact": {"title": "联系方式", "anyOf": [{"type": "string", "pattern": "^1\\d{10}$"}, {"type": "string", "format": "email"}]},
               "name": {"type": "string", "title": "姓名"}}}
            """);

        var errors = FormAnswers.Validate(schema, Answers("""{"contact": "chen@example.cn", "name": 7}"""));

        Assert.Equal(["answers.name"], errors.Keys);
    }

    [Fact]
    public void A_conditionally_required_field_is_named_from_the_branch_that_requires_it()
    {
        var schema = Parse("""
            {"type": "object",
             "properties": {
               "reason": {"type": "string", "title": "原因", "enum": ["迁入", "其他"]},
               "detail": {"type": "string", "title": "具体说明"},
               "phone": {"type": "string", "title": "联系电话"}},
             "required": ["reason"],
             "if": {"properties": {"reason": {"const": "其他"}}},
             "then": {"required": ["detail"]}}
            """);

        Assert.Empty(FormAnswers.Validate(schema, Answers("""{"reason": "迁入"}""")));
        Assert.Equal(
            ["请填写具体说明 (detail is required)"],
            FormAnswers.Validate(schema, Answers("""{"reason": "其他"}"""))["answers.detail"]);
    }
}
