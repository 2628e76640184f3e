using System.Globalization;
using Nanhai.Domain.Catalog;
using Nanhai.Domain.Identifiers;

namespace Nanhai.IntegrationTests.Ingestion.Corpus;

/// <summary>
/// The one resource every malformed dump targets: a household-registration style table (户籍人口) of the unit
/// <c>corpus</c>. Dumps may head their columns with the machine names or the Chinese labels; the corpus uses labels.
/// </summary>
public static class CorpusResource
{
    public const string UnitCode = "corpus";
    public const string ResourceCode = "99901-000001";

    public static IReadOnlyList<DataItem> Items { get; } =
    [
        new("id_number", "公民身份号码", DataItemType.ResidentIdNumber, 18, Required: true, PersonalIdentifier: true),
        new("name", "姓名", DataItemType.Text, 50, Required: true, PersonalIdentifier: true),
        new("sex", "性别", DataItemType.Text, 1, Required: true, PersonalIdentifier: false),
        new("birth_date", "出生日期", DataItemType.Date, null, Required: true, PersonalIdentifier: false),
        new("address", "户籍地址", DataItemType.Text, 200, Required: true, PersonalIdentifier: false),
        new("phone", "联系电话", DataItemType.Text, 20, Required: false, PersonalIdentifier: true),
    ];

    public static string[] Labels { get; } = [.. Items.Select(i => i.Label)];

    // 𠈓 (U+20213) lies outside the Basic Multilingual Plane: four bytes in UTF-8 and GB18030, a surrogate pair in .NET.
    static readonly string[] Names = ["陈志强", "李𠈓", "黄丽华", "梁嘉欣", "何伟明", "欧阳晓峰", "冼耀东", "关颖"];
    static readonly string[] Towns = ["桂城街道", "九江镇", "西樵镇", "丹灶镇", "狮山镇", "大沥镇", "里水镇"];

    /// <summary>Row <paramref name="index"/> of valid data, in <see cref="Items"/> order; every value passes its item's rules.</summary>
    public static string[] ValidRow(int index)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(index * 367 % 25_000);
        var sequence = index % 1000;
        return
        [
            IdNumber("440605", birth, sequence),
            Names[index % Names.Length],
            sequence % 2 == 1 ? "男" : "女",
            birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            $"广东省佛山市南海区{Towns[index % Towns.Length]}{index % 200 + 1}号",
            $"13{index % 10}{(index * 7919 % 100_000_000):D8}",
        ];
    }

    /// <summary>A resident ID number (GB 11643): area code, birth date, 3-digit sequence (odd for men), check character.</summary>
    public static string IdNumber(string area, DateOnly birth, int sequence)
    {
        var first17 = $"{area}{birth:yyyyMMdd}{sequence:D3}";
        return first17 + ResidentIdentityNumber.ComputeCheckCharacter(first17);
    }
}
