using System.Text.Json;
using Nanhai.Application.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.FormAnswerValidation.FormJson;

namespace Nanhai.UnitTests.ServiceMatters.FormAnswerValidation;

/// <summary>Compiled schemas are shared between applications and threads.</summary>
public sealed class FormAnswersCacheTests
{
    [Fact]
    public async Task Concurrent_validations_on_shared_and_fresh_schemas_agree_with_a_serial_run()
    {
        var cases = DemoSchemas
            .SelectMany(s => new[]
            {
                (Schema: s.Value, Answers: Answers("""{"contactPhone": "123", "applicantName": "陈"}""")),
                (Schema: s.Value, Answers: Answers("{}")),
            })
            .Append((Schema: Household, Answers: Answers("""{"applicantName": "陈", "phone": "1", "children": [{"name": 1}, 2]}""")))
            .ToArray();
        var expected = cases.Select(c => Render(FormAnswers.Validate(c.Schema, c.Answers))).ToArray();

        var runs = Enumerable.Range(0, 16).Select(thread => Task.Run(() =>
        {
            for (var round = 0; round < 10; round++)
            {
                for (var i = 0; i < cases.Length; i++)
                {
                    // Every other round uses a fresh copy of the schema text, as a second application would bring.
                    var schema = (round + thread) % 2 == 0 ? cases[i].Schema : Parse(cases[i].Schema.GetRawText());
                    Assert.Equal(expected[i], Render(FormAnswers.Validate(schema, cases[i].Answers)));
                }
            }
        }));
        await Task.WhenAll(runs);
    }

    [Fact]
    public void The_compiled_schema_outlives_the_document_it_was_first_read_from()
    {
        // A schema text no other test uses, so this call compiles it.
        const string text = """{"type": "object", "properties": {"cacheProbe": {"type": "string", "title": "缓存探针", "maxLength": 3}}}""";
        using (var first = JsonDocument.Parse(text))
            Assert.Empty(FormAnswers.Validate(first.RootElement, Answers("""{"cacheProbe": "abc"}""")));

        using var second = JsonDocument.Parse(text);
        Assert.Equal(
            ["缓存探针不能超过 3 个字符 (cacheProbe: must be at most 3 characters)"],
            FormAnswers.Validate(second.RootElement, Answers("""{"cacheProbe": "abcd"}"""))["answers.cacheProbe"]);
    }

    [Fact]
    public void Two_versions_with_the_same_id_are_compiled_separately()
    {
        var v1 = Parse("""{"$id": "https://nanhai.example/forms/probe", "type": "object", "properties": {"a": {"type": "string"}}}""");
        var v2 = Parse("""{"$id": "https://nanhai.example/forms/probe", "type": "object", "properties": {"a": {"type": "integer"}}}""");

        Assert.Empty(FormAnswers.Validate(v1, Answers("""{"a": "x"}""")));
        Assert.Equal(["answers.a"], FormAnswers.Validate(v2, Answers("""{"a": "x"}""")).Keys);
    }

    static string Render(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("\n", errors.Select(e => $"{e.Key}={string.Join("|", e.Value)}"));
}
