using System.Text.RegularExpressions;

namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// The platform's internal matter code (事项编码): <c>NH-{OWNER}-{NNNN}</c>, e.g. <c>NH-SCJ-0001</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>NH</c> is Nanhai; <c>OWNER</c> is two to four capital letters abbreviating, in pinyin initials, the body that owned
/// the matter when it was created (SCJ 市场监督管理局, RSJ 人力资源和社会保障局, GA 公安分局, MZJ 民政局, ZJJ 住房城乡建设和水利局,
/// ZRJ 自然资源南海分局, WJJ 卫生健康局, YBJ 医疗保障局, JTJ 交通运输局, JYJ 教育局, TYJ 退役军人事务局, SWJ 税务局,
/// HBJ 生态环境南海分局, CGJ 城市管理和综合执法局, NYJ 农业农村局); <c>NNNN</c> is a four-digit sequence within that owner.
/// </para>
/// <para>
/// The code is an identifier, not a description: it is fixed at creation and kept through every version, even if a later
/// version moves the matter to another body, because applications pin <c>(code, version)</c>. The province's 30-character
/// implementation code (实施编码, e.g. <c>11440605MB2C91234X440111703000</c>: the owner's unified social credit code plus
/// the catalogue item's code) changes whenever the owner is reorganised, which is why it is not the key here; it can be
/// recorded beside the matter when the catalogue is synchronised with the provincial platform.
/// </para>
/// </remarks>
public static partial class MatterCode
{
    /// <summary>The format as a regular expression, for API documentation and client-side checks.</summary>
    public const string Pattern = "^NH-[A-Z]{2,4}-[0-9]{4}$";

    // The length check rejects a trailing newline, which .NET's "$" would otherwise accept.
    public static bool IsValid(string? code) => code is not null && Regex().Match(code) is { Success: true } m && m.Length == code.Length;

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
