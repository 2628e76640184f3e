using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;
using static Nanhai.UnitTests.Identifiers.ReferenceChecksums;

namespace Nanhai.UnitTests.Ingestion.Validation;

/// <summary>A typical resident table (户籍人口): the items, a clean row and helpers to validate one row.</summary>
static class ResidentTable
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    public static readonly DataItem[] Items =
    [
        new("id_number", "公民身份号码", DataItemType.ResidentIdNumber, 18, Required: true, PersonalIdentifier: true),
        new("name", "姓名", DataItemType.Text, 4, Required: true, PersonalIdentifier: true),
        new("sex", "性别", DataItemType.Text, 1, Required: true, PersonalIdentifier: false),
        new("birth_date", "出生日期", DataItemType.Date, null, Required: true, PersonalIdentifier: false),
        new("address", "住址", DataItemType.Text, 100, Required: false, PersonalIdentifier: false),
        new("phone", "联系电话", DataItemType.Text, 20, Required: false, PersonalIdentifier: true),
    ];

    public static readonly string[] Header = ["公民身份号码", "姓名", "性别", "出生日期", "住址", "联系电话"];

    /// <summary>A Nanhai-issued number (440605) of a man born 1990-01-01, sequence 113; its check character is X.</summary>
    public static readonly string IdNumber = WithIdentityCheck("44060519900101113");

    public static string?[] Row() => [IdNumber, "张三", "男", "1990-01-01", "广东省佛山市南海区桂城街道南海大道1号", "13812345678"];

    /// <summary>A clean row with one item's value replaced.</summary>
    public static string?[] RowWith(string item, string? value)
    {
        var row = Row();
        row[Array.FindIndex(Items, i => i.Name == item)] = value;
        return row;
    }

    public static RowValidator Validator() => new(Items, HeaderMatch.Match(Header, Items).ColumnOf, Today);
}
