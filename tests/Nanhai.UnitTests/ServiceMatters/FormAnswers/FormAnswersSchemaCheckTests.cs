using Nanhai.Application.ServiceMatters.Applications;
using static Nanhai.UnitTests.ServiceMatters.FormAnswerValidation.FormJson;

namespace Nanhai.UnitTests.ServiceMatters.FormAnswerValidation;

/// <summary>Checking a form schema itself, for the designer and for the catalogue.</summary>
public sealed class FormAnswersSchemaCheckTests
{
    [Fact]
    public void Every_demo_form_schema_is_valid_JSON_Schema_2020_12()
    {
        var problems = DemoSchemas
            .SelectMany(s => FormAnswers.CheckSchema(s.Value).Select(p => $"{s.Key} {p.Location}: {p.Message}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(DemoSchemas.Count() >= 40);
    }

    [Fact]
    public void The_test_form_is_valid_too() => Assert.Empty(FormAnswers.CheckSchema(Household));

    [Theory]
    [InlineData("""{"type": "object", "properties": {"name": {"type": "string", "minLength": -1}}}""", "/properties/name/minLength")]
    [InlineData("""{"type": "object", "properties": {"name": {"type": "text"}}}""", "/properties/name/type")]
    [InlineData("""{"type": "object", "required": "name"}""", "/required")]
    [InlineData("""{"type": "object", "properties": {"phone": {"type": "string", "pattern": "^(1\\d{10}$"}}}""", "/properties/phone/pattern")]
    [InlineData("""{"type": "object", "properties": {"on": {"type": "string", "format": "data"}}}""", "/properties/on/format")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}""", "/$schema")]
    [InlineData("""{"type": "object", "properties": {"home": {"$ref": "#/$defs/address"}}}""", "/properties/home/$ref")]
    [InlineData("""{"type": "object", "properties": {"home": {"$ref": "https://example.com/address.json"}}}""", "/properties/home/$ref")]
    [InlineData("""{"type": "object", "properties": {"homes": {"type": "array", "items": {"$ref": "#/$defs/adress"}}}, "$defs": {"address": {}}}""", "/properties/homes/items/$ref")]
    [InlineData("""42""", "")]
    public void A_broken_schema_is_reported_where_it_breaks(string schema, string location)
    {
        var problems = FormAnswers.CheckSchema(Parse(schema));

        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Location == location);
    }

    [Fact]
    public void A_meta_schema_problem_reads_in_Chinese_with_the_library_detail()
    {
        var problem = Assert.Single(FormAnswers.CheckSchema(Parse("""{"type": "object", "properties": {"n": {"minLength": -1}}}""")));

        Assert.StartsWith("不符合 JSON Schema 2020-12 的要求 (", problem.Message);
    }
}
