using System.ComponentModel.DataAnnotations;

namespace Nanhai.Infrastructure.Ingestion.Lookups;

/// <summary>The keyed-lookup index (section <c>Ingestion:Lookups</c>), in the platform's storage account's Table service.</summary>
public sealed class LookupIndexOptions
{
    public const string Section = "Ingestion:Lookups";

    /// <summary>Entity-group transactions one writer keeps in flight.</summary>
    [Range(1, 32, ErrorMessage = "Ingestion:Lookups:WriteConcurrency must be between 1 and 32.")]
    public int WriteConcurrency { get; set; } = 4;

    /// <summary>Starts every index table's name, so the platform's tables are told apart from others in the account.</summary>
    [Required(ErrorMessage = "Ingestion:Lookups:TablePrefix is required.")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,15}$", ErrorMessage = "Ingestion:Lookups:TablePrefix must be 1–16 letters and digits, starting with a letter.")]
    public string TablePrefix { get; set; } = "lookup";
}
