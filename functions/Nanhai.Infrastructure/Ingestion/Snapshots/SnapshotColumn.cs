using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Nanhai.Infrastructure.Ingestion.Snapshots;

/// <summary>
/// One data item as a Parquet column: its physical and logical type and how an <see cref="ItemValue"/> goes into the
/// column and comes back. Text, resident ID numbers and credit codes are UTF-8 strings; integers INT64; decimals
/// DECIMAL(38, 9) in 16 bytes (every .NET decimal's integer part fits in 29 digits, and 9 places cover money in 元 or 万元
/// and coordinates; values with more places are rounded half away from zero, 四舍五入); dates DATE; date-times
/// TIMESTAMP(MICROS, UTC); booleans BOOLEAN. Optional items are nullable columns, required ones are not.
/// </summary>
abstract class SnapshotColumn(DataItem item)
{
    public const int DecimalPrecision = 38;
    public const int DecimalScale = 9;

    /// <summary>The file's key-value metadata key holding the items (name, Chinese label, type, required, length) as JSON.</summary>
    public const string ItemsMetadataKey = "nanhai.items";

    static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DataItem Item => item;

    public static SnapshotColumn For(DataItem item) => item.Type switch
    {
        DataItemType.Text or DataItemType.ResidentIdNumber or DataItemType.CreditCode => new TextColumn(item),
        DataItemType.Integer => new ValueColumn<long>(item, LogicalType.Int(64, isSigned: true), PhysicalType.Int64,
            v => v.Integer, n => new() { Integer = n }),
        DataItemType.Decimal => new DecimalColumn(item),
        DataItemType.Date => new ValueColumn<int>(item, LogicalType.Date(), PhysicalType.Int32,
            v => DateOnly.FromDateTime(v.Timestamp).DayNumber - UnixEpochDay,
            d => new() { Timestamp = DateOnly.FromDayNumber(d + UnixEpochDay).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) }),
        DataItemType.DateTime => new ValueColumn<long>(item, LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros), PhysicalType.Int64,
            v => (ItemTimestamps.AsUtc(v.Timestamp).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond,
            t => new() { Timestamp = DateTime.UnixEpoch.AddTicks(t * TimeSpan.TicksPerMicrosecond) }),
        DataItemType.Boolean => new ValueColumn<bool>(item, LogicalType.None(), PhysicalType.Boolean, v => v.Boolean, b => new() { Boolean = b }),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Type, $"数据项“{item.Name}”的类型无效 (unknown item type)"),
    };

    static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The file's key-value metadata: the items' labels and types, so the file explains itself outside the platform.</summary>
    public static Dictionary<string, string> Metadata(IReadOnlyList<DataItem> items) => new()
    {
        [ItemsMetadataKey] = JsonSerializer.Serialize(
            items.Select(i => new { i.Name, i.Label, Type = i.Type.ToString(), i.Required, i.Length }), MetadataJson),
    };

    public abstract Node CreateNode();

    protected PrimitiveNode Node(LogicalType logicalType, PhysicalType physicalType, int length = -1) =>
        new(item.Name, item.Required ? Repetition.Required : Repetition.Optional, logicalType, physicalType, length);

    public abstract ColumnBuffer CreateBuffer(int capacity);

    /// <summary>Reads this column of a row group of <paramref name="rows"/>.Length rows into <paramref name="rows"/>[*][<paramref name="index"/>].</summary>
    public abstract void Read(ColumnReader reader, ItemValue[][] rows, int index);

    /// <summary>
    /// Reads a whole column chunk with the low-level reader: values come densely, nulls only in the definition levels.
    /// <paramref name="set"/> sees each value while the reader's buffers are valid (byte arrays point into them).
    /// </summary>
    protected void ReadChunk<T>(ColumnReader reader, ItemValue[][] rows, int index, Func<T, ItemValue> load) where T : unmanaged
    {
        var typed = reader as ColumnReader<T>
            ?? throw new InvalidDataException($"Snapshot column '{item.Name}' is stored as {reader.ColumnDescriptor.PhysicalType}, not as a {item.Type} item is.");
        var levels = new short[rows.Length];
        var values = new T[rows.Length];
        var row = 0;
        while (row < rows.Length && typed.HasNext)
        {
            var read = (int)typed.ReadBatch(rows.Length - row, levels, default, values, out var valueCount);
            var value = 0;
            for (var r = 0; r < read; r++, row++)
                rows[row][index] = item.Required || levels[r] == 1 ? load(values[value++]) : ItemValue.Null;
            if (value != valueCount) throw new InvalidDataException($"Snapshot column '{item.Name}' has inconsistent definition levels.");
        }
        if (row != rows.Length) throw new InvalidDataException($"Snapshot column '{item.Name}' ends after {row} of its row group's {rows.Length} rows.");
    }
}

/// <summary>
/// One row group's values of one column, kept as Parquet will store them (UTF-8 bytes, not strings, so the reader's
/// strings die young instead of outliving the youngest generation while the group fills), written in one call.
/// </summary>
abstract class ColumnBuffer(DataItem item, int capacity)
{
    readonly short[]? definitions = item.Required ? null : new short[capacity];

    public int Rows { get; private set; }

    protected int Values { get; private set; }

    public void Add(in ItemValue value)
    {
        if (value.IsNull)
        {
            if (definitions is null)
                throw new ArgumentException($"数据项“{item.Name}”必填，但值为空 (the required item has no value)", nameof(value));
            definitions[Rows++] = 0;
            return;
        }
        if (definitions is not null) definitions[Rows] = 1;
        Rows++;
        AddValue(value);
        Values++;
    }

    protected abstract void AddValue(in ItemValue value);

    /// <summary>The share of distinct values among the buffered ones: a column with few (sex, town) is dictionary-encoded.</summary>
    public abstract double DistinctShare();

    public abstract void Write(ColumnWriter writer);

    protected void WriteBatch<T>(ColumnWriter writer, ReadOnlySpan<T> values) where T : unmanaged =>
        ((ColumnWriter<T>)writer).WriteBatch(Rows, definitions is null ? default : definitions.AsSpan(0, Rows), default, values);

    public virtual void Clear() => Rows = Values = 0;
}

/// <summary>Strings as UTF-8 byte arrays, encoded as they arrive into one pinned array per group (Parquet reads them in place).</summary>
sealed class TextColumn(DataItem item) : SnapshotColumn(item)
{
    public override Node CreateNode() => Node(LogicalType.String(), PhysicalType.ByteArray);

    public override ColumnBuffer CreateBuffer(int capacity) => new Buffer(Item, capacity);

    public override void Read(ColumnReader reader, ItemValue[][] rows, int index) =>
        ReadChunk<ByteArray>(reader, rows, index, b => new() { Text = b.Length == 0 ? "" : Marshal.PtrToStringUTF8(b.Pointer, b.Length) });

    sealed class Buffer(DataItem item, int capacity) : ColumnBuffer(item, capacity)
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>(1 << 16, pinned: true);
        readonly int[] starts = new int[capacity + 1];
        readonly ByteArray[] arrays = new ByteArray[capacity];

        protected override void AddValue(in ItemValue value)
        {
            var text = value.Text.AsSpan();
            var start = starts[Values];
            var most = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
            if (start + most > bytes.Length)
            {
                var larger = GC.AllocateUninitializedArray<byte>(Math.Max(bytes.Length * 2, start + most), pinned: true);
                bytes.AsSpan(0, start).CopyTo(larger);
                bytes = larger;
            }
            starts[Values + 1] = start + System.Text.Encoding.UTF8.GetBytes(text, bytes.AsSpan(start));
        }

        public override double DistinctShare()
        {
            var distinct = new HashSet<string>();
            for (var v = 0; v < Values; v++) distinct.Add(System.Text.Encoding.UTF8.GetString(bytes, starts[v], starts[v + 1] - starts[v]));
            return Values == 0 ? 0 : (double)distinct.Count / Values;
        }

        public override void Write(ColumnWriter writer)
        {
            // The array is pinned (allocated on the pinned object heap), so its address holds while Parquet reads it.
            var address = Marshal.UnsafeAddrOfPinnedArrayElement(bytes, 0);
            for (var v = 0; v < Values; v++) arrays[v] = new ByteArray(address + starts[v], starts[v + 1] - starts[v]);
            WriteBatch<ByteArray>(writer, arrays.AsSpan(0, Values));
        }
    }
}

/// <summary>A fixed-width value: integers, dates, timestamps, booleans.</summary>
sealed class ValueColumn<T>(DataItem item, LogicalType logicalType, PhysicalType physicalType, Func<ItemValue, T> store, Func<T, ItemValue> load)
    : SnapshotColumn(item) where T : unmanaged
{
    T Store(in ItemValue value) => store(value);

    public override Node CreateNode() => Node(logicalType, physicalType);

    public override ColumnBuffer CreateBuffer(int capacity) => new Buffer(this, capacity);

    public override void Read(ColumnReader reader, ItemValue[][] rows, int index) => ReadChunk(reader, rows, index, load);

    sealed class Buffer(ValueColumn<T> column, int capacity) : ColumnBuffer(column.Item, capacity)
    {
        readonly T[] values = new T[capacity];

        protected override void AddValue(in ItemValue value) => values[Values] = column.Store(value);

        public override double DistinctShare() => Values == 0 ? 0 : (double)values.AsSpan(0, Values).ToArray().Distinct().Count() / Values;

        public override void Write(ColumnWriter writer) => WriteBatch<T>(writer, values.AsSpan(0, Values));
    }
}

/// <summary>DECIMAL(38, 9) as the 16-byte big-endian two's complement of the value times 10⁹.</summary>
sealed class DecimalColumn(DataItem item) : SnapshotColumn(item)
{
    const int Width = 16;
    static readonly Int128 Scale = Int128.Parse("1" + new string('0', DecimalScale));

    public override Node CreateNode() => Node(LogicalType.Decimal(DecimalPrecision, DecimalScale), PhysicalType.FixedLenByteArray, Width);

    public override ColumnBuffer CreateBuffer(int capacity) => new Buffer(Item, capacity);

    public override void Read(ColumnReader reader, ItemValue[][] rows, int index)
    {
        var bytes = new byte[Width];
        ReadChunk<FixedLenByteArray>(reader, rows, index, f =>
        {
            Marshal.Copy(f.Pointer, bytes, 0, Width);
            return new() { Decimal = FromUnscaled(BinaryPrimitives.ReadInt128BigEndian(bytes)) };
        });
    }

    static Int128 Unscaled(decimal value)
    {
        // Rounded to the column's scale, a decimal's own scale is at most 9; its 96-bit mantissa times 10⁹ fits 127 bits.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(Math.Round(value, DecimalScale, MidpointRounding.AwayFromZero), bits);
        var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        for (var scale = (bits[3] >> 16) & 0xFF; scale < DecimalScale; scale++) mantissa *= 10;
        return bits[3] < 0 ? -mantissa : mantissa;
    }

    static decimal FromUnscaled(Int128 unscaled)
    {
        var magnitude = (UInt128)Int128.Abs(unscaled);
        if (magnitude >> 96 != 0) throw new InvalidDataException("A snapshot decimal is beyond the range of a .NET decimal.");
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), Int128.IsNegative(unscaled), DecimalScale);
    }

    sealed class Buffer(DataItem item, int capacity) : ColumnBuffer(item, capacity)
    {
        readonly byte[] bytes = GC.AllocateUninitializedArray<byte>(capacity * Width, pinned: true);
        readonly FixedLenByteArray[] arrays = new FixedLenByteArray[capacity];

        protected override void AddValue(in ItemValue value) =>
            BinaryPrimitives.WriteInt128BigEndian(bytes.AsSpan(Values * Width, Width), Unscaled(value.Decimal));

        public override double DistinctShare()
        {
            var distinct = new HashSet<Int128>();
            for (var v = 0; v < Values; v++) distinct.Add(BinaryPrimitives.ReadInt128BigEndian(bytes.AsSpan(v * Width, Width)));
            return Values == 0 ? 0 : (double)distinct.Count / Values;
        }

        public override void Write(ColumnWriter writer)
        {
            var address = Marshal.UnsafeAddrOfPinnedArrayElement(bytes, 0);
            for (var v = 0; v < Values; v++) arrays[v] = new FixedLenByteArray(address + v * Width);
            WriteBatch<FixedLenByteArray>(writer, arrays.AsSpan(0, Values));
        }
    }
}
