namespace Nanhai.Application.Common;

/// <summary>
/// Failures a use case reports to its caller. Each host turns them into RFC 9457 problem details in one place
/// (Nanhai.Functions.Http.ProblemMapping), so a use case never knows about HTTP.
/// </summary>
public abstract class ApplicationFailure(string message) : Exception(message);

/// <summary>The input breaks one or more rules; <see cref="Errors"/> maps a field (JSON path, camelCase) to its messages.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : ApplicationFailure("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

/// <summary>The thing asked for does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string message) : ApplicationFailure(message);

/// <summary>The request does not fit the current state, or lost a race with another request.</summary>
public sealed class ConflictException(string message) : ApplicationFailure(message);

/// <summary>No valid credentials came with the request.</summary>
public sealed class UnauthenticatedException(string message) : ApplicationFailure(message);

/// <summary>The caller is known but lacks the role or scope for this request.</summary>
public sealed class ForbiddenException(string message) : ApplicationFailure(message);

/// <summary>The caller's If-Match no longer names the stored version: someone else changed it since it was read.</summary>
public sealed class PreconditionFailedException(string message) : ApplicationFailure(message);

/// <summary>The change must say which version it was made on (If-Match), so that it cannot overwrite unseen changes.</summary>
public sealed class PreconditionRequiredException(string message) : ApplicationFailure(message);
