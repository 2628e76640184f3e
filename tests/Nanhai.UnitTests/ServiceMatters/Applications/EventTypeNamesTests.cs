using System.Reflection;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

/// <summary>Every application event has its own Chinese name for the timelines staff read.</summary>
public sealed class EventTypeNamesTests
{
    static IEnumerable<string> Types => typeof(ServiceApplicationEventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_event_type_has_a_distinct_Chinese_name()
    {
        var names = Types.Select(ServiceApplicationEventTypes.ToChinese).ToList();

        Assert.Equal(19, names.Count);
        Assert.All(names, name => Assert.DoesNotContain("application.", name));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("受理", ServiceApplicationEventTypes.ToChinese(ServiceApplicationEventTypes.Accepted));
    }

    [Fact]
    public void An_unknown_type_is_shown_as_it_is() =>
        Assert.Equal("application.something-new", ServiceApplicationEventTypes.ToChinese("application.something-new"));
}
