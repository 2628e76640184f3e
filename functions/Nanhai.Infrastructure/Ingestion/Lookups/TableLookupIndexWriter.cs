using Azure.Data.Tables;
using Nanhai.Application.Ingestion.Lookups;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Infrastructure.Ingestion.Lookups;

/// <summary>
/// Writes one generation as entity-group transactions of upserts (UpsertReplace, so a retried run rewrites rows instead of
/// adding them). Rows wait in one batch per partition; a batch is sent when it holds 100 rows or about 3 MiB, or, when
/// everything buffered passes <see cref="MaxBufferedBytes"/>, the largest batch goes early. At most
/// <c>concurrency</c> transactions are in flight, and one per partition, so a key written twice keeps its later value;
/// inside a batch a repeated key replaces the earlier row (a transaction may not touch one entity twice).
/// </summary>
sealed class TableLookupIndexWriter(TableClient table, IReadOnlyList<DataItem> items, int keyIndex, int concurrency) : ILookupIndexWriter
{
    const int MaxBatchRows = 100;

    /// <summary>Under the 4 MiB request limit, by an estimate that counts non-ASCII text as JSON escapes (6 bytes a character).</summary>
    const long MaxBatchBytes = 3 << 20;

    /// <summary>With 256 partitions, full batches take about 13,000 rows; this only binds for wide rows.</summary>
    public const long MaxBufferedBytes = 64 << 20;

    readonly Dictionary<string, Batch> pending = new(StringComparer.Ordinal);
    readonly Dictionary<string, Task> lastSent = new(StringComparer.Ordinal);
    readonly List<Task> inFlight = [];
    long bufferedBytes;
    bool completed;
    bool disposed;

    public ValueTask AppendAsync(ReadOnlyMemory<ItemValue> row, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed) throw new InvalidOperationException("The index generation is already complete.");
        if (row.Length != items.Count) throw new ArgumentException($"A row has {items.Count} values, one per item; got {row.Length}.", nameof(row));
        var (entity, bytes) = ToEntity(row.Span);
        if (!pending.TryGetValue(entity.PartitionKey, out var batch)) pending[entity.PartitionKey] = batch = new Batch(entity.PartitionKey);
        bufferedBytes += batch.Put(entity, bytes);
        if (batch.Rows == MaxBatchRows || batch.Bytes >= MaxBatchBytes) return new ValueTask(SendAsync(batch, cancellationToken));
        if (bufferedBytes >= MaxBufferedBytes) return new ValueTask(SendAsync(pending.Values.MaxBy(b => b.Bytes)!, cancellationToken));
        return ValueTask.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        foreach (var batch in pending.Values.ToList()) await SendAsync(batch, cancellationToken);
        await Task.WhenAll(inFlight);
        inFlight.Clear();
        completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        pending.Clear();
        // An incomplete generation is not switched to; what is in flight may finish or fail, but not outlive the writer.
        try { await Task.WhenAll(inFlight); }
        catch (Exception) { }
    }

    (TableEntity Entity, long Bytes) ToEntity(ReadOnlySpan<ItemValue> values)
    {
        var key = values[keyIndex].Text;
        if (values[keyIndex].IsNull || string.IsNullOrEmpty(key))
            throw new ArgumentException($"查询键“{items[keyIndex].Name}”为空 (the lookup key has no value)", nameof(values));
        var entity = new TableEntity(TableLookupIndex.PartitionKey(key), TableLookupIndex.RowKey(key));
        long bytes = 200 + 6L * entity.RowKey.Length;
        for (var i = 0; i < values.Length; i++)
        {
            if (TableLookupIndex.Property(items[i], values[i]) is not { } property) continue;
            entity[items[i].Name] = property;
            bytes += 40 + items[i].Name.Length + 6L * ((property as string)?.Length ?? 0);
        }
        return (entity, bytes);
    }

    async Task SendAsync(Batch batch, CancellationToken cancellationToken)
    {
        pending.Remove(batch.Partition);
        bufferedBytes -= batch.Bytes;
        while (inFlight.Count >= concurrency)
        {
            var done = await Task.WhenAny(inFlight);
            inFlight.Remove(done);
            await done; // a failed transaction fails the append that waits for room
        }
        var sending = SubmitAsync(lastSent.GetValueOrDefault(batch.Partition), batch, cancellationToken);
        lastSent[batch.Partition] = sending;
        inFlight.Add(sending);
    }

    async Task SubmitAsync(Task? previous, Batch batch, CancellationToken cancellationToken)
    {
        if (previous is not null) await previous;
        await table.SubmitTransactionAsync(batch.Actions(), cancellationToken);
    }

    sealed class Batch(string partition)
    {
        readonly Dictionary<string, (TableEntity Entity, long Bytes)> rows = new(StringComparer.Ordinal);

        public string Partition => partition;
        public int Rows => rows.Count;
        public long Bytes { get; private set; }

        /// <summary>Adds or replaces the row with this key; returns the change in buffered bytes.</summary>
        public long Put(TableEntity entity, long bytes)
        {
            var change = bytes - (rows.TryGetValue(entity.RowKey, out var earlier) ? earlier.Bytes : 0);
            rows[entity.RowKey] = (entity, bytes);
            Bytes += change;
            return change;
        }

        public IEnumerable<TableTransactionAction> Actions() =>
            rows.Values.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r.Entity));
    }
}
