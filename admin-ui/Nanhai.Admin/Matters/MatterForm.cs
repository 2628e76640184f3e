using System.Text.Json;
using System.Text.RegularExpressions;
using Nanhai.Domain.ServiceMatters;

namespace Nanhai.Admin.Matters;

/// <summary>
/// A matter's draft as the designer's form holds it (事项要素、申请材料、申请表单), bound from the page and turned into the
/// <see cref="MatterDefinition"/> the platform stores. Numbers left empty are sent as 0 and lists as empty, so the platform's
/// own rules (<see cref="MatterValidator"/>) say what is missing, field by field, in one place.
/// </summary>
public sealed partial class MatterForm
{
    /// <summary>The prefix of every input: the page binds this form as its <c>Matter</c> property.</summary>
    public const string Prefix = "Matter";

    /// <summary>事项编码; typed only when the matter is new, fixed afterwards.</summary>
    public string? Code { get; set; }
    /// <summary>The ETag of the stored matter the draft was read from; null for a matter not yet created.</summary>
    public string? ETag { get; set; }
    public string? Name { get; set; }
    public string? Department { get; set; }
    public HandlingLevel? Level { get; set; }
    public List<string> Centres { get; set; } = [];
    public MatterKind? Kind { get; set; }
    public int? StatutoryWorkingDays { get; set; }
    public int? PromisedWorkingDays { get; set; }
    public int? VisitsRequired { get; set; }
    public List<DeliveryOption> DeliveryOptions { get; set; } = [];
    public decimal? FeeAmountYuan { get; set; }
    public string? FeeLegalBasis { get; set; }
    public List<MaterialInput> Materials { get; set; } = [];
    /// <summary>申请表单标题 (the schema's title).</summary>
    public string? FormTitle { get; set; }
    /// <summary>Top-level schema keywords the builder does not edit (e.g. <c>$defs</c>), kept as they were.</summary>
    public string? FormExtra { get; set; }
    public List<FormFieldInput> Fields { get; set; } = [];

    public bool IsNew => ETag is null;

    /// <summary>A new matter's form: one material and one field to start from.</summary>
    public static MatterForm New() => new() { Materials = [MaterialInput.New(0)], Fields = [FormFieldInput.New(0)] };

    public static MatterForm Of(string code, string eTag, MatterDefinition d)
    {
        var (title, extra, fields) = FormSchemas.Read(d.FormSchema);
        return new MatterForm
        {
            Code = code, ETag = eTag, Name = d.Name, Department = d.Department, Level = d.Level, Centres = [.. d.Centres], Kind = d.Kind,
            StatutoryWorkingDays = d.StatutoryWorkingDays, PromisedWorkingDays = d.PromisedWorkingDays, VisitsRequired = d.VisitsRequired,
            DeliveryOptions = [.. d.DeliveryOptions], FeeAmountYuan = d.Fee.AmountYuan, FeeLegalBasis = d.Fee.LegalBasis,
            Materials = [.. d.Materials.Select(MaterialInput.Of)], FormTitle = title, FormExtra = extra, Fields = fields,
        };
    }

    public JsonElement FormSchema() => FormSchemas.Build(FormTitle, FormExtra, Fields);

    public MatterDefinition ToDefinition() => new()
    {
        Name = Name?.Trim() ?? "",
        Department = Department?.Trim() ?? "",
        Level = Level ?? default,
        Centres = Centres,
        Kind = Kind ?? default,
        StatutoryWorkingDays = StatutoryWorkingDays ?? 0,
        PromisedWorkingDays = PromisedWorkingDays ?? 0,
        VisitsRequired = VisitsRequired ?? 0,
        DeliveryOptions = DeliveryOptions,
        Fee = new Fee(FeeAmountYuan ?? 0m, string.IsNullOrWhiteSpace(FeeLegalBasis) ? null : FeeLegalBasis.Trim()),
        Materials = [.. Materials.Select(m => m.ToMaterial())],
        FormSchema = FormSchema(),
    };

    /// <summary>
    /// Applies a row command of the form's buttons: <c>{materials|fields}-{add|remove|up|down}[-{index}]</c>. Returns the id
    /// of the element to focus next (the new row's first input, the moved row's button), or null for an unknown command.
    /// </summary>
    public string? Apply(string? command)
    {
        if (command is null || RowCommand().Match(command) is not { Success: true } match) return null;
        var list = match.Groups["list"].Value;
        var verb = match.Groups["verb"].Value;
        var index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value) : -1;
        return list == "materials"
            ? Change(Materials, list, verb, index, MaterialInput.New, "Name")
            : Change(Fields, list, verb, index, FormFieldInput.New, "Label");
    }

    static string? Change<T>(List<T> rows, string list, string verb, int index, Func<int, T> create, string firstInput)
    {
        switch (verb)
        {
            case "add":
                rows.Add(create(rows.Count));
                return InputId($"{list}[{rows.Count - 1}].{firstInput}");
            case "remove" when index >= 0 && index < rows.Count:
                rows.RemoveAt(index);
                return $"{list}-add";
            // The moved row keeps the focus: on the same button, or on the other one where the row has no such button any more.
            case "up" when index > 0 && index < rows.Count:
                (rows[index - 1], rows[index]) = (rows[index], rows[index - 1]);
                return index - 1 == 0 ? $"{list}-down-0" : $"{list}-up-{index - 1}";
            case "down" when index >= 0 && index < rows.Count - 1:
                (rows[index + 1], rows[index]) = (rows[index], rows[index + 1]);
                return index + 1 == rows.Count - 1 ? $"{list}-up-{index + 1}" : $"{list}-down-{index + 1}";
            default:
                return null;
        }
    }

    /// <summary>The id ASP.NET gives the input of a property path under <see cref="Prefix"/> (Materials[0].Id → Matter_Materials_0__Id).</summary>
    public static string InputId(string path) => NotInId().Replace($"{Prefix}.{char.ToUpperInvariant(path[0])}{path[1..]}", "_");

    /// <summary>
    /// The input beside which a platform field message belongs: <c>definition.materials[2].name</c> (creation) and
    /// <c>materials[2].name</c> (a draft) both go to <c>Matter.Materials[2].Name</c>; each centre or content type to its
    /// group; anything in the form schema to the form builder. Fields the form has no input for go above the form ("").
    /// </summary>
    public static string InputFor(string field)
    {
        var path = field.StartsWith("definition.", StringComparison.Ordinal) ? field["definition.".Length..] : field;
        if (path.StartsWith("formSchema", StringComparison.Ordinal)) return $"{Prefix}.{nameof(Fields)}";
        if (ApiField().Match(path) is not { Success: true } match) return "";
        var name = match.Groups["name"].Value;
        if (name == "materials")
        {
            var property = match.Groups["property"].Success ? match.Groups["property"].Value : "name";
            return $"{Prefix}.{nameof(Materials)}[{match.Groups["index"].Value}].{MaterialInput.InputFor(property)}";
        }
        return name switch
        {
            "code" or "name" or "department" or "level" or "kind" or "centres" or "deliveryOptions"
                or "statutoryWorkingDays" or "promisedWorkingDays" or "visitsRequired" => $"{Prefix}.{char.ToUpperInvariant(name[0])}{name[1..]}",
            "fee" when match.Groups["property"].Value == "amountYuan" => $"{Prefix}.{nameof(FeeAmountYuan)}",
            "fee" when match.Groups["property"].Value == "legalBasis" => $"{Prefix}.{nameof(FeeLegalBasis)}",
            _ => "",
        };
    }

    [GeneratedRegex(@"^(?<list>materials|fields)-(?<verb>add|remove|up|down)(-(?<index>\d{1,3}))?$")]
    private static partial Regex RowCommand();

    // name, name[i], name.property, name[i].property, name[i].property[j]
    [GeneratedRegex(@"^(?<name>[a-zA-Z]+)(\[(?<index>\d+)\])?(\.(?<property>[a-zA-Z]+))?(\[\d+\])?$")]
    private static partial Regex ApiField();

    [GeneratedRegex(@"[\[\]\.]")]
    private static partial Regex NotInId();
}

/// <summary>One row of the materials table (申请材料).</summary>
public sealed class MaterialInput
{
    const decimal Megabyte = 1024 * 1024;

    /// <summary>材料编号: stable across versions (comparisons and uploads refer to it), so it is shown and kept.</summary>
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool Required { get; set; } = true;
    public bool MayBeMissingAtAcceptance { get; set; }
    public string? ReplaceableByLicence { get; set; }
    public MaterialForm Form { get; set; } = MaterialForm.Copy;
    public decimal? MaxSizeMb { get; set; } = Material.DefaultMaxSizeBytes / Megabyte;
    /// <summary>允许的文件类型, separated by commas or spaces.</summary>
    public string? AllowedContentTypes { get; set; } = string.Join(", ", Material.DefaultContentTypes);

    public static MaterialInput New(int index) => new() { Id = $"material-{index + 1}" };

    public static MaterialInput Of(Material m) => new()
    {
        Id = m.Id, Name = m.Name, Required = m.Required, MayBeMissingAtAcceptance = m.MayBeMissingAtAcceptance,
        ReplaceableByLicence = m.ReplaceableByLicence, Form = m.Form, MaxSizeMb = m.MaxSizeBytes / Megabyte,
        AllowedContentTypes = string.Join(", ", m.AllowedContentTypes),
    };

    public Material ToMaterial() => new()
    {
        Id = Id?.Trim() ?? "",
        Name = Name?.Trim() ?? "",
        Required = Required,
        MayBeMissingAtAcceptance = MayBeMissingAtAcceptance,
        ReplaceableByLicence = string.IsNullOrWhiteSpace(ReplaceableByLicence) ? null : ReplaceableByLicence,
        Form = Form,
        MaxSizeBytes = (long)Math.Round((MaxSizeMb ?? 0) * Megabyte),
        AllowedContentTypes = (AllowedContentTypes ?? "").Split([',', ' ', '，', '、'], StringSplitOptions.RemoveEmptyEntries),
    };

    /// <summary>The input of a material's property as the platform names it (sizes are typed in MB).</summary>
    public static string InputFor(string property) => property switch
    {
        "maxSizeBytes" => nameof(MaxSizeMb),
        _ => char.ToUpperInvariant(property[0]) + property[1..],
    };
}
