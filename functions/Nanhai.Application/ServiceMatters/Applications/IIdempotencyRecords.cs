namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// Remembers which request an idempotency key was first used with (Idempotency-Key header), so that the same key and
/// body give the same result and the same key with another body is refused.
/// </summary>
public interface IIdempotencyRecords
{
    /// <summary>
    /// Claims <paramref name="key"/> for a request with <paramref name="fingerprint"/>; returns the fingerprint the key
    /// was claimed with (ours when the claim is new or repeated).
    /// </summary>
    Task<string> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken = default);
}
