using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Ingestion.Snapshots;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using Parquet;
using Parquet.Schema;

namespace Nanhai.IntegrationTests.Ingestion.Stores;

/// <summary>Curated snapshots as Parquet in Azurite: types, metadata, row groups, and that only a completed snapshot is ever seen.</summary>
[Collection(StoresCollection.Name)]
public sealed class ParquetSnapshotStoreTests(StoresFixture fixture) : IDisposable
{
    // Small row groups so that a few thousand rows make several groups, flushed while the next one fills.
    readonly ServiceProvider provider = fixture.Provider(new Dictionary<string, string?> { ["Ingestion:Snapshots:RowGroupRows"] = "1000" });

    ISnapshotStore Store => provider.GetRequiredService<ISnapshotStore>();

    BlobContainerClient Container => new(fixture.Services.StorageConnectionString, "snapshots");

    static readonly DataItem[] Items =
    [
        new("id_number", "公民身份号码", DataItemType.ResidentIdNumber, 18, Required: true, PersonalIdentifier: true),
        new("name", "姓名", DataItemType.Text, 50, Required: true, PersonalIdentifier: true),
        new("note", "备注", DataItemType.Text, null, Required: false, PersonalIdentifier: false),
        new("household_size", "户内人数", DataItemType.Integer, null, Required: false, PersonalIdentifier: false),
        new("subsidy", "补贴金额", DataItemType.Decimal, null, Required: false, PersonalIdentifier: false),
        new("birth_date", "出生日期", DataItemType.Date, null, Required: false, PersonalIdentifier: false),
        new("registered_at", "登记时间", DataItemType.DateTime, null, Required: false, PersonalIdentifier: false),
        new("is_resident", "是否常住", DataItemType.Boolean, null, Required: false, PersonalIdentifier: false),
        new("employer_code", "单位统一社会信用代码", DataItemType.CreditCode, 18, Required: false, PersonalIdentifier: false),
    ];

    static ItemValue[] Row(int i) =>
    [
        new() { Text = $"44060519900101{i:D4}" },
        new() { Text = i % 2 == 0 ? "𠈓" + i : "张三" + i }, // 𠈓 is outside the BMP: a surrogate pair in UTF-16, four bytes in UTF-8
        i % 3 == 0 ? ItemValue.Null : new() { Text = $"桂城街道 {i} 号" },
        i % 4 == 0 ? ItemValue.Null : new() { Integer = long.MaxValue - i },
        i % 5 == 0 ? ItemValue.Null : new() { Decimal = 12345678901234567890.123456789m - i },
        i % 6 == 0 ? ItemValue.Null : new() { Timestamp = new DateTime(1990, 1, 1).AddDays(i) },
        i % 7 == 0 ? ItemValue.Null : new() { Timestamp = new DateTime(2026, 3, 2, 1, 30, 15, DateTimeKind.Utc).AddTicks(i * 10L) },
        i % 8 == 0 ? ItemValue.Null : new() { Boolean = i % 3 == 1 },
        i % 9 == 0 ? ItemValue.Null : new() { Text = "91440605MA4UJ1234" + (i % 10) },
    ];

    [Fact]
    public async Task Every_item_type_and_null_reads_back_the_same_through_the_store_and_through_Parquet_Net()
    {
        const int rows = 2_500;
        const string path = "10101-000001/run-types.parquet";
        await using (var writer = await Store.CreateAsync(path, Items, default))
        {
            for (var i = 0; i < rows; i++) await writer.AppendAsync(Row(i), default);
            Assert.Equal(rows, writer.Rows);
            await writer.CompleteAsync(default);
        }

        var read = new List<ItemValue[]>();
        await foreach (var row in Store.ReadRowsAsync(path, Items, default)) read.Add(row);
        Assert.Equal(rows, read.Count);
        for (var i = 0; i < rows; i++) Assert.Equal(Row(i), read[i]);

        // A reader that knows nothing of the platform sees the items' names, types, nullability, labels and row groups.
        await using var stream = await Store.OpenReadAsync(path, default);
        await using var reader = await ParquetReader.CreateAsync(stream!, new ParquetOptions { UseDateOnlyTypeForDates = true });
        Assert.Equal(3, reader.RowGroupCount);
        var fields = reader.Schema.DataFields;
        Assert.Equal(Items.Select(i => i.Name), fields.Select(f => f.Name));
        Assert.Equal(Items.Select(i => !i.Required), fields.Select(f => f.IsNullable));
        Assert.Equal(typeof(ReadOnlyMemory<char>), fields[0].ClrType);
        Assert.Equal(typeof(long), fields[3].ClrType);
        var subsidy = Assert.IsType<DecimalDataField>(fields[4]);
        Assert.Equal((38, 9), (subsidy.Precision, subsidy.Scale));
        Assert.Equal(typeof(DateOnly), fields[5].ClrType);
        var registered = Assert.IsType<DateTimeDataField>(fields[6]);
        Assert.True(registered.IsAdjustedToUTC);
        Assert.Equal(typeof(bool), fields[7].ClrType);
        var items = JsonDocument.Parse(reader.CustomMetadata["nanhai.items"]).RootElement;
        Assert.Equal("公民身份号码", items[0].GetProperty("label").GetString());
        Assert.Equal("ResidentIdNumber", items[0].GetProperty("type").GetString());
        Assert.Equal("出生日期", items[5].GetProperty("label").GetString());

        using var group = reader.OpenRowGroupReader(0);
        var names = new string?[group.RowCount];
        await group.ReadAsync(fields[1], names.AsMemory());
        Assert.Equal("𠈓0", names[0]);
        var births = new DateOnly?[group.RowCount];
        await group.ReadAsync(fields[5], births.AsMemory());
        Assert.Equal((null, new DateOnly(1990, 1, 2)), (births[0], births[1]));
        var times = new DateTime?[group.RowCount];
        await group.ReadAsync(fields[6], times.AsMemory());
        Assert.Equal(new DateTime(2026, 3, 2, 1, 30, 15, 0, 1, DateTimeKind.Utc), times[1]);

        var properties = (await Container.GetBlobClient(path).GetPropertiesAsync()).Value;
        Assert.Equal("application/vnd.apache.parquet", properties.ContentType);
    }

    [Fact]
    public async Task Columns_are_Zstandard_compressed_and_only_those_with_few_distinct_values_get_a_dictionary()
    {
        const string path = "10101-000001/run-encodings.parquet";
        DataItem[] items =
        [
            new("id_number", "公民身份号码", DataItemType.ResidentIdNumber, 18, Required: true, PersonalIdentifier: true),
            new("sex", "性别", DataItemType.Text, 2, Required: true, PersonalIdentifier: false),
        ];
        await using (var writer = await Store.CreateAsync(path, items, default))
        {
            for (var i = 0; i < 2_500; i++)
                await writer.AppendAsync(new ItemValue[] { new() { Text = $"44060519900101{i:D4}" }, new() { Text = i % 2 == 0 ? "男" : "女" } }, default);
            await writer.CompleteAsync(default);
        }

        await using var stream = await Store.OpenReadAsync(path, default);
        using var file = new ParquetSharp.ParquetFileReader(stream!, leaveOpen: true);
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            using var ids = group.MetaData.GetColumnChunkMetaData(0);
            using var sexes = group.MetaData.GetColumnChunkMetaData(1);
            Assert.Equal((ParquetSharp.Compression.Zstd, ParquetSharp.Compression.Zstd), (ids.Compression, sexes.Compression));
            Assert.DoesNotContain(ParquetSharp.Encoding.RleDictionary, ids.Encodings);
            Assert.Contains(ParquetSharp.Encoding.RleDictionary, sexes.Encodings);
        }
    }

    [Fact]
    public async Task A_snapshot_is_invisible_while_written_and_a_writer_disposed_without_completing_leaves_none()
    {
        const string path = "10101-000001/run-abandoned.parquet";
        var blob = Container.GetBlockBlobClient(path);
        await using (var writer = await Store.CreateAsync(path, Wide, default))
        {
            await AppendWideRowsAsync(writer, 0, 12_000);
            await WaitForStagedBlocksAsync(blob); // row groups went out as blocks...
            Assert.False(await blob.ExistsAsync()); // ...but nothing is under the name
        }

        Assert.False(await blob.ExistsAsync());
        Assert.Null(await Store.OpenReadAsync(path, default));
    }

    [Fact]
    public async Task A_retry_replaces_an_earlier_attempt_whatever_it_left_behind()
    {
        const string path = "10101-000001/run-retried.parquet";
        var blob = Container.GetBlockBlobClient(path);
        // A completed earlier attempt and a killed one, its blocks staged but never committed.
        await using (var first = await Store.CreateAsync(path, Wide, default))
        {
            await AppendWideRowsAsync(first, 0, 10);
            await first.CompleteAsync(default);
        }
        await using (var killed = await Store.CreateAsync(path, Wide, default))
        {
            await AppendWideRowsAsync(killed, 100, 12_000);
            await WaitForStagedBlocksAsync(blob);
        }

        await WriteWideAsync(path, 50_000, 3_000);

        Assert.Equal(Keys(50_000, 3_000), await ReadKeysAsync(path));
        Assert.Empty((await blob.GetBlockListAsync(BlockListTypes.Uncommitted)).Value.UncommittedBlocks);

        // Blocks whose ids have another length (a writer of another format): Blob Storage refuses to stage next to them.
        await blob.StageBlockAsync(Convert.ToBase64String([1, 2, 3]), new MemoryStream([42]));

        await WriteWideAsync(path, 70_000, 5);

        Assert.Equal(Keys(70_000, 5), await ReadKeysAsync(path));
    }

    async Task WriteWideAsync(string path, int first, int count)
    {
        await using var writer = await Store.CreateAsync(path, Wide, default);
        await AppendWideRowsAsync(writer, first, count);
        await writer.CompleteAsync(default);
    }

    async Task<List<string?>> ReadKeysAsync(string path)
    {
        var keys = new List<string?>();
        await foreach (var row in Store.ReadRowsAsync(path, Wide, default)) keys.Add(row[0].Text);
        return keys;
    }

    static List<string?> Keys(int first, int count) => Enumerable.Range(first, count).Select(i => (string?)$"k{i}").ToList();

    [Fact]
    public async Task A_deleted_snapshot_is_gone_and_deleting_twice_is_harmless()
    {
        const string path = "10101-000001/run-deleted.parquet";
        await using (var writer = await Store.CreateAsync(path, Items, default))
        {
            await writer.AppendAsync(Row(1), default);
            await writer.CompleteAsync(default);
        }
        Assert.NotNull(await Store.OpenReadAsync(path, default));

        await Store.DeleteAsync(path, default);
        await Store.DeleteAsync(path, default);

        Assert.Null(await Store.OpenReadAsync(path, default));
    }

    // A key and a long text of random hex, which compression only halves: 12,000 rows are about 25 MB, several 4 MiB blocks.
    static readonly DataItem[] Wide =
    [
        new("key", "键", DataItemType.Text, 20, Required: true, PersonalIdentifier: false),
        new("payload", "内容", DataItemType.Text, null, Required: true, PersonalIdentifier: false),
    ];

    static async Task AppendWideRowsAsync(ISnapshotWriter writer, int first, int count)
    {
        for (var i = first; i < first + count; i++)
            await writer.AppendAsync(new ItemValue[] { new() { Text = $"k{i}" }, new() { Text = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + new string('x', 10) + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(1000)) } }, default);
    }

    /// <summary>Flushes run in the background: wait until at least one has staged a block.</summary>
    static async Task WaitForStagedBlocksAsync(BlockBlobClient blob)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await UncommittedBlocksAsync(blob) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no block was staged");
            await Task.Delay(100);
        }
    }

    /// <summary>A blob with neither content nor staged blocks yet answers 404 (blocks are staged in the background).</summary>
    static async Task<int> UncommittedBlocksAsync(BlockBlobClient blob)
    {
        try
        {
            return (await blob.GetBlockListAsync(BlockListTypes.Uncommitted)).Value.UncommittedBlocks.Count();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    public void Dispose() => provider.Dispose();
}
