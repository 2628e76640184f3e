using System.Text;
using System.Text.Json;
using Nanhai.Application.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.FormAnswerValidation.FormJson;

namespace Nanhai.UnitTests.ServiceMatters.FormAnswerValidation;

/// <summary>Answers come from the internet: wrong shapes, huge and deep documents get a clear message, never an exception.</summary>
public sealed class FormAnswersHostileInputTests
{
    static readonly JsonElement schema = Demo("NH-SCJ-0001");

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"enterpriseName\": \"x\"}]")]
    [InlineData("\"enterpriseName\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void Answers_that_are_not_an_object_are_rejected_as_a_whole(string answers)
    {
        var (key, messages) = Assert.Single(FormAnswers.Validate(schema, Answers(answers)));

        Assert.Equal("answers", key);
        Assert.Equal(["申请表单内容应为 JSON 对象 (answers must be a JSON object)"], messages);
    }

    [Fact]
    public void Missing_answers_are_rejected_as_a_whole() =>
        Assert.Equal(["answers"], FormAnswers.Validate(schema, default).Keys);

    [Fact]
    public void Answers_over_64_KB_are_rejected_before_evaluation()
    {
        var answers = Answers(JsonSerializer.Serialize(new { businessScope = new string('软', FormAnswers.MaxAnswerBytes / 3 + 1) }));

        var (key, messages) = Assert.Single(FormAnswers.Validate(schema, answers));

        Assert.Equal("answers", key);
        Assert.Equal(["申请表单内容过大，不能超过 64 KB (answers must be at most 64 KB)"], messages);
    }

    [Fact]
    public void A_long_string_within_the_size_cap_gets_its_field_message()
    {
        var answers = Answers(JsonSerializer.Serialize(new { enterpriseName = new string('x', 60_000) }));

        var errors = FormAnswers.Validate(schema, answers);

        Assert.Equal(["拟设立企业名称不能超过 100 个字符 (enterpriseName: must be at most 100 characters)"], errors["answers.enterpriseName"]);
    }

    [Fact]
    public void Nesting_deeper_than_32_levels_is_rejected()
    {
        var (key, messages) = Assert.Single(FormAnswers.Validate(schema, Answers(Nested(33))));

        Assert.Equal("answers", key);
        Assert.Equal(["申请表单内容嵌套过深，不能超过 32 层 (answers must not nest deeper than 32 levels)"], messages);
    }

    [Fact]
    public void Nesting_of_32_levels_is_evaluated_normally()
    {
        var errors = FormAnswers.Validate(schema, Answers(Nested(32)));

        Assert.Equal(["不允许填写“deep” (deep is not allowed)"], errors["answers.deep"]);
    }

    [Fact]
    public void A_document_deeper_than_the_parser_allows_by_default_is_still_only_a_message()
    {
        using var document = JsonDocument.Parse(Nested(500), new JsonDocumentOptions { MaxDepth = 1000 });

        Assert.Equal(["answers"], FormAnswers.Validate(schema, document.RootElement).Keys);
    }

    /// <summary>An answers object whose "deep" property nests arrays until <paramref name="levels"/> levels in all.</summary>
    static string Nested(int levels)
    {
        var text = new StringBuilder("{\"deep\":");
        text.Append('[', levels - 1).Append(']', levels - 1).Append('}');
        return text.ToString();
    }
}
