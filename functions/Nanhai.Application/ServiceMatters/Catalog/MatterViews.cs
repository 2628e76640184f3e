using System.Text.Json;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters.Catalog;

// The catalogue's representations live here, beside the use case, so the admin console reads the same types the API writes.

/// <summary>One matter in a catalogue page.</summary>
public sealed record MatterSummaryView(
    string Code, int Version, DateTimeOffset PublishedAt, string Name, string Department, CodeName Level,
    IReadOnlyList<CodeName> Centres, IReadOnlyList<CodeName> Attributes, CodeName Kind,
    int PromisedWorkingDays, int StatutoryWorkingDays, int VisitsRequired)
{
    public static MatterSummaryView Of(MatterListing l) => new(
        l.Code, l.Version, l.PublishedAt, l.Name, l.Department, CodeName.Of(l.Level), [.. l.Centres.Select(CodeName.Centre)],
        [.. l.Attributes.Select(CodeName.Of)], CodeName.Of(l.Kind), l.PromisedWorkingDays, l.StatutoryWorkingDays, l.VisitsRequired);
}

/// <summary>A page of the catalogue; pass <see cref="Continuation"/> back to get the next one (null on the last page).</summary>
public sealed record MatterPageView(IReadOnlyList<MatterSummaryView> Items, string? Continuation)
{
    public static MatterPageView Of(MatterPage page) => new([.. page.Items.Select(MatterSummaryView.Of)], page.ContinuationToken);
}

/// <summary>Everything an applicant needs to apply under one published version: materials, delivery, fee and the form.</summary>
public sealed record MatterDetailView(
    string Code, int Version, DateTimeOffset PublishedAt, string Name, string Department, CodeName Level,
    IReadOnlyList<CodeName> Centres, IReadOnlyList<CodeName> Attributes, CodeName Kind,
    int PromisedWorkingDays, int StatutoryWorkingDays, int VisitsRequired,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<CodeName> DeliveryOptions, FeeView Fee, JsonElement FormSchema)
{
    public static MatterDetailView Of(MatterVersion version)
    {
        var d = version.Definition;
        return new MatterDetailView(
            version.Code, version.Number, version.PublishedAt, d.Name, d.Department, CodeName.Of(d.Level), [.. d.Centres.Select(CodeName.Centre)],
            [.. MatterAttributes.All.Where(d.Has).Select(CodeName.Of)], CodeName.Of(d.Kind), d.PromisedWorkingDays, d.StatutoryWorkingDays,
            d.VisitsRequired, [.. d.Materials.Select(MaterialView.Of)], [.. d.DeliveryOptions.Select(CodeName.Of)],
            new FeeView(d.Fee.AmountYuan, d.Fee.IsFree, d.Fee.LegalBasis), d.FormSchema);
    }
}

public sealed record MaterialView(
    string Id, string Name, bool Required, bool MayBeMissingAtAcceptance, CodeName? ReplaceableByLicence, CodeName Form,
    long MaxSizeBytes, IReadOnlyList<string> AllowedContentTypes)
{
    public static MaterialView Of(Material m) => new(m.Id, m.Name, m.Required, m.MayBeMissingAtAcceptance,
        m.ReplaceableByLicence is { } licence ? CodeName.Licence(licence) : null, CodeName.Of(m.Form), m.MaxSizeBytes, m.AllowedContentTypes);
}

public sealed record FeeView(decimal AmountYuan, bool IsFree, string? LegalBasis);
