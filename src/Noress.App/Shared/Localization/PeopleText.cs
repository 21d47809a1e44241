using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Noress.App.Shared.Localization;

/// <summary>
/// Text that people typed (names, titles, file names, notification texts) on its way to a screen, a mail or a
/// file name. Unicode's bidirectional controls are removed, so "evil\u202Eexe.txt" cannot display as
/// "evil.txt" reversed; on pages the text is also isolated in a &lt;bdi&gt; (see <c>UserText</c>) so an
/// Arabic name cannot reorder the French around it (ADR 0012).
/// </summary>
public static class PeopleText
{
    /// <summary>
    /// The explicit embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks
    /// (LRM U+200E, RLM U+200F, ALM U+061C). Isolation by the page does their legitimate work.
    /// </summary>
    public static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text without bidirectional controls; the same instance when it has none.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Plain(string? value)
    {
        if (value is null || !value.Any(IsBidiControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text, without its own controls, between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the plain-text
    /// &lt;bdi&gt;, for where markup cannot go (the page's &lt;title&gt;, a localized sentence, a snackbar), so an
    /// Arabic title cannot reorder the French around it nor a French one the Arabic.
    /// </summary>
    public static string Isolate(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : "\u2068" + Plain(value) + "\u2069";

    /// <summary>
    /// The text with each bidirectional control shown as a visible code ("⟨U+202E⟩") instead of acting: for
    /// evidence such as the audit trail, where removing a character would hide that somebody typed it.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Visible(string? value)
    {
        if (value is null || !value.Any(IsBidiControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (IsBidiControl(c))
            {
                builder.Append("⟨U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('⟩');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
