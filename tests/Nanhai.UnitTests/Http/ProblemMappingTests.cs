using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nanhai.Application.Common;
using Nanhai.Domain.ServiceMatters;
using Nanhai.Functions.Http;

namespace Nanhai.UnitTests.Http;

public sealed class ProblemMappingTests
{
    static HttpContext Context() => new DefaultHttpContext { Request = { Path = "/api/things" } };

    [Theory]
    [InlineData(typeof(NotFoundException), 404)]
    [InlineData(typeof(ConflictException), 409)]
    [InlineData(typeof(UnauthenticatedException), 401)]
    [InlineData(typeof(ForbiddenException), 403)]
    [InlineData(typeof(PreconditionFailedException), 412)]
    [InlineData(typeof(PreconditionRequiredException), 428)]
    public void Each_failure_has_its_status_and_the_problem_content_type(Type failure, int status)
    {
        var result = ProblemMapping.From((Exception)Activator.CreateInstance(failure, "why")!, Context());

        Assert.Equal(status, result.StatusCode);
        Assert.Equal([ProblemMapping.ContentType], result.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Equal("why", problem.Detail);
        Assert.Equal("/api/things", problem.Instance);
    }

    [Fact]
    public void A_validation_failure_lists_the_fields()
    {
        var result = ProblemMapping.From(new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["applicant.idNumber"] = ["校验位不正确"],
            ["materials[0]"] = ["必须上传"],
        }), Context());

        Assert.Equal(400, result.StatusCode);
        var problem = Assert.IsType<ValidationProblemDetails>(result.Value);
        Assert.Equal(["校验位不正确"], problem.Errors["applicant.idNumber"]);
        Assert.Equal(["必须上传"], problem.Errors["materials[0]"]);
    }

    [Fact]
    public void The_domains_rule_violations_are_field_errors_and_its_state_conflicts_are_409()
    {
        var invalid = ProblemMapping.From(new MatterValidationException([new("promisedWorkingDays", "承诺时限不得超过法定时限")]), Context());
        var conflict = ProblemMapping.From(new MatterStateException("事项已停用"), Context());

        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal(["承诺时限不得超过法定时限"], Assert.IsType<ValidationProblemDetails>(invalid.Value).Errors["promisedWorkingDays"]);
        Assert.Equal(409, conflict.StatusCode);
        Assert.Equal("事项已停用", Assert.IsType<ProblemDetails>(conflict.Value).Detail);
    }

    [Fact]
    public void A_deadline_beyond_the_holiday_data_is_a_503_that_says_which_year_is_missing()
    {
        var failure = Assert.Throws<Nanhai.Domain.Calendar.CalendarYearNotCoveredException>(() =>
            Nanhai.Domain.Calendar.WorkingDayCalendar.China.AddWorkingDays(new DateOnly(2026, 12, 30), 5));

        var result = ProblemMapping.From(failure, Context());

        Assert.Equal(503, result.StatusCode);
        Assert.Contains("2027", Assert.IsType<ProblemDetails>(result.Value).Detail);
    }

    [Fact]
    public void An_unexpected_failure_is_a_500_that_does_not_leak_its_message()
    {
        var result = ProblemMapping.From(new InvalidOperationException("connection string was Password=secret"), Context());

        Assert.Equal(500, result.StatusCode);
        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.DoesNotContain("secret", problem.Detail);
        Assert.True(problem.Extensions.ContainsKey("traceId"));
    }
}
