namespace Nanhai.Domain.ServiceMatters.Applications;

/// <summary>
/// One piece of bad input: <paramref name="Field"/> is the camelCase JSON path of the value (<c>materials[1].blobName</c>),
/// <paramref name="Message"/> says what is wrong in Simplified Chinese with an English gloss.
/// </summary>
public sealed record ServiceApplicationViolation(string Field, string Message);

/// <summary>The command's input is invalid; every problem is listed by field, for a validation problem (400).</summary>
public sealed class ServiceApplicationValidationException(IReadOnlyList<ServiceApplicationViolation> violations)
    : Exception("申请数据有误 (invalid application input): " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")))
{
    public IReadOnlyList<ServiceApplicationViolation> Violations { get; } = violations;

    /// <summary>The violations grouped by field, the shape of RFC 9457 validation problems' <c>errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]> ToFieldErrors() =>
        Violations.GroupBy(v => v.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal);
}

/// <summary>The command does not fit the application's current state (accepting a withdrawn application…): a conflict (409).</summary>
public sealed class ServiceApplicationStateException(ApplicationStatus status, string message) : Exception(message)
{
    /// <summary>The status the application was in when the command was refused.</summary>
    public ApplicationStatus Status { get; } = status;
}

/// <summary>
/// The caller decided on version <see cref="ExpectedVersion"/> but the application is at <see cref="ActualVersion"/> with
/// a different change in between: another command won the race (409; reload and decide again).
/// </summary>
public sealed class ServiceApplicationConflictException(string applicationId, long expectedVersion, long actualVersion)
    : Exception($"申请已被他人处理，请刷新后重试 (application {applicationId} is at version {actualVersion}, not {expectedVersion})")
{
    public string ApplicationId { get; } = applicationId;
    public long ExpectedVersion { get; } = expectedVersion;
    public long ActualVersion { get; } = actualVersion;
}
