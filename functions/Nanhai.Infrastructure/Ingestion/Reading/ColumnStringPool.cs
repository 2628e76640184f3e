using nietras.SeparatedValues;

namespace Nanhai.Infrastructure.Ingestion.Reading;

/// <summary>
/// Makes the strings of a CSV dump's values, pooling them per column while pooling pays: sex, town, ethnicity and dates
/// repeat endlessly and then cost one lookup instead of a string each, while ID numbers, names and phone numbers are
/// nearly all new, and for them a pool is only a hash and a lookup before the allocation. A column stops pooling once
/// its first <see cref="Trial"/> values found their string fewer than <see cref="MinHitShare"/> of the time.
/// </summary>
sealed class ColumnStringPool(int columns) : SepToString
{
    /// <summary>Values longer than this are never pooled (addresses, notes): they rarely repeat and are costly to hash.</summary>
    public const int MaxPooledLength = 32;

    /// <summary>A pool stops growing here, so a column of many distinct short values keeps a bounded set.</summary>
    public const int MaxPooledStrings = 4096;

    const int Trial = 4096;
    const double MinHitShare = 0.5;

    readonly Column?[] pools = new Column?[columns];

    public static SepCreateToString Create { get; } = (_, columns) => new ColumnStringPool(columns);

    public override string ToString(ReadOnlySpan<char> value, int column)
    {
        if (value.Length > MaxPooledLength || (uint)column >= (uint)pools.Length)
            return new string(value);
        var pool = pools[column] ??= new Column();
        return pool.Pooling ? pool.Get(value) : new string(value);
    }

    sealed class Column
    {
        readonly HashSet<string> strings = [];
        readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
        int seen, found;

        public Column() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Pooling { get; private set; } = true;

        public string Get(ReadOnlySpan<char> value)
        {
            string text;
            if (lookup.TryGetValue(value, out var pooled))
            {
                text = pooled;
                found++;
            }
            else
            {
                text = new string(value);
                if (strings.Count < MaxPooledStrings) strings.Add(text);
            }
            if (++seen == Trial && found < Trial * MinHitShare)
            {
                Pooling = false;
                strings.Clear();
                strings.TrimExcess();
            }
            return text;
        }
    }
}
