using System.Text;
using System.Text.Json;

namespace Noress.App.Documents.Editor;

/// <summary>A short account of what a suggestion's ChangeSet JSON does: the inserted text and how much it deletes.</summary>
public static class SuggestionExcerpt
{
    private const int MaxLength = 160;

    public static string From(string changesJson)
    {
        var inserted = new StringBuilder();
        var deleted = 0;
        using var json = JsonDocument.Parse(changesJson);
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            // Entries: n = keep; [len] = delete; [len, "line", ...] = replace len by the lines.
            if (entry.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            deleted += entry[0].GetInt32();
            var lines = entry.EnumerateArray().Skip(1).Select(l => l.GetString() ?? string.Empty).ToList();
            if (lines.Count > 0)
            {
                inserted.Append(inserted.Length > 0 ? " … " : string.Empty).Append(string.Join(' ', lines));
            }
        }

        var text = inserted.Length > MaxLength ? inserted.ToString(0, MaxLength) + "…" : inserted.ToString();
        return deleted == 0 ? $"+ {text}" : text.Length == 0 ? $"−{deleted}" : $"+ {text} (−{deleted})";
    }
}
