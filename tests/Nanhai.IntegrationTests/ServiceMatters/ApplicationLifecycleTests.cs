using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.ServiceMatters;

/// <summary>
/// An application through the mini-program API and a handling centre, on the local host against Azurite and the Cosmos
/// stand-in: uploads, idempotent submission, the workflow's pre-check and routing, staff decisions, the result, pick-up.
/// </summary>
public sealed class ApplicationLifecycleTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{

    static readonly string[] MaterialIds = ApplicationClient.MaterialIds;

    LocalHostProcess Host => platform.Host;
    ApplicationClient Client => new(platform.Host);

    [Fact]
    public async Task An_application_is_pre_checked_routed_accepted_approved_issued_and_picked_up()
    {
        var applicant = $"citizen-{Guid.NewGuid():N}";
        var body = await Client.ApplicationBodyAsync(applicant, MaterialIds);
        var before = await Client.StatisticsAsync();

        var first = await Client.SubmitAsync(applicant, "key-1", body);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        var again = await Client.SubmitAsync(applicant, "key-1", body);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, repeated.GetProperty("applicationId").GetString());
        Assert.True(repeated.GetProperty("alreadySubmitted").GetBoolean());

        var routed = await Client.WaitForStatusAsync(applicant, id, "awaitingAcceptance");
        Assert.Equal("guicheng", routed.GetProperty("handlingCentre").GetProperty("code").GetString());
        Assert.Contains("accept", routed.GetProperty("allowedDecisions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.DecideAsync("dali", id, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.DecideAsync("guicheng", id, "approve")).StatusCode);
        var accepted = await Client.DecideAsync("guicheng", id, "accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var acceptedView = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("underReview", acceptedView.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.String, acceptedView.GetProperty("deadline").ValueKind); // a calendar date, 20 working days on

        Assert.Equal(HttpStatusCode.OK, (await Client.DecideAsync("guicheng", id, "approve")).StatusCode);
        var issued = await Client.WaitForStatusAsync(applicant, id, "awaitingPickup");
        Assert.Matches("^[2-9A-Z]{12}$", issued.GetProperty("verificationCode").GetString()!);

        Assert.Equal(HttpStatusCode.OK, (await Client.DecideAsync("guicheng", id, "confirm-pickup")).StatusCode);
        var done = await Client.WaitForStatusAsync(applicant, id, "completed");
        Assert.Equal(
            ["application.submitted", "application.pre-check-passed", "application.routed", "application.accepted",
             "application.approved", "application.result-issued", "application.pickup-confirmed"],
            done.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        using var stranger = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, $"api/applications/{id}", "applicant", "someone-else"));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        // The district's figures count it: one more district-level application, concluded on time within its promise.
        var after = await Client.StatisticsAsync();
        Assert.Equal(Count(before, "applicationsByLevel", "district") + 1, Count(after, "applicationsByLevel", "district"));
        Assert.Equal(before.GetProperty("concluded").GetInt64() + 1, after.GetProperty("concluded").GetInt64());
        Assert.True(after.GetProperty("onTimeRate").GetDouble() > 0);
        Assert.InRange(after.GetProperty("averageWorkingDaysUsed").GetDouble(), 0, 20);
    }

    [Fact]
    public async Task The_trend_counts_this_months_applications_by_level_and_centre_and_refuses_a_bad_span()
    {
        async Task<JsonElement> TrendAsync(string query = "")
        {
            using var response = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/stats/services/trend" + query, "data-authority"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        long ThisMonth(JsonElement trend) => trend.GetProperty("months").EnumerateArray().Last().GetProperty("byLevel").GetProperty("district").GetInt64();
        long Guicheng(JsonElement trend) => trend.GetProperty("centres").EnumerateArray().Single(c => c.GetProperty("centre").GetString() == "guicheng").GetProperty("applications").GetInt64();
        var before = await TrendAsync();

        var applicant = $"citizen-{Guid.NewGuid():N}";
        using (var submitted = await Client.SubmitAsync(applicant, "trend", await Client.ApplicationBodyAsync(applicant, MaterialIds)))
        {
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
            await Client.WaitForStatusAsync(applicant, id, "awaitingAcceptance");
        }

        var after = await TrendAsync();
        Assert.Equal(12, after.GetProperty("months").GetArrayLength());
        Assert.Equal(Nanhai.Domain.Calendar.ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM"), after.GetProperty("months").EnumerateArray().Last().GetProperty("month").GetString());
        Assert.Equal(ThisMonth(before) + 1, ThisMonth(after));
        Assert.Equal(Guicheng(before) + 1, Guicheng(after));
        Assert.Equal(7, after.GetProperty("centres").GetArrayLength());
        Assert.Equal(3, (await TrendAsync("?months=3")).GetProperty("months").GetArrayLength());
        using var bad = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/stats/services/trend?months=0", "district-admin"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("months", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task The_statistics_count_the_published_catalogue_by_attribute()
    {
        var seeds = Nanhai.Application.ServiceMatters.DemoData.DemoMatterCatalog.Read();
        var figures = await Client.StatisticsAsync();

        Assert.Equal(seeds.Count, figures.GetProperty("publishedMatters").GetInt64());
        foreach (var attribute in Nanhai.Domain.ServiceMatters.MatterAttributes.All)
            Assert.Equal(seeds.Count(s => s.Definition.Has(attribute)),
                Count(figures, "mattersByAttribute", Nanhai.Domain.ServiceMatters.MatterAttributes.Code(attribute)));
        using var applicant = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/stats/services", "applicant"));
        Assert.Equal(HttpStatusCode.Forbidden, applicant.StatusCode);
    }

    static long Count(JsonElement figures, string group, string key) => figures.GetProperty(group).GetProperty(key).GetInt64();

    [Fact]
    public async Task Accepted_with_a_missing_material_it_waits_for_the_supplement_and_shows_in_the_centre_queue()
    {
        var applicant = $"citizen-{Guid.NewGuid():N}";
        var submitted = await Client.SubmitAsync(applicant, "key-m", await Client.ApplicationBodyAsync(applicant, MaterialIds.Where(m => m != "rules")));
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        var routed = await Client.WaitForStatusAsync(applicant, id, "awaitingAcceptance");
        Assert.Equal(["rules"], routed.GetProperty("outstandingMaterials").EnumerateArray().Select(m => m.GetString()));

        var queue = await Client.QueueAsync("guicheng", "guicheng");
        Assert.Contains(id, queue.EnumerateArray().Select(e => e.GetProperty("application").GetProperty("id").GetString()));
        using (var foreign = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/centres/guicheng/queue")
               { Headers = { Authorization = new("Bearer", LocalHostProcess.Token("centre-staff", "staff-dali", centre: "dali")) } }))
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Client.DecideAsync("guicheng", id, "accept-with-missing")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.DecideAsync("guicheng", id, "approve")).StatusCode); // still owed
        var entry = (await Client.QueueAsync("guicheng", "guicheng")).EnumerateArray().Single(e => e.GetProperty("application").GetProperty("id").GetString() == id);
        Assert.InRange(entry.GetProperty("workingDaysLeft").GetInt32(), 1, 20);

        var supplement = await Client.ApplicationBodyAsync(applicant, ["rules"]);
        using var supplemented = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/applications/{id}/supplements", "applicant", applicant,
            new JsonObject { ["materials"] = supplement["materials"]!.DeepClone() }));
        Assert.Equal(HttpStatusCode.OK, supplemented.StatusCode);
        Assert.Empty((await supplemented.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outstandingMaterials").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await Client.DecideAsync("guicheng", id, "approve")).StatusCode);
        await Client.WaitForStatusAsync(applicant, id, "awaitingPickup");
        Assert.Equal(HttpStatusCode.OK, (await Client.DecideAsync("guicheng", id, "confirm-pickup")).StatusCode);
        await Client.WaitForStatusAsync(applicant, id, "completed");
        Assert.DoesNotContain(id, (await Client.QueueAsync("guicheng", "guicheng")).EnumerateArray().Select(e => e.GetProperty("application").GetProperty("id").GetString()));

        using var mine = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/applications", "applicant", applicant));
        var listed = Assert.Single((await mine.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal((id, "Completed"), (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_application_can_be_withdrawn_before_approval_and_then_takes_no_decisions()
    {
        var applicant = $"citizen-{Guid.NewGuid():N}";
        var submitted = await Client.SubmitAsync(applicant, "key-w", await Client.ApplicationBodyAsync(applicant, MaterialIds));
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        await Client.WaitForStatusAsync(applicant, id, "awaitingAcceptance");

        using var withdraw = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, $"api/applications/{id}/withdraw", "applicant", applicant, new { reason = "不再需要" }));
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Equal("withdrawn", (await withdraw.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Client.DecideAsync("guicheng", id, "accept")).StatusCode);
    }

    [Fact]
    public async Task Bad_submissions_get_field_level_problems_and_store_nothing()
    {
        var applicant = $"citizen-{Guid.NewGuid():N}";
        var body = await Client.ApplicationBodyAsync(applicant, MaterialIds);

        using var noKey = await Host.Http.SendAsync(Host.Request(HttpMethod.Post, "api/applications", "applicant", applicant, body));
        await AssertProblemAsync(noKey, HttpStatusCode.BadRequest, "Idempotency-Key");

        var badAnswers = body.DeepClone().AsObject();
        badAnswers["answers"]!["contactPhone"] = "12345";
        await AssertProblemAsync(await Client.SubmitAsync(applicant, "key-a", badAnswers), HttpStatusCode.BadRequest, "answers.contactPhone");

        var badId = body.DeepClone().AsObject();
        badId["applicant"]!["identifier"] = "440605198503120025"; // wrong check character
        var problem = await AssertProblemAsync(await Client.SubmitAsync(applicant, "key-b", badId), HttpStatusCode.BadRequest, null);
        Assert.Contains("校验位", problem.GetRawText());

        var notUploaded = body.DeepClone().AsObject();
        notUploaded["materials"]![0]!["uploadId"] = Guid.NewGuid().ToString("N");
        await AssertProblemAsync(await Client.SubmitAsync(applicant, "key-c", notUploaded), HttpStatusCode.BadRequest, "materials[0]");

        var missingMaterial = body.DeepClone().AsObject();
        missingMaterial["materials"] = new JsonArray([.. body["materials"]!.AsArray().Where(m => m!["materialId"]!.GetValue<string>() != "premises").Select(m => m!.DeepClone())]);
        var missing = await AssertProblemAsync(await Client.SubmitAsync(applicant, "key-e", missingMaterial), HttpStatusCode.BadRequest, "materials");
        Assert.Contains("缺少必需材料", missing.GetRawText());

        // The refused attempts stored nothing: the applicant has no application yet, a key can be retried with the corrected
        // request, and then that key with another body is refused.
        using (var mine = await Host.Http.SendAsync(Host.Request(HttpMethod.Get, "api/applications", "applicant", applicant)))
            Assert.Empty((await mine.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Accepted, (await Client.SubmitAsync(applicant, "key-a", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.SubmitAsync(applicant, "key-a", badAnswers)).StatusCode);
    }

    static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        return problem;
    }
}
