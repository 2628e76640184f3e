using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.UnitTests.ServiceMatters.Applications;

public sealed class DecisionActionTests
{
    [Theory]
    [InlineData("accept", DecisionAction.Accept, "受理", false)]
    [InlineData("accept-with-missing", DecisionAction.AcceptWithMissing, "容缺受理", false)]
    [InlineData("reject", DecisionAction.Reject, "不予受理", true)]
    [InlineData("request-supplement", DecisionAction.RequestSupplement, "要求补正", true)]
    [InlineData("approve", DecisionAction.Approve, "准予许可", false)]
    [InlineData("deny", DecisionAction.Deny, "不予许可", true)]
    [InlineData("confirm-pickup", DecisionAction.ConfirmPickup, "确认领取", false)]
    public void Each_api_code_parses_to_its_action(string code, DecisionAction action, string chinese, bool requiresReason)
    {
        Assert.True(DecisionActions.TryParse(code, out var parsed));
        Assert.Equal(action, parsed);
        Assert.Equal(code, action.Code());
        Assert.Equal(chinese, action.ToChinese());
        Assert.Equal(requiresReason, action.RequiresReason());
    }

    [Theory]
    [InlineData(" Accept-With-Missing ")]
    [InlineData("REJECT")]
    public void Parsing_ignores_case_and_surrounding_spaces(string code) => Assert.True(DecisionActions.TryParse(code, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("accepted")]
    [InlineData("accept_with_missing")]
    public void Unknown_codes_do_not_parse(string? code)
    {
        Assert.False(DecisionActions.TryParse(code, out _));
        var e = Assert.Throws<ServiceApplicationValidationException>(() => StaffDecision.Create(code));
        Assert.Equal("action", Assert.Single(e.Violations).Field);
        Assert.Contains("accept-with-missing", e.Message);
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("deny")]
    [InlineData("request-supplement")]
    public void Refusals_and_supplement_requests_need_a_reason(string code)
    {
        IReadOnlyList<string> materials = code == "request-supplement" ? ["layout"] : [];
        var e = Assert.Throws<ServiceApplicationValidationException>(() => StaffDecision.Create(code, "  ", materials));
        Assert.Equal(["reason"], e.ToFieldErrors().Keys);
    }

    [Fact]
    public void Only_a_supplement_request_lists_materials_and_it_must()
    {
        var e = Assert.Throws<ServiceApplicationValidationException>(() => StaffDecision.Create("request-supplement", "缺材料"));
        Assert.Equal("materialIds", Assert.Single(e.Violations).Field);

        e = Assert.Throws<ServiceApplicationValidationException>(() => StaffDecision.Create("approve", materialIds: ["layout"]));
        Assert.Equal("materialIds", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void A_decision_keeps_the_trimmed_reason_only_where_one_is_taken()
    {
        var deny = StaffDecision.Create("deny", "  经营场所不符合要求 ");
        Assert.Equal(DecisionAction.Deny, deny.Action);
        Assert.Equal("经营场所不符合要求", deny.Reason);

        var approve = StaffDecision.Create("approve", "同意");
        Assert.Null(approve.Reason);
        Assert.Empty(approve.MaterialIds);
    }

    [Fact]
    public void An_undefined_action_value_is_refused() =>
        Assert.Throws<ServiceApplicationValidationException>(() => StaffDecision.Create((DecisionAction)99));
}
