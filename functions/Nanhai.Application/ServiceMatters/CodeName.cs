using System.Text.Json;
using Nanhai.Domain.ELicences;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Application.ServiceMatters;

/// <summary>
/// A coded value with its Chinese name, as the mini-program and the admin console show it: <c>{"code": "town", "name": "镇街"}</c>.
/// Shared by the matter and application representations, so it lives beside them where the console can read it too.
/// </summary>
public sealed record CodeName(string Code, string Name)
{
    static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static CodeName Of(HandlingLevel level) => new(Camel(level), level.ToChinese());
    public static CodeName Of(MatterKind kind) => new(Camel(kind), kind.ToChinese());
    public static CodeName Of(DeliveryOption option) => new(Camel(option), option.ToChinese());
    public static CodeName Of(MaterialForm form) => new(Camel(form), form.ToChinese());
    public static CodeName Of(MatterAttribute attribute) => new(attribute.Code(), attribute.ToChinese());
    public static CodeName Of(MatterStatus status) => new(Camel(status), status.ToChinese());
    public static CodeName Of(ChangeKind change) => new(Camel(change), change.ToChinese());
    public static CodeName Centre(string code) => new(code, ServiceCentres.TryFind(code, out var centre) ? centre.Name : code);
    public static CodeName Licence(string code) => new(code, ELicenceType.TryFind(code, out var type) ? type.Name : code);
}
