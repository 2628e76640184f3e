using Nanhai.Domain.Catalog;
using Nanhai.Domain.Ingestion;

namespace Nanhai.Admin.Catalog;

/// <summary>The catalog's terms as the console shows them (the API sends the English names of its enums).</summary>
public static class CatalogLabels
{
    public static string Of(SharingType value) => value switch
    {
        SharingType.Unconditional => "无条件共享",
        SharingType.Conditional => "有条件共享",
        SharingType.NotShared => "不予共享",
        _ => value.ToString(),
    };

    public static string Of(OpenAttribute value) => value switch
    {
        OpenAttribute.Open => "无条件开放",
        OpenAttribute.ConditionallyOpen => "有条件开放",
        OpenAttribute.NotOpen => "不予开放",
        _ => value.ToString(),
    };

    public static string Of(UpdateCycle value) => value switch
    {
        UpdateCycle.RealTime => "实时",
        UpdateCycle.Daily => "每日",
        UpdateCycle.Weekly => "每周",
        UpdateCycle.Monthly => "每月",
        UpdateCycle.Quarterly => "每季度",
        UpdateCycle.HalfYearly => "每半年",
        UpdateCycle.Yearly => "每年",
        UpdateCycle.Irregular => "不定期",
        _ => value.ToString(),
    };

    public static string Of(DataItemType value) => value switch
    {
        DataItemType.Text => "字符型",
        DataItemType.Integer => "整数型",
        DataItemType.Decimal => "数值型",
        DataItemType.Date => "日期型",
        DataItemType.DateTime => "日期时间型",
        DataItemType.Boolean => "布尔型",
        DataItemType.ResidentIdNumber => "公民身份号码",
        DataItemType.CreditCode => "统一社会信用代码",
        _ => value.ToString(),
    };

    public static string Of(IngestionPolicy policy) => policy.OnBadRows == BadRowPolicy.RejectFile
        ? "有错误行即整份拒收"
        : $"跳过错误行（不超过 {policy.MaxBadRowShare:P0}）";

    /// <summary>The run's status and its badge style (ok, warn, bad, or plain while it runs).</summary>
    public static (string Label, string Style) Of(IngestionRunStatus status) => status switch
    {
        IngestionRunStatus.Running => ("入库中", "info"),
        IngestionRunStatus.Indexing => ("建立查询索引", "info"),
        IngestionRunStatus.Succeeded => ("已入库", "ok"),
        IngestionRunStatus.Quarantined => ("已隔离", "bad"),
        IngestionRunStatus.Unchanged => ("内容未变", "warn"),
        _ => (status.ToString(), "info"),
    };
}
