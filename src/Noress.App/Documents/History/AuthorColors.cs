namespace Noress.App.Documents.History;

/// <summary>Light background colours for authorship, given in the order authors appear so neighbours differ.</summary>
public static class AuthorColors
{
    private static readonly string[] Palette =
    [
        "#fde68a", "#bfdbfe", "#bbf7d0", "#fbcfe8", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e5e7eb", "#d9f99d", "#fecaca",
    ];

    public static IReadOnlyDictionary<Guid, string> Assign(IEnumerable<Guid> authors) =>
        authors.Distinct().Select((author, index) => (author, index)).ToDictionary(p => p.author, p => Palette[p.index % Palette.Length]);
}
