namespace Nanhai.Domain.Identifiers;

/// <summary>Who applies for a service matter, which decides the identifier they must give.</summary>
public enum ApplicantKind
{
    /// <summary>A natural person, identified by a resident identity number (居民身份证号码).</summary>
    Person,

    /// <summary>An enterprise or other organisation, identified by a unified social credit code (统一社会信用代码).</summary>
    Organisation,
}

/// <summary>An applicant identifier that has passed validation, in its normalised form.</summary>
public interface IApplicantIdentifier
{
    /// <summary>The kind of applicant this identifier belongs to.</summary>
    ApplicantKind Kind { get; }

    /// <summary>The normalised 18-character identifier (ASCII, upper case, no surrounding spaces).</summary>
    string Value { get; }
}
