using System.Text.Json.Serialization;

namespace Nanhai.Domain.Catalog;

/// <summary>How a resource may be shared between departments (共享类型, 国发〔2016〕51号).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SharingType>))]
public enum SharingType
{
    /// <summary>无条件共享: granted to any department on request.</summary>
    Unconditional,
    /// <summary>有条件共享: the providing unit decides each request within the reply limit.</summary>
    Conditional,
    /// <summary>不予共享: not shared; needs a legal or policy basis.</summary>
    NotShared,
}

/// <summary>Whether a resource may be opened to the public (开放属性).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpenAttribute>))]
public enum OpenAttribute
{
    /// <summary>无条件开放.</summary>
    Open,
    /// <summary>有条件开放.</summary>
    ConditionallyOpen,
    /// <summary>不予开放.</summary>
    NotOpen,
}

/// <summary>How often the provider refreshes the resource (更新周期).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateCycle>))]
public enum UpdateCycle
{
    /// <summary>实时.</summary>
    RealTime,
    /// <summary>每日.</summary>
    Daily,
    /// <summary>每周.</summary>
    Weekly,
    /// <summary>每月.</summary>
    Monthly,
    /// <summary>每季度.</summary>
    Quarterly,
    /// <summary>每半年.</summary>
    HalfYearly,
    /// <summary>每年.</summary>
    Yearly,
    /// <summary>不定期.</summary>
    Irregular,
}

/// <summary>The type of a data item's values as they arrive in a dump (数据项类型).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataItemType>))]
public enum DataItemType
{
    /// <summary>字符型: any text up to the item's length.</summary>
    Text,
    /// <summary>整数型: a whole number (64-bit).</summary>
    Integer,
    /// <summary>数值型: a decimal number.</summary>
    Decimal,
    /// <summary>日期型: yyyy-MM-dd (also yyyyMMdd and yyyy/MM/dd).</summary>
    Date,
    /// <summary>日期时间型: ISO 8601 date and time, or yyyy-MM-dd HH:mm:ss (China time when no offset).</summary>
    DateTime,
    /// <summary>布尔型: true/false, 1/0, 是/否.</summary>
    Boolean,
    /// <summary>公民身份号码 (GB 11643), checked by its check character.</summary>
    ResidentIdNumber,
    /// <summary>统一社会信用代码 (GB 32100); a failed checksum is a warning, as some early genuine codes fail it.</summary>
    CreditCode,
}

/// <summary>What ingestion does with rows that break the data items' rules.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BadRowPolicy>))]
public enum BadRowPolicy
{
    /// <summary>Any bad row rejects the whole file (for resources that must be complete, e.g. household registration).</summary>
    RejectFile,
    /// <summary>Bad rows are left out and listed, as long as they stay within <see cref="IngestionPolicy.MaxBadRowShare"/>.</summary>
    SkipBadRows,
}

/// <summary>
/// A resource's rule for bad rows. With <see cref="BadRowPolicy.SkipBadRows"/>, a dump whose bad rows exceed
/// <see cref="MaxBadRowShare"/> of the rows read (0–1) is rejected as a whole: a file that bad is more likely the wrong
/// file or a broken export than a few typos.
/// </summary>
public sealed record IngestionPolicy(BadRowPolicy OnBadRows, double MaxBadRowShare)
{
    public static IngestionPolicy Default { get; } = new(BadRowPolicy.SkipBadRows, 0.05);

    public static IngestionPolicy RejectFile { get; } = new(BadRowPolicy.RejectFile, 0);
}
