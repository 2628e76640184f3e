namespace Nanhai.Domain.Identifiers;

/// <summary>Sex (性别) as encoded in a resident identity number's sequence code (GB 11643-1999 §5.3).</summary>
public enum Sex
{
    /// <summary>Male (男): odd sequence code.</summary>
    Male,

    /// <summary>Female (女): even sequence code.</summary>
    Female,
}
