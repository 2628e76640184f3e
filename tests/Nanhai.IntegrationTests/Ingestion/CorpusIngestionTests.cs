using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Catalog;
using Nanhai.Domain.Catalog;
using Nanhai.IntegrationTests.Ingestion.Corpus;
using Nanhai.IntegrationTests.Support;

namespace Nanhai.IntegrationTests.Ingestion;

/// <summary>
/// Every malformed dump of the corpus, dropped into the local host: each ends in a quarantine report with its reason or an
/// accepted run with exactly its bad rows listed — never a crash, a retry loop or a run left running.
/// </summary>
public sealed class CorpusIngestionTests(CorpusIngestionTests.CorpusPlatform corpus) : IClassFixture<CorpusIngestionTests.CorpusPlatform>
{
    public static TheoryData<string> Dumps => [.. MalformedDumps.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Dumps))]
    public async Task A_malformed_dump_ends_in_a_report_or_an_accepted_run_with_its_bad_rows(string name)
    {
        var dump = MalformedDumps.Named(name);
        var file = dump.Name + Path.GetExtension(dump.FileName);
        var drops = new DumpDrops(corpus.Platform.Services, corpus.Platform.Host);
        await using (var content = dump.Open())
            await drops.DropAsync(CorpusResource.UnitCode, CorpusResource.ResourceCode, file, content);

        var run = await drops.FinishedRunAsync(CorpusResource.ResourceCode, file, TimeSpan.FromSeconds(90));

        var report = run.GetProperty("report");
        switch (dump.Expected)
        {
            case UnreadableDump unreadable:
                Assert.Equal("Quarantined", run.GetProperty("status").GetString());
                Assert.Equal(unreadable.Reason, report.GetProperty("failure").GetProperty("reason").GetString());
                Assert.False(string.IsNullOrWhiteSpace(report.GetProperty("failure").GetProperty("message").GetString()));
                break;
            case ReadableDump { Records: 0 }:
                Assert.Equal("Quarantined", run.GetProperty("status").GetString());
                Assert.Equal("no-records", report.GetProperty("failure").GetProperty("reason").GetString());
                break;
            case ReadableDump readable:
                Assert.Equal(readable.Records, run.GetProperty("rowsRead").GetInt64());
                Assert.Equal(readable.BadRows.Count, run.GetProperty("rowsRejected").GetInt64());
                Assert.Equal(readable.BadRows.Select(b => b.Line).Order(), report.GetProperty("firstBadLines").EnumerateArray().Select(l => l.GetInt64()));
                var codes = report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
                foreach (var bad in readable.BadRows)
                    Assert.Contains(bad.Rule is null ? "malformed-record" : CodeOf(bad.Rule), codes);
                Assert.Equal(readable.Records > readable.BadRows.Count ? "Succeeded" : "Quarantined", run.GetProperty("status").GetString());
                break;
        }
    }

    static string CodeOf(string rule) => rule switch
    {
        BadValueRules.Bom => "byte-order-mark",
        BadValueRules.ResidentId => "identifier",
        _ => rule,
    };

    /// <summary>A platform with the corpus's unit and resource in its catalog; the resource keeps a file while up to 90% of its rows are bad.</summary>
    public sealed class CorpusPlatform : IAsyncLifetime
    {
        public PlatformFixture Platform { get; } = new();

        public async Task InitializeAsync()
        {
            await Platform.InitializeAsync();
            using var services = PlatformServices.Build(Platform.Services);
            var catalog = services.Services.GetRequiredService<ICatalogStore>();
            await catalog.SaveUnitAsync(new SourceUnit(CorpusResource.UnitCode, "畸形文件样本单位"), default);
            var description = new ResourceDescription("畸形文件样本", "99901", "测试用的户籍人口样式资源", "CSV/JSON Lines/XLSX",
                SharingType.Unconditional, null, "文件下载", null, OpenAttribute.NotOpen, UpdateCycle.Irregular, new DateOnly(2026, 11, 1), null);
            await catalog.SaveResourceAsync(Resource.Register(CorpusResource.ResourceCode, CorpusResource.UnitCode,
                new ResourceDefinition(description, CorpusResource.Items, new IngestionPolicy(BadRowPolicy.SkipBadRows, 0.9)), "tests", DateTimeOffset.UtcNow), null, default);
        }

        public Task DisposeAsync() => Platform.DisposeAsync();
    }
}
