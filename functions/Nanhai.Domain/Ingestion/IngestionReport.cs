using System.Text;
using Nanhai.Domain.Catalog;

namespace Nanhai.Domain.Ingestion;

/// <summary>A file-level failure: the dump could not be read on (reason code, message in Chinese and English, where).</summary>
public sealed record FileFailure(string Reason, string Message, long? Line, long? ByteOffset);

/// <summary>One example of a row problem: its line, item (null for the record), value as reports show it (masked for personal items) and message.</summary>
public sealed record ProblemExample(long Line, string? Item, string? Value, string Message);

/// <summary>How many rows had one reason code on one item (or on the record, <see cref="Item"/> null), with the first examples.</summary>
public sealed record ProblemTally(string Code, string? Item, string? Label, long Count, IReadOnlyList<ProblemExample> Examples);

/// <summary>
/// The stored form of an <see cref="IngestionReport"/> (for the run's record, the quarantine error report and the API):
/// plain data, serialisable as it is. Tallies are ordered by count, largest first.
/// </summary>
public sealed record IngestionReportSnapshot(
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long RowsWithWarnings,
    IReadOnlyList<ProblemTally> Problems,
    IReadOnlyList<ProblemTally> Warnings,
    IReadOnlyList<long> FirstBadLines,
    IReadOnlyList<SchemaDrift> Drift,
    IReadOnlyList<string> Notes,
    FileFailure? Failure,
    string Summary);

/// <summary>
/// What one ingestion run found (入库校验报告): rows read, accepted and rejected, bad rows tallied by reason and item with
/// the first examples (personal items' values masked), the first bad line numbers, schema drift, the reader's notes and a
/// file-level failure. Filled row by row during the run, one thread; <see cref="ToSnapshot"/> gives the stored form.
/// </summary>
public sealed class IngestionReport(IReadOnlyList<DataItem> items)
{
    /// <summary>Examples kept per tally: enough to see the pattern, few enough for a readable report.</summary>
    public const int ExamplesPerTally = 5;

    /// <summary>Bad line numbers kept, so the unit can find the first ones without the report growing with the file.</summary>
    public const int BadLinesKept = 100;

    /// <summary>Rows read before <see cref="IsHopeless"/> may give up on a file, so its report has examples to show.</summary>
    public const long RowsBeforeEarlyVerdict = 10_000;

    /// <summary>Characters of a value kept in an example; values can be megabytes.</summary>
    const int ExampleValueLength = 200;

    readonly IReadOnlyList<DataItem> items = items ?? throw new ArgumentNullException(nameof(items));
    readonly Dictionary<(string Code, int Item), Tally> problems = [];
    readonly Dictionary<(string Code, int Item), Tally> warnings = [];
    readonly List<long> badLines = [];
    readonly List<SchemaDrift> drift = [];
    readonly List<string> notes = [];

    public long RowsRead => RowsAccepted + RowsRejected;

    public long RowsAccepted { get; private set; }

    public long RowsRejected { get; private set; }

    /// <summary>Accepted rows that came with a warning (a credit code failing its checksum).</summary>
    public long RowsWithWarnings { get; private set; }

    /// <summary>The first <see cref="BadLinesKept"/> rejected lines, in reading order.</summary>
    public IReadOnlyList<long> FirstBadLines => badLines;

    public IReadOnlyList<SchemaDrift> Drift => drift;

    public IReadOnlyList<string> Notes => notes;

    public FileFailure? Failure { get; private set; }

    /// <summary>Counts a kept row, and its warning unless <see cref="RowProblem.IsNone"/> (what <see cref="RowValidator.TryValidate"/> returned).</summary>
    public void RecordAccepted(long line, in RowProblem warning)
    {
        RowsAccepted++;
        if (warning.IsNone) return;
        RowsWithWarnings++;
        Add(warnings, line, warning);
    }

    /// <summary>Counts a rejected row under its problem's reason and item.</summary>
    public void RecordRejected(long line, in RowProblem problem)
    {
        if (problem.IsNone) throw new ArgumentException("A rejected row needs its problem.", nameof(problem));
        RowsRejected++;
        if (badLines.Count < BadLinesKept) badLines.Add(line);
        Add(problems, line, problem);
    }

    public void AddDrift(IEnumerable<SchemaDrift> entries) => drift.AddRange(entries);

    /// <summary>Something about the file worth telling the unit that does not stop ingestion (from the reader, or the run).</summary>
    public void AddNote(string note) => notes.Add(note);

    /// <summary>Records why the file could not be read on; the file is rejected whatever its rows.</summary>
    public void Fail(string reason, string message, long? line = null, long? byteOffset = null) =>
        Failure = new FileFailure(reason, message, line, byteOffset);

    /// <summary>
    /// True when the rejected rows are more than <paramref name="policy"/> allows: any at all under
    /// <see cref="BadRowPolicy.RejectFile"/>; more than <see cref="IngestionPolicy.MaxBadRowShare"/> of the rows read under
    /// <see cref="BadRowPolicy.SkipBadRows"/> (exactly the share is still allowed; compared in decimal so that a share
    /// written 0.29 means 29 of 100). Final only once every row is read.
    /// </summary>
    public bool ThresholdExceeded(IngestionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.OnBadRows switch
        {
            BadRowPolicy.RejectFile => RowsRejected > 0,
            BadRowPolicy.SkipBadRows => RowsRejected > (decimal)policy.MaxBadRowShare * RowsRead,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.OnBadRows, "Unknown bad-row policy."),
        };
    }

    /// <summary>
    /// True when reading on is pointless, so a run may stop early and reject the file: only after
    /// <see cref="RowsBeforeEarlyVerdict"/> rows (so the report has its examples), and then under
    /// <see cref="BadRowPolicy.RejectFile"/> once any row was bad (the verdict cannot change), under
    /// <see cref="BadRowPolicy.SkipBadRows"/> once more than half the rows read were bad and over the share. The latter
    /// is a judgement, not a certainty: a clean remainder many times longer could still bring the share down, but a file
    /// whose first ten thousand rows are mostly bad is the wrong file or a broken export, and rereading it to the end costs
    /// minutes per gigabyte.
    /// </summary>
    public bool IsHopeless(IngestionPolicy policy) =>
        RowsRead >= RowsBeforeEarlyVerdict && ThresholdExceeded(policy)
        && (policy.OnBadRows == BadRowPolicy.RejectFile || RowsRejected * 2 > RowsRead);

    /// <summary>The file is rejected (goes to quarantine): a file-level failure, a header that rejects it, or too many bad rows.</summary>
    public bool Rejects(IngestionPolicy policy) => Failure is not null || drift.Exists(d => d.RejectsFile) || ThresholdExceeded(policy);

    /// <summary>One line for the console, e.g. 共读取120行，接受118行，拒绝2行：公民身份号码校验未通过 1 行，姓名为空 1 行.</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder($"共读取{RowsRead}行，接受{RowsAccepted}行，拒绝{RowsRejected}行");
            AppendTallies(text, "：", problems);
            AppendTallies(text, "；警告（已接受）：", warnings);
            if (drift.Count > 0) text.Append($"；表头与数据项有{drift.Count}处不一致");
            if (Failure is not null) text.Append($"；文件无法继续读取：{Failure.Message}");
            return text.ToString();
        }
    }

    public IngestionReportSnapshot ToSnapshot() => new(
        RowsRead, RowsAccepted, RowsRejected, RowsWithWarnings,
        Ordered(problems).Select(ToTally).ToList(), Ordered(warnings).Select(ToTally).ToList(),
        [.. badLines], [.. drift], [.. notes], Failure, Summary);

    void Add(Dictionary<(string, int), Tally> tallies, long line, in RowProblem problem)
    {
        var key = (problem.Code, problem.Item);
        if (!tallies.TryGetValue(key, out var tally))
            tallies[key] = tally = new Tally(problem.Code, problem.Item);
        tally.Count++;
        if (tally.Examples.Count >= ExamplesPerTally) return;
        var item = ItemAt(problem.Item);
        var value = problem.Value is null ? null : ReportText.Shown(problem.Value, item?.PersonalIdentifier == true, ExampleValueLength);
        tally.Examples.Add(new ProblemExample(line, item?.Name, value, problem.Message));
    }

    void AppendTallies(StringBuilder text, string lead, Dictionary<(string, int), Tally> tallies)
    {
        const int Shown = 5;
        var ordered = Ordered(tallies);
        for (var k = 0; k < ordered.Count && k < Shown; k++)
            text.Append(k == 0 ? lead : "，").Append($"{ItemAt(ordered[k].Item)?.Label}{RowProblemCodes.ShortChinese(ordered[k].Code)} {ordered[k].Count} 行");
        if (ordered.Count > Shown) text.Append($"等{ordered.Count}类");
    }

    static List<Tally> Ordered(Dictionary<(string, int), Tally> tallies) =>
        [.. tallies.Values.OrderByDescending(t => t.Count).ThenBy(t => t.Item).ThenBy(t => t.Code, StringComparer.Ordinal)];

    ProblemTally ToTally(Tally tally) =>
        new(tally.Code, ItemAt(tally.Item)?.Name, ItemAt(tally.Item)?.Label, tally.Count, [.. tally.Examples]);

    DataItem? ItemAt(int index) => index >= 0 && index < items.Count ? items[index] : null;

    sealed class Tally(string code, int item)
    {
        public string Code { get; } = code;
        public int Item { get; } = item;
        public long Count { get; set; }
        public List<ProblemExample> Examples { get; } = [];
    }
}
