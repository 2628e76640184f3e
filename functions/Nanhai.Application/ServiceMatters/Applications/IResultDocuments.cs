using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>Electronic result documents (电子结果文书), each with a verification code a third party can check it by.</summary>
public interface IResultDocuments
{
    /// <summary>Stores the result of <paramref name="application"/>; issuing it again returns the same document and code.</summary>
    Task<ResultDocument> IssueAsync(ServiceApplication application, CancellationToken cancellationToken = default);
}

public sealed record ResultDocument(string BlobName, string VerificationCode);
