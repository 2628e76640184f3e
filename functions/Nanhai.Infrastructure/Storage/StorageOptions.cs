using System.ComponentModel.DataAnnotations;

namespace Nanhai.Infrastructure.Storage;

/// <summary>
/// The platform's data storage account (section "Storage"): dumps, quarantine, snapshots, materials, results,
/// and the integration-event queue on one machine. Locally a connection string to Azurite; in Azure the service
/// URIs, reached with the app's managed identity (no keys in configuration). <see cref="TableServiceUri"/> is needed only
/// where the keyed-lookup index is registered, which adds that check itself.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (BlobServiceUri is null || QueueServiceUri is null))
            yield return new ValidationResult(
                "Set Storage:ConnectionString (local) or both Storage:BlobServiceUri and Storage:QueueServiceUri (Azure, managed identity).",
                [nameof(ConnectionString), nameof(BlobServiceUri), nameof(QueueServiceUri)]);
    }
}
