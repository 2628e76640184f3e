namespace Nanhai.Admin.Pages.Matters;

/// <summary>The move and remove buttons of row <paramref name="Index"/> of <paramref name="Count"/> in a list of the designer's form.</summary>
/// <param name="List">The list's name in row commands: <c>materials</c> or <c>fields</c>.</param>
/// <param name="Noun">What a row is, in Chinese, for the buttons' accessible names (上移材料 2).</param>
public sealed record RowButtons(string List, string Noun, int Index, int Count, string? Code)
{
    public string Command(string verb) => $"{List}-{verb}-{Index}";
}
