using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nanhai.Application.Security;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Functions.Http;
using Nanhai.Functions.OpenApi;

namespace Nanhai.Functions.ServiceMatters;

/// <summary>Applications (申请) from the mini-program, and the handling centres' decisions on them.</summary>
public sealed class ApplicationFunctions(
    MaterialUploads uploads, ApplicationSubmissions submissions, ApplicationCommands commands, ApplicationLists lists, ApplicationReads reads)
{
    [Function("RequestMaterialUpload")]
    [RequireRoles(Roles.Applicant)]
    [OpenApiOperation("Applications", "申请材料上传地址 (a short-lived upload URL for one material file)", RequestBody = typeof(RequestMaterialUpload))]
    [ProducesResponseType<MaterialUploadGranted>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RequestUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "material-uploads")] HttpRequest request)
    {
        var granted = await uploads.GrantAsync(await request.ReadJsonAsync<RequestMaterialUpload>(), FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted);
        return new ObjectResult(granted) { StatusCode = StatusCodes.Status201Created };
    }

    [Function("SubmitApplication")]
    [RequireRoles(Roles.Applicant)]
    [OpenApiOperation("Applications", "提交申请 (submit; the Idempotency-Key header makes a repeated request return the same application)", RequestBody = typeof(SubmitApplication))]
    [ProducesResponseType<SubmissionReceivedView>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        var received = await submissions.SubmitAsync(durable, await request.ReadJsonAsync<SubmitApplication>(),
            request.Headers["Idempotency-Key"].FirstOrDefault(), FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted);
        var location = $"/api/applications/{received.ApplicationId}";
        return new AcceptedResult(location, new SubmissionReceivedView(received.ApplicationId, location, received.AlreadySubmitted));
    }

    [Function("GetApplication")]
    [RequireRoles(Roles.Applicant, Roles.CentreStaff, Roles.DistrictAdmin)]
    [OpenApiOperation("Applications", "申请详情 (status, timeline, deadline, next step, applicant, form answers, delivery and materials; applicants their own, centre staff their centre's, district administrators any)")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{applicationId}")] HttpRequest request, string applicationId)
        => new OkObjectResult(await reads.GetAsync(applicationId, FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted));

    [Function("GetApplicationMaterialFile")]
    [RequireRoles(Roles.Applicant, Roles.CentreStaff, Roles.DistrictAdmin)]
    [OpenApiOperation("Applications", "下载申请材料文件 (an uploaded material file, for whoever may read the application)")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> GetMaterialFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{applicationId}/materials/{materialId}/file")] HttpRequest request,
        string applicationId, string materialId)
    {
        var file = await reads.OpenMaterialFileAsync(applicationId, materialId, FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted);
        // Uploaded by the public: never let a browser guess another type, and save rather than render it.
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        // FileDownloadName gives "attachment; filename=…; filename*=UTF-8''…" (RFC 6266/5987) for Chinese names.
        return new FileStreamResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }

    [Function("ListMyApplications")]
    [RequireRoles(Roles.Applicant)]
    [OpenApiOperation("Applications", "我的申请 (the applicant's applications, latest first)")]
    [ProducesResponseType<IReadOnlyList<ApplicationSummary>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ListMine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications")] HttpRequest request)
        => new OkObjectResult(await lists.MineAsync(FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted));

    [Function("SupplementApplication")]
    [RequireRoles(Roles.Applicant)]
    [OpenApiOperation("Applications", "补交材料 (materials the centre asked for, or accepted the application without)", RequestBody = typeof(SupplementApplication))]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Supplement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{applicationId}/supplements")] HttpRequest request,
        string applicationId, [DurableClient] DurableTaskClient durable)
        => await ViewAsync(await commands.SupplementAsync(durable, applicationId, await request.ReadJsonAsync<SupplementApplication>(),
            FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted), request);

    [Function("CentreQueue")]
    [RequireRoles(Roles.CentreStaff, Roles.DistrictAdmin)]
    [OpenApiOperation("Applications", "中心待办 (the centre's open applications: awaiting acceptance first, then by deadline, with working days left)")]
    [ProducesResponseType<IReadOnlyList<QueueEntry>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Queue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "centres/{centre}/queue")] HttpRequest request, string centre)
        => new OkObjectResult(await lists.QueueAsync(centre, FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted));

    [Function("WithdrawApplication")]
    [RequireRoles(Roles.Applicant)]
    [OpenApiOperation("Applications", "撤回申请 (withdraw, possible until approval)", RequestBody = typeof(WithdrawApplication))]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Withdraw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{applicationId}/withdraw")] HttpRequest request,
        string applicationId, [DurableClient] DurableTaskClient durable)
    {
        var body = request.ContentLength is > 0 ? await request.ReadJsonAsync<WithdrawApplication>() : new WithdrawApplication(null);
        return await ViewAsync(await commands.WithdrawAsync(durable, applicationId, body, FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted), request);
    }

    [Function("DecideApplication")]
    [RequireRoles(Roles.CentreStaff)]
    [OpenApiOperation("Applications", "窗口办理决定 (accept, accept-with-missing, reject, request-supplement, approve, deny, confirm-pickup; staff of the handling centre)", RequestBody = typeof(DecideApplication))]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{applicationId}/decisions")] HttpRequest request,
        string applicationId, [DurableClient] DurableTaskClient durable)
        => await ViewAsync(await commands.DecideAsync(durable, applicationId, await request.ReadJsonAsync<DecideApplication>(),
            FunctionAuthorization.CallerOf(request), request.HttpContext.RequestAborted), request);

    async Task<IActionResult> ViewAsync(Nanhai.Domain.ServiceMatters.Applications.ServiceApplication application, HttpRequest request) =>
        new OkObjectResult(await reads.ViewAsync(application, request.HttpContext.RequestAborted));
}
