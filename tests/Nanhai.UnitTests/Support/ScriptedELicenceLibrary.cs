using System.Collections.Concurrent;
using Nanhai.Application.ELicences;
using Nanhai.Domain.ELicences;

namespace Nanhai.UnitTests.Support;

/// <summary>
/// The provincial e-licence library as a script: it holds the licences a test gives it and returns those of the asked
/// holder and types; it can be told to be unreachable (<see cref="ELicenceLibraryUnavailableException"/>) for its next
/// calls, to test that the workflow retries rather than concluding the applicant has no licence.
/// </summary>
public sealed class ScriptedELicenceLibrary : IELicenceLibrary
{
    readonly ConcurrentBag<ELicence> licences = [];
    int failuresLeft;
    int calls;

    /// <summary>Every call, failed ones included.</summary>
    public int Calls => Volatile.Read(ref calls);

    public ScriptedELicenceLibrary Hold(params ELicence[] held)
    {
        foreach (var licence in held) licences.Add(licence);
        return this;
    }

    /// <summary>The next <paramref name="count"/> calls throw <see cref="ELicenceLibraryUnavailableException"/>.</summary>
    public ScriptedELicenceLibrary FailNext(int count)
    {
        Volatile.Write(ref failuresLeft, count);
        return this;
    }

    public Task<IReadOnlyList<ELicence>> FindAsync(string holderId, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
            throw new ELicenceLibraryUnavailableException("省电子证照库暂不可用 (the library is unreachable, scripted)");
        return Task.FromResult<IReadOnlyList<ELicence>>([.. licences
            .Where(l => string.Equals(l.HolderId, holderId, StringComparison.OrdinalIgnoreCase) && types.Contains(l.Type))
            .OrderBy(l => l.Number, StringComparer.Ordinal)]);
    }
}
