namespace Nanhai.Domain.ServiceMatters;

/// <summary>
/// Checks an uploaded file against its material's limits (材料文件校验): size, declared content type, and that the bytes
/// really are of that type. Upload URLs cannot enforce either limit, so every upload is checked before the material
/// counts as provided.
/// </summary>
public static class MaterialFiles
{
    /// <summary>How many leading bytes <see cref="Check"/> needs to recognise a file's type.</summary>
    public const int SignatureLength = 8;

    static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
    };

    /// <summary>The problems with a file uploaded for <paramref name="material"/>; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(Material material, long sizeBytes, string? contentType, ReadOnlySpan<byte> head)
    {
        var problems = new List<string>();
        if (sizeBytes <= 0)
            problems.Add($"“{material.Name}”文件为空 (the file is empty)");
        else if (sizeBytes > material.MaxSizeBytes)
            problems.Add($"“{material.Name}”文件大小 {sizeBytes / 1024.0 / 1024.0:0.#} MB 超过上限 {material.MaxSizeBytes / 1024 / 1024} MB (file exceeds the size limit)");
        if (contentType is null || !material.AllowedContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            problems.Add($"“{material.Name}”只接受 {string.Join("、", material.AllowedContentTypes)} 格式，上传的是 {contentType ?? "未知格式"} (file type not allowed)");
        else if (Signatures.TryGetValue(contentType, out var signature) && !head.StartsWith(signature))
            problems.Add($"“{material.Name}”文件内容与声明的格式 {contentType} 不符 (the file's content is not {contentType})");
        return problems;
    }
}
