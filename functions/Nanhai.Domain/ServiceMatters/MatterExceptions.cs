namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// The matter (or an argument about it) breaks rules; <see cref="Violations"/> lists every one by field, so that the API
/// can answer with a validation problem rather than the first failure.
/// </summary>
public sealed class MatterValidationException(IReadOnlyList<MatterViolation> violations)
    : Exception("事项不符合发布规则 (the matter breaks one or more rules): " +
                string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")))
{
    public IReadOnlyList<MatterViolation> Violations { get; } = violations;
}

/// <summary>The operation does not fit the matter's current state (retired, nothing to publish…): a conflict, not bad input.</summary>
public sealed class MatterStateException(string message) : Exception(message);
