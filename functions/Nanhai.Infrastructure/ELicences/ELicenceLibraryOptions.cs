using System.ComponentModel.DataAnnotations;

namespace Nanhai.Infrastructure.ELicences;

/// <summary>Where the provincial e-licence library is (section "ELicenceLibrary").</summary>
public sealed class ELicenceLibraryOptions
{
    public const string Section = "ELicenceLibrary";

    /// <summary>The library's base address; on one machine the local host's simulator.</summary>
    [Required] public Uri? BaseUrl { get; set; }

    /// <summary>The district's application key (Key Vault in Azure; the simulator's on one machine).</summary>
    [Required] public string ApiKey { get; set; } = "";

    /// <summary>How long one call may take, retries included, before a workflow activity gives up and is retried itself.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
