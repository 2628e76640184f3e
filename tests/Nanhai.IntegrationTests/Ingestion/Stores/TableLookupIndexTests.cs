using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Nanhai.Application.Ingestion.Lookups;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using Nanhai.Infrastructure.Ingestion.Lookups;

namespace Nanhai.IntegrationTests.Ingestion.Stores;

/// <summary>The keyed-lookup index on Azurite's Table service: typed point lookups, idempotent upserts, odd keys, generations.</summary>
[Collection(StoresCollection.Name)]
public sealed class TableLookupIndexTests(StoresFixture fixture) : IDisposable
{
    const string Resource = "10101-000002";

    readonly ServiceProvider provider = fixture.Provider();

    ILookupIndex Index => provider.GetRequiredService<ILookupIndex>();

    static readonly DataItem[] Items =
    [
        new("id_number", "公民身份号码", DataItemType.ResidentIdNumber, 18, Required: true, PersonalIdentifier: true),
        new("name", "姓名", DataItemType.Text, 50, Required: true, PersonalIdentifier: true),
        new("household_size", "户内人数", DataItemType.Integer, null, Required: false, PersonalIdentifier: false),
        new("subsidy", "补贴金额", DataItemType.Decimal, null, Required: false, PersonalIdentifier: false),
        new("birth_date", "出生日期", DataItemType.Date, null, Required: false, PersonalIdentifier: false),
        new("registered_at", "登记时间", DataItemType.DateTime, null, Required: false, PersonalIdentifier: false),
        new("is_resident", "是否常住", DataItemType.Boolean, null, Required: false, PersonalIdentifier: false),
    ];

    static ItemValue[] Row(string key, string name, bool nulls = false) =>
    [
        new() { Text = key },
        new() { Text = name },
        nulls ? ItemValue.Null : new() { Integer = 5_000_000_000 },
        nulls ? ItemValue.Null : new() { Decimal = 1234567890123456789.25m },
        nulls ? ItemValue.Null : new() { Timestamp = new DateTime(1990, 5, 17) },
        nulls ? ItemValue.Null : new() { Timestamp = new DateTime(2026, 3, 2, 1, 30, 15, DateTimeKind.Utc) },
        nulls ? ItemValue.Null : new() { Boolean = true },
    ];

    static string Key(int i) => $"44060519900101{i:D4}";

    [Fact]
    public async Task Keys_are_found_with_typed_values_projected_to_the_items_asked_for()
    {
        const string generation = "run-find";
        await WriteAsync(generation, Enumerable.Range(0, 3_000).Select(i => Row(Key(i), "𠈓" + i, nulls: i % 2 == 1)));

        var found = await Index.FindAsync(Resource, generation, Key(42), Items, default);
        Assert.NotNull(found);
        Assert.Equal(Key(42), found["id_number"]);
        Assert.Equal("𠈓42", found["name"]);
        Assert.Equal(5_000_000_000L, found["household_size"]);
        Assert.Equal(1234567890123456789.25m, found["subsidy"]);
        Assert.Equal(new DateOnly(1990, 5, 17), found["birth_date"]);
        var registered = Assert.IsType<DateTime>(found["registered_at"]);
        Assert.Equal((new DateTime(2026, 3, 2, 1, 30, 15), DateTimeKind.Utc), (registered, registered.Kind));
        Assert.Equal(true, found["is_resident"]);

        var withNulls = await Index.FindAsync(Resource, generation, Key(43), Items, default);
        Assert.Equal(Items.Select(i => i.Name), withNulls!.Keys);
        Assert.All(Items.Skip(2), i => Assert.Null(withNulls[i.Name]));

        var granted = await Index.FindAsync(Resource, generation, Key(2_999), [Items[0], Items[4]], default);
        Assert.Equal(["id_number", "birth_date"], granted!.Keys);

        Assert.Null(await Index.FindAsync(Resource, generation, Key(3_000), Items, default));
        Assert.Equal(3_000, await CountAsync(generation));
    }

    [Fact]
    public async Task Writing_the_same_rows_again_replaces_them_instead_of_adding()
    {
        const string generation = "run-twice";
        await WriteAsync(generation, Enumerable.Range(0, 1_500).Select(i => Row(Key(i), "张三")));
        await WriteAsync(generation, Enumerable.Range(0, 1_500).Select(i => Row(Key(i), "李四", nulls: true)));

        Assert.Equal(1_500, await CountAsync(generation));
        var found = await Index.FindAsync(Resource, generation, Key(7), Items, default);
        Assert.Equal("李四", found!["name"]);
        Assert.Null(found["household_size"]); // replaced, not merged: the second write had no value
    }

    [Fact]
    public async Task A_key_repeated_within_one_batch_keeps_its_last_row()
    {
        const string generation = "run-duplicates";
        // Few keys, so every key is repeated within its partition's batch, and across batches of the same partition.
        await WriteAsync(generation, Enumerable.Range(0, 1_000).Select(i => Row(Key(i % 7), $"第{i}行")));

        Assert.Equal(7, await CountAsync(generation));
        for (var k = 0; k < 7; k++)
        {
            var last = Enumerable.Range(0, 1_000).Last(i => i % 7 == k);
            Assert.Equal($"第{last}行", (await Index.FindAsync(Resource, generation, Key(k), Items, default))!["name"]);
        }
    }

    [Fact]
    public async Task Keys_with_characters_Table_Storage_forbids_or_URLs_mangle_are_kept_apart_and_found()
    {
        const string generation = "run-odd-keys";
        string[] keys = ["a/b", @"a\b", "a#b", "a?b", "a\tb", "a\u0085b", "a~b", "a~2Fb", "a%2Fb", "it's", "a+b c", "𠈓号", " 前后空格 ", "~", "?"];
        await WriteAsync(generation, keys.Select((k, i) => Row(k, $"row{i}")));

        Assert.Equal(keys.Length, await CountAsync(generation));
        for (var i = 0; i < keys.Length; i++)
            Assert.Equal(keys[i], (await Index.FindAsync(Resource, generation, keys[i], Items, default))?["id_number"]);
        Assert.Equal(["a~2Fb", "a~5Cb", "a~23b", "a~3Fb", "a~09b", "a~85b", "a~7Eb", "a~7E2Fb"],
            keys.Take(8).Select(TableLookupIndex.RowKey));
    }

    [Fact]
    public async Task Deleting_a_generation_drops_its_table_and_leaves_the_others()
    {
        await WriteAsync("run-old", [Row(Key(1), "旧")]);
        await WriteAsync("run-new", [Row(Key(1), "新")]);
        var tables = provider.GetRequiredService<TableServiceClient>();
        var oldTable = TableLookupIndex.TableName("lookup", Resource, "run-old");
        Assert.Matches("^lookup10101000002g[0-9a-f]{16}$", oldTable);
        Assert.Single(tables.QueryAsync(t => t.Name == oldTable).ToBlockingEnumerable());

        await Index.DeleteGenerationAsync(Resource, "run-old", default);
        await Index.DeleteGenerationAsync(Resource, "run-old", default);

        Assert.Empty(tables.QueryAsync(t => t.Name == oldTable).ToBlockingEnumerable());
        Assert.Null(await Index.FindAsync(Resource, "run-old", Key(1), Items, default));
        Assert.Equal("新", (await Index.FindAsync(Resource, "run-new", Key(1), Items, default))!["name"]);
    }

    async Task WriteAsync(string generation, IEnumerable<ItemValue[]> rows)
    {
        await using var writer = await Index.OpenWriterAsync(Resource, generation, Items, "id_number", default);
        foreach (var row in rows) await writer.AppendAsync(row, default);
        await writer.CompleteAsync(default);
    }

    async Task<int> CountAsync(string generation)
    {
        var table = provider.GetRequiredService<TableServiceClient>().GetTableClient(TableLookupIndex.TableName("lookup", Resource, generation));
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"])) count++;
        return count;
    }

    public void Dispose() => provider.Dispose();
}
