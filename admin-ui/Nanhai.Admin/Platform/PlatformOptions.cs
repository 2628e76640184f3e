using System.ComponentModel.DataAnnotations;

namespace Nanhai.Admin.Platform;

/// <summary>Where the console finds the platform's HTTP API (section <c>Platform</c>).</summary>
public sealed class PlatformOptions : IValidatableObject
{
    public const string SectionName = "Platform";

    /// <summary>Absolute http(s) address of the platform API, e.g. the Functions host.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    // The binder accepts relative URIs; an HttpClient base address cannot be one, so refuse them at start-up
    // rather than on the first page view.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(BaseUrl)} must be an absolute http or https URI, not '{url}'.",
                [nameof(BaseUrl)]);
        }
    }
}
