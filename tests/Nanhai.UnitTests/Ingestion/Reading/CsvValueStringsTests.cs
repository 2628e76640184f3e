using System.Text;

namespace Nanhai.UnitTests.Ingestion.Reading;

/// <summary>
/// A CSV's values are pooled per column only where values repeat: one string per distinct sex or town, a fresh string for
/// each value of a column of mostly new ones (ID numbers), whose pool would be pure overhead, and for long values.
/// </summary>
public sealed class CsvValueStringsTests
{
    // More rows than a column tries pooling for (4,096) before it gives up.
    const int Rows = 5_000;

    static List<string?[]> ReadRows()
    {
        var csv = new StringBuilder("性别,公民身份号码,户籍地址\n");
        var address = "广东省佛山市南海区桂城街道南海大道北八十八号华南明珠花园三座十八楼一八零二房";
        for (var i = 0; i < Rows; i++)
            // The ID column repeats one value at the end, after its first values were all new.
            csv.Append(i % 2 == 0 ? "男" : "女").Append(',').Append(i < Rows - 2 ? $"4406051990{i:D8}" : "repeated").Append(',').Append(address).Append('\n');
        var (_, records, error) = MalformedDumpReadingTests.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "人口.csv");
        Assert.Null(error);
        return records.Select(r => r.Values).ToList();
    }

    [Fact]
    public void A_column_of_few_distinct_values_shares_one_string_per_value()
    {
        var rows = ReadRows();

        Assert.Same(rows[0][0], rows[^2][0]);
        Assert.Same(rows[1][0], rows[^1][0]);
        Assert.Equal(2, rows.Select(r => r[0]).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void A_column_of_mostly_new_values_stops_pooling_and_long_values_are_never_pooled()
    {
        var rows = ReadRows();

        Assert.Equal("repeated", rows[^1][1]);
        Assert.Equal(rows[^2][1], rows[^1][1]);
        Assert.NotSame(rows[^2][1], rows[^1][1]);
        Assert.Equal(rows[0][2], rows[1][2]);
        Assert.NotSame(rows[0][2], rows[1][2]);
    }
}
