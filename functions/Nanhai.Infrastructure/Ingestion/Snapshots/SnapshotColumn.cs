using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using Parquet;
using Parquet.Schema;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// One data item as a Parquet column: its field and how an <see cref="ItemValue"/> goes into the column and comes back.
/// Text, resident ID numbers and credit codes are UTF-8 strings; integers INT64; decimals DECIMAL(38, 9) (every .NET
/// decimal's integer part fits in 29 digits, and 9 places cover money in 元 or 万元 and coordinates; values with more
/// places are rounded half away from zero, 四舍五入); dates DATE; date-times TIMESTAMP(MICROS, UTC); booleans BOOLEAN.
/// Optional items are nullable columns, required ones are not.
/// </summary>
abstract class SnapshotColumn(DataItem item, DataField dataField)
{
    public const int DecimalPrecision = 38;
    public const int DecimalScale = 9;

    /// <summary>The file's key-value metadata key holding the items (name, Chinese label, type, required, length) as JSON.</summary>
    public const string ItemsMetadataKey = "nanhai.items";

    /// <summary>Writing: what is stored. Reading: dates come back as <see cref="DateOnly"/>, as they are written.</summary>
    public static ParquetOptions ParquetOptions { get; } = new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        UseDateOnlyTypeForDates = true,
        // Dictionaries only for columns with few distinct values (sex, town, ethnicity), judged from a sample instead of a
        // scan of the whole group: names and addresses gain nothing from one and building it costs a third of the write.
        DictionaryEncodingSampleSize = 10_000,
        DictionaryEncodingThreshold = 0.1,
    };

    static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DataItem Item => item;

    public DataField Field => dataField;

    public static SnapshotColumn For(DataItem item)
    {
        var nullable = !item.Required;
        return item.Type switch
        {
            DataItemType.Text or DataItemType.ResidentIdNumber or DataItemType.CreditCode => new SnapshotColumn<ReadOnlyMemory<char>>(item,
                new DataField<ReadOnlyMemory<char>>(item.Name, nullable), v => v.Text.AsMemory(), s => new() { Text = s.ToString() }),
            DataItemType.Integer => new SnapshotColumn<long>(item,
                new DataField<long>(item.Name, nullable), v => v.Integer, n => new() { Integer = n }),
            DataItemType.Decimal => new SnapshotColumn<decimal>(item,
                new DecimalDataField(item.Name, DecimalPrecision, DecimalScale, isNullable: nullable),
                v => Math.Round(v.Decimal, DecimalScale, MidpointRounding.AwayFromZero), d => new() { Decimal = d }),
            DataItemType.Date => new SnapshotColumn<DateOnly>(item,
                new DataField<DateOnly>(item.Name, nullable), v => DateOnly.FromDateTime(v.Timestamp), d => new() { Timestamp = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) }),
            DataItemType.DateTime => new SnapshotColumn<DateTime>(item,
                new DateTimeDataField(item.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: nullable),
                v => ItemTimestamps.AsUtc(v.Timestamp), t => new() { Timestamp = DateTime.SpecifyKind(t, DateTimeKind.Utc) }),
            DataItemType.Boolean => new SnapshotColumn<bool>(item,
                new DataField<bool>(item.Name, nullable), v => v.Boolean, b => new() { Boolean = b }),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.Type, $"数据项“{item.Name}”的类型无效 (unknown item type)"),
        };
    }

    /// <summary>The file's key-value metadata: the items' labels and types, so the file explains itself outside the platform.</summary>
    public static Dictionary<string, string> Metadata(IReadOnlyList<DataItem> items) => new()
    {
        [ItemsMetadataKey] = JsonSerializer.Serialize(
            items.Select(i => new { i.Name, i.Label, Type = i.Type.ToString(), i.Required, i.Length }), MetadataJson),
    };

    public abstract ColumnBuffer CreateBuffer(int capacity);

    /// <summary>Reads this column of a row group into <paramref name="rows"/>[*][<paramref name="index"/>].</summary>
    public abstract Task ReadAsync(ParquetRowGroupReader group, DataField stored, ItemValue[][] rows, int index, CancellationToken cancellationToken);
}

/// <summary>One row group's values of one column, filled row by row and written in one call.</summary>
abstract class ColumnBuffer
{
    public abstract void Set(int row, in ItemValue value);

    public abstract Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken);

    /// <summary>Drops the written group's references (its strings), so they are collected while the buffer waits.</summary>
    public abstract void Clear(int rows);
}

sealed class SnapshotColumn<T>(DataItem item, DataField dataField, Func<ItemValue, T> store, Func<T, ItemValue> load)
    : SnapshotColumn(item, dataField) where T : struct
{
    readonly Func<ItemValue, T> store = store;
    readonly Func<T, ItemValue> load = load;

    public override ColumnBuffer CreateBuffer(int capacity) => new Buffer(this, capacity);

    public override async Task ReadAsync(ParquetRowGroupReader group, DataField stored, ItemValue[][] rows, int index, CancellationToken cancellationToken)
    {
        if (stored.ClrType != typeof(T))
            throw new InvalidDataException($"Snapshot column '{stored.Name}' holds {stored.ClrType.Name}, not the {typeof(T).Name} a {Item.Type} item is stored as.");
        if (stored.IsNullable)
        {
            var values = new T?[rows.Length];
            await group.ReadAsync(stored, values.AsMemory(), null, cancellationToken);
            for (var r = 0; r < rows.Length; r++) rows[r][index] = values[r] is { } value ? load(value) : ItemValue.Null;
        }
        else
        {
            var values = new T[rows.Length];
            await group.ReadAsync(stored, values.AsMemory(), null, cancellationToken);
            for (var r = 0; r < rows.Length; r++) rows[r][index] = load(values[r]);
        }
    }

    // A required column is written from T[]: Parquet.Net accepts nullable values for a required field and writes a corrupt file.
    sealed class Buffer(SnapshotColumn<T> column, int capacity) : ColumnBuffer
    {
        readonly T[]? required = column.Field.IsNullable ? null : new T[capacity];
        readonly T?[]? optional = column.Field.IsNullable ? new T?[capacity] : null;
        readonly CharArena? texts = typeof(T) == typeof(ReadOnlyMemory<char>) ? new CharArena() : null;

        public override void Set(int row, in ItemValue value)
        {
            if (optional is not null) optional[row] = value.IsNull ? null : Store(value);
            else if (value.IsNull) throw new ArgumentException($"数据项“{column.Item.Name}”必填，但值为空 (the required item has no value)", nameof(value));
            else required![row] = Store(value);
        }

        T Store(in ItemValue value)
        {
            if (texts is null) return column.store(value);
            var copied = texts.Copy(value.Text);
            return Unsafe.As<ReadOnlyMemory<char>, T>(ref copied);
        }

        public override async Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken)
        {
            if (optional is not null) await group.WriteAsync(column.Field, (ReadOnlyMemory<T?>)optional.AsMemory(0, rows), null, null, cancellationToken);
            else await group.WriteAsync(column.Field, (ReadOnlyMemory<T>)required.AsMemory(0, rows), null, null, cancellationToken);
        }

        public override void Clear(int rows)
        {
            if (optional is not null) Array.Clear(optional, 0, rows);
            else Array.Clear(required!, 0, rows);
            texts?.Reset();
        }
    }
}

/// <summary>
/// A row group's texts copied into one reused char array, so the strings the reader made die young: held by the group
/// until it is written, they outlived the youngest generation and filled the old ones (gen-2 collections were a large
/// share of the ingestion's CPU). The array is reused once the group is written.
/// </summary>
sealed class CharArena
{
    char[] chars = new char[1 << 16];
    int used;

    public ReadOnlyMemory<char> Copy(string? text)
    {
        if (string.IsNullOrEmpty(text)) return ReadOnlyMemory<char>.Empty;
        if (used + text.Length > chars.Length)
        {
            // The full array stays alive through the slices already handed out; later groups use the larger one.
            chars = new char[Math.Max(chars.Length * 2, text.Length)];
            used = 0;
        }
        text.CopyTo(chars.AsSpan(used));
        var copied = chars.AsMemory(used, text.Length);
        used += text.Length;
        return copied;
    }

    public void Reset() => used = 0;
}
