using System.Text.RegularExpressions;

namespace Noress.App.Documents.Editor;

/// <summary>Presence colours come from the hub; only plain colours reach a style attribute.</summary>
public static partial class EditorColors
{
    public static bool IsSafe(string? color) => color is not null && SafeColor().IsMatch(color);

    [GeneratedRegex(@"^(#[0-9a-fA-F]{3,8}|(rgb|hsl)a?\([\d\s.,%]+\))$")]
    private static partial Regex SafeColor();
}
