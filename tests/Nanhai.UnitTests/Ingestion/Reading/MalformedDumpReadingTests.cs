using Microsoft.Extensions.Options;
using Nanhai.Application.Ingestion.Reading;
using Nanhai.Infrastructure.Ingestion.Reading;
using Nanhai.IntegrationTests.Ingestion.Corpus;
using Nanhai.UnitTests.Identifiers;

namespace Nanhai.UnitTests.Ingestion.Reading;

public sealed class MalformedDumpReadingTests
{
    public static TheoryData<string> Names => [.. MalformedDumps.All.Select(d => d.Name)];

    /// <summary>Reads a whole dump with the default limits; the outcome is the records read or the reason it was refused.</summary>
    internal static (IDumpReader? Reader, List<DumpRecord> Records, DumpUnreadableException? Error) ReadAll(Stream content, string fileName, DumpReadingOptions? options = null)
    {
        var records = new List<DumpRecord>();
        IDumpReader? reader = null;
        try
        {
            using (reader = new DumpReaders(Options.Create(options ?? new DumpReadingOptions())).Open(content, fileName))
                while (reader.Read(out var record))
                    records.Add(record);
            return (reader, records, null);
        }
        catch (DumpUnreadableException e)
        {
            return (reader, records, e);
        }
    }

    [Fact]
    public void The_corpus_has_every_case_the_issue_lists_and_more_than_25()
    {
        Assert.True(MalformedDumps.All.Count >= 25);
        Assert.Equal(MalformedDumps.All.Count, MalformedDumps.All.Select(d => d.Name).Distinct().Count());
        foreach (var reason in typeof(DumpUnreadableReasons).GetFields().Select(f => (string)f.GetValue(null)!)
                     .Except([DumpUnreadableReasons.TooLarge]))
            Assert.Contains(MalformedDumps.All, d => d.Expected is UnreadableDump u && u.Reason == reason);
    }

    [Fact]
    public void Corpus_rows_are_valid_and_its_bad_identifiers_are_bad()
    {
        for (var i = 0; i < 50; i++)
            Assert.True(ReferenceChecksums.IdentityChecksumHolds(CorpusResource.ValidRow(i)[0]));
        Assert.False(ReferenceChecksums.IdentityChecksumHolds(MalformedDumps.ExcelDigits(1)));
        Assert.Contains(Enumerable.Range(0, 8), i => CorpusResource.ValidRow(i)[1].Contains("𠈓"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_malformed_dump_ends_as_expected_without_a_crash_or_a_stuck_run(string name)
    {
        var dump = MalformedDumps.Named(name);
        var run = Task.Run(() =>
        {
            using var content = dump.Open();
            return ReadAll(content, dump.FileName);
        });
        // WaitAsync throws a TimeoutException when a dump gets the reader stuck.
        var (reader, records, error) = await run.WaitAsync(TimeSpan.FromSeconds(30));

        switch (dump.Expected)
        {
            case UnreadableDump unreadable:
                Assert.NotNull(error);
                Assert.Equal(unreadable.Reason, error.Reason);
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.*\(.+\)", error.Message);
                break;
            case ReadableDump readable:
                Assert.Null(error);
                Assert.Equal(readable.Records, records.Count);
                var problems = records.Where(r => r.Problem is not null).Select(r => r.Line).ToList();
                Assert.Equal(readable.BadRows.Where(b => b.Rule is null).Select(b => b.Line).Order(), problems.Order());
                foreach (var bad in readable.BadRows.Where(b => b.Rule is not null))
                {
                    var record = Assert.Single(records, r => r.Line == bad.Line);
                    var value = record.Values[reader!.Columns.ToList().IndexOf(bad.Column!)];
                    if (bad.Offending is null)
                        Assert.Null(value);
                    else
                        Assert.Contains(bad.Offending, value);
                }
                break;
        }
    }
}
