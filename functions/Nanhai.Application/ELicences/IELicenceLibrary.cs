using Nanhai.Domain.ELicences;

namespace Nanhai.Application.ELicences;

/// <summary>The provincial e-licence library (省电子证照库), as the workflows need it.</summary>
public interface IELicenceLibrary
{
    /// <summary>
    /// The licences of the given types that <paramref name="holderId"/> (resident ID number or unified social credit
    /// code) holds; empty when there are none. Throws <see cref="ELicenceLibraryUnavailableException"/> when the library
    /// cannot be reached, so that a workflow can retry instead of concluding the applicant has no licence.
    /// </summary>
    Task<IReadOnlyList<ELicence>> FindAsync(string holderId, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default);
}

public sealed class ELicenceLibraryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
