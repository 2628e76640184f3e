using System.Diagnostics.CodeAnalysis;

namespace Nanhai.Domain.Identifiers;

/// <summary>Outcome of checking an applicant identifier.</summary>
public enum IdentifierValidationStatus
{
    /// <summary>Well-formed and every check passed.</summary>
    Valid,

    /// <summary>
    /// Well-formed and accepted, with warnings to show the applicant and the officer: chiefly a unified
    /// social credit code that fails its checksum, which some early, genuine codes do (ARCHITECTURE §7),
    /// so the API accepts it with the warning rather than turning the applicant away.
    /// </summary>
    ValidWithWarnings,

    /// <summary>Rejected: wrong length, characters or format, or a check no genuine identifier fails.</summary>
    Invalid,
}

/// <summary>
/// One validation message in Simplified Chinese (what applicants and the zh-CN console show) with an
/// English gloss for logs and developers. <see cref="Code"/> is stable (see
/// <see cref="IdentifierMessageCodes"/>) so callers can map messages to fields without parsing text.
/// </summary>
public sealed record IdentifierMessage(string Code, string Chinese, string English)
{
    /// <summary>The Chinese message followed by the English gloss, e.g. "身份证号码校验位不正确 (check character does not match)".</summary>
    public string Text => $"{Chinese} ({English})";

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>
/// Result of validating an identifier: <see cref="IdentifierValidationStatus.Valid"/>,
/// <see cref="IdentifierValidationStatus.ValidWithWarnings"/> (with <see cref="Warnings"/>) or
/// <see cref="IdentifierValidationStatus.Invalid"/> (with <see cref="Errors"/>). An accepted result
/// carries the parsed, normalised identifier.
/// </summary>
public sealed class IdentifierValidationResult<TIdentifier>
    where TIdentifier : class, IApplicantIdentifier
{
    IdentifierValidationResult(TIdentifier? value, IReadOnlyList<IdentifierMessage> errors, IReadOnlyList<IdentifierMessage> warnings)
    {
        Value = value;
        Errors = errors;
        Warnings = warnings;
        Status = value is null ? IdentifierValidationStatus.Invalid
            : warnings.Count > 0 ? IdentifierValidationStatus.ValidWithWarnings
            : IdentifierValidationStatus.Valid;
    }

    /// <summary>Valid, valid with warnings, or invalid.</summary>
    public IdentifierValidationStatus Status { get; }

    /// <summary>The parsed identifier when accepted (valid, with or without warnings); otherwise null.</summary>
    public TIdentifier? Value { get; }

    /// <summary>Why the identifier was rejected; empty when accepted.</summary>
    public IReadOnlyList<IdentifierMessage> Errors { get; }

    /// <summary>Checks that failed without rejecting the identifier; empty unless <see cref="IdentifierValidationStatus.ValidWithWarnings"/>.</summary>
    public IReadOnlyList<IdentifierMessage> Warnings { get; }

    /// <summary>True when the identifier may be used (valid, with or without warnings).</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsAccepted => Value is not null;

    internal static IdentifierValidationResult<TIdentifier> Accepted(TIdentifier value, IReadOnlyList<IdentifierMessage> warnings) =>
        new(value, [], warnings);

    internal static IdentifierValidationResult<TIdentifier> Rejected(IReadOnlyList<IdentifierMessage> errors) =>
        errors.Count > 0 ? new(null, errors, []) : throw new ArgumentException("A rejection needs at least one error.", nameof(errors));

    /// <summary>The same result typed as the common applicant identifier, for <see cref="ApplicantIdentifiers"/>.</summary>
    internal IdentifierValidationResult<IApplicantIdentifier> Generalise() => new(Value, Errors, Warnings);
}
