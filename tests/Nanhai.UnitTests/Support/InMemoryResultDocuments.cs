using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Nanhai.Application.ServiceMatters.Applications;
using Nanhai.Domain.ServiceMatters.Applications;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// Result documents in memory: one per application, issued again it returns the same document and code (as the blob
/// store's write-if-absent does). Counts the calls so a test can see a retried step did not write a second one.
/// </summary>
public sealed class InMemoryResultDocuments : IResultDocuments
{
    readonly ConcurrentDictionary<string, ResultDocument> documents = new();
    int calls;

    /// <summary>How many times a document was asked for, repeats included.</summary>
    public int Calls => Volatile.Read(ref calls);

    public IReadOnlyDictionary<string, ResultDocument> Documents => documents;

    public Task<ResultDocument> IssueAsync(ServiceApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        Interlocked.Increment(ref calls);
        return Task.FromResult(documents.GetOrAdd(application.Id, id => new ResultDocument($"results/{id}/result.html",
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12])));
    }
}
