using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Nanhai.Application.Ingestion.Lookups;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Infrastructure.Ingestion.Lookups;

/// <summary>
/// <see cref="ILookupIndex"/> on Azure Table Storage (Azurite on one machine).
/// <para>
/// Why Table Storage and not Cosmos DB (ARCHITECTURE §4). Approximate pay-as-you-go list prices (USD, one region, LRS;
/// check the region's price sheet, Azure China bills in CNY with similar ratios): Table Storage $0.045 per GB-month and
/// $0.00036 per 10,000 transactions, an entity-group transaction of up to 100 upserts being one request; Cosmos DB
/// $0.25 per GB-month, $0.008 per 100 RU/s-hour provisioned or $0.25 per million RU serverless, and about 5–6 RU to
/// write a 0.5–1 KB item even with indexing off. The district's 4.5 billion records (2020) at about 0.5 KB a row:
/// </para>
/// <list type="bullet">
/// <item>Table Storage: 45 million transactions, about $1.6 per full load ($162 even if each upsert were billed on its
/// own); about 2.25 TB, about $100 a month; 46.9 million API lookups a year, under $2.</item>
/// <item>Cosmos DB: about 25 billion RU per full load, about $6,200 serverless (whose 1 TB container limit this exceeds
/// anyway) or $550 provisioned at perfect utilisation, plus the RU/s kept provisioned between loads (autoscale at 10% of
/// 100,000 RU/s: about $580 a month); about $560 a month of storage.</item>
/// </list>
/// <para>
/// So Table Storage is about 5 times cheaper to keep and hundreds of times cheaper to load; what Cosmos DB adds
/// (secondary indexes, multi-region writes, a latency SLA) a point lookup by key does not need. The limits it brings are
/// designed for here: 100 entities and 4 MiB per entity-group transaction, all in one partition; about 2,000 entities/s
/// per partition and 20,000 per account (one 10-million-row resource loads in about 8 minutes; the whole district in
/// about 2.5 days, which only a disaster recovery would do); 1 MiB per entity and 64 KiB per string property.
/// </para>
/// <para>
/// Layout. One table per resource generation (<see cref="TableName"/>), so dropping a superseded generation is one
/// Delete Table instead of billions of entity deletes. PartitionKey is two hex digits of the SHA-256 of the key
/// (<see cref="PartitionKey"/>): keys themselves cluster (every Nanhai resident ID starts 440605, credit codes share
/// their registration-authority prefix), so key ranges would make hot partitions, while 256 hash buckets spread writes
/// far beyond the account's rate. Not 4,096 buckets (three hex digits): a batch takes 100 rows of one bucket, and with
/// 4,096 a writer would hold about 200,000 rows before batches fill, against a few tens of thousands with 256. RowKey is
/// the key, escaped (<see cref="RowKey"/>). Each non-null item is a typed property named as the item: text as String,
/// integers as Int64, decimals as their invariant String (Table Storage has no decimal, and Double would change
/// 19-digit amounts), dates as DateTime at UTC midnight, date-times as UTC DateTime, booleans as Boolean.
/// </para>
/// </summary>
public sealed partial class TableLookupIndex(TableServiceClient tables, IOptions<LookupIndexOptions> options) : ILookupIndex
{
    /// <summary>The RowKey limit is 1 KiB; UTF-16 makes that 512 characters.</summary>
    public const int MaxRowKeyLength = 512;

    const char Escape = '~';

    readonly string prefix = options.Value.TablePrefix;
    readonly int concurrency = options.Value.WriteConcurrency;

    public async Task<ILookupIndexWriter> OpenWriterAsync(string resource, string generation, IReadOnlyList<DataItem> items, string lookupKey,
        CancellationToken cancellationToken)
    {
        var keyIndex = items.Select(i => i.Name).ToList().IndexOf(lookupKey);
        if (keyIndex < 0) throw new ArgumentException($"查询键“{lookupKey}”不是数据项 (the lookup key is not one of the items)", nameof(lookupKey));
        var table = tables.GetTableClient(TableName(prefix, resource, generation));
        await table.CreateIfNotExistsAsync(cancellationToken);
        return new TableLookupIndexWriter(table, items, keyIndex, concurrency);
    }

    public async Task<IReadOnlyDictionary<string, object?>?> FindAsync(string resource, string generation, string key, IReadOnlyList<DataItem> items,
        CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(TableName(prefix, resource, generation));
        try
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(key), RowKey(key), items.Select(i => i.Name), cancellationToken);
            return found.HasValue ? items.ToDictionary(i => i.Name, i => Value(i, found.Value!)) : null;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null; // no such generation (never written, or deleted)
        }
    }

    public async Task DeleteGenerationAsync(string resource, string generation, CancellationToken cancellationToken) =>
        await tables.DeleteTableAsync(TableName(prefix, resource, generation), cancellationToken);

    /// <summary>
    /// The table of one generation: the prefix, the resource code's digits (the code is the classification code, a hyphen
    /// and six digits, so dropping the hyphen is unambiguous), "g" and 16 hex digits of the SHA-256 of the generation.
    /// Table names allow only letters and digits and ignore case, so the generation, whatever its characters, goes in as
    /// a hash; at most 16 + 15 + 1 + 16 = 48 characters of the 63 allowed.
    /// </summary>
    public static string TableName(string prefix, string resource, string generation)
    {
        if (!ResourceCode().IsMatch(resource))
            throw new ArgumentException($"资源代码“{resource}”格式无效 (a resource code is the classification code, a hyphen and six digits)", nameof(resource));
        ArgumentException.ThrowIfNullOrEmpty(generation);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(generation)), 0, 8);
        return $"{prefix}{resource.Replace("-", "", StringComparison.Ordinal)}g{hash}";
    }

    /// <summary>The key's hash bucket: two hex digits of the SHA-256 of its UTF-8 bytes (stable across processes and versions).</summary>
    public static string PartitionKey(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..1]);
    }

    /// <summary>
    /// The key as a RowKey: the characters keys may not hold (/ \ # ? and control characters) and the escape character
    /// itself become "~" and two hex digits (all of them are below U+00A0), so different keys stay different.
    /// </summary>
    public static string RowKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var escaped = key.AsSpan().IndexOfAny(Forbidden) < 0 && !key.Any(char.IsControl) ? key : EscapeKey(key);
        if (escaped.Length > MaxRowKeyLength)
            throw new ArgumentException($"查询键过长 (a lookup key may be at most {MaxRowKeyLength} characters once escaped)", nameof(key));
        return escaped;
    }

    static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("/\\#?" + Escape);

    static string EscapeKey(string key)
    {
        var builder = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (Forbidden.Contains(c) || char.IsControl(c)) builder.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>An item's value as the entity property it is stored as; null values are not stored.</summary>
    internal static object? Property(DataItem item, in ItemValue value) => value.IsNull ? null : item.Type switch
    {
        DataItemType.Text or DataItemType.ResidentIdNumber or DataItemType.CreditCode => value.Text,
        DataItemType.Integer => value.Integer,
        DataItemType.Decimal => value.Decimal.ToString(CultureInfo.InvariantCulture),
        DataItemType.Date => DateTime.SpecifyKind(value.Timestamp.Date, DateTimeKind.Utc),
        DataItemType.DateTime => ItemTimestamps.AsUtc(value.Timestamp),
        DataItemType.Boolean => value.Boolean,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Type, $"数据项“{item.Name}”的类型无效 (unknown item type)"),
    };

    /// <summary>A stored property as the item's value: string, long, decimal, DateOnly, UTC DateTime or bool; null when absent.</summary>
    static object? Value(DataItem item, TableEntity entity) => item.Type switch
    {
        DataItemType.Text or DataItemType.ResidentIdNumber or DataItemType.CreditCode => entity.GetString(item.Name),
        DataItemType.Integer => entity.GetInt64(item.Name),
        DataItemType.Decimal => entity.GetString(item.Name) is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : null,
        DataItemType.Date => entity.GetDateTimeOffset(item.Name) is { } date ? DateOnly.FromDateTime(date.UtcDateTime) : null,
        DataItemType.DateTime => entity.GetDateTimeOffset(item.Name)?.UtcDateTime,
        DataItemType.Boolean => entity.GetBoolean(item.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Type, $"数据项“{item.Name}”的类型无效 (unknown item type)"),
    };

    [GeneratedRegex(@"^\d{3,9}-\d{6}$")]
    private static partial Regex ResourceCode();
}
