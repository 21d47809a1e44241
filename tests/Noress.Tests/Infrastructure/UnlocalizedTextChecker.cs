using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Noress.Tests.Infrastructure;

/// <summary>
/// Finds visible text that did not come through a localizer, in markup rendered with <see cref="MarkerLocalizerFactory"/>:
/// text nodes and the attributes people read (title, aria-label, placeholder, alt) whose letters lie outside ⟦…⟧.
/// </summary>
public static partial class UnlocalizedTextChecker
{
    /// <summary>Text that is never translated: the brand.</summary>
    public static readonly IReadOnlyList<string> AlwaysAllowed = ["NORESS"];

    private static readonly string[] ReadableAttributes = ["title", "aria-label", "placeholder", "alt"];

    // Scripts and styles are not read; MudBlazor icons are inline SVG paths.
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "svg" };

    /// <summary>Every offending text in <paramref name="markup"/>; <paramref name="allowedData"/> lists data shown as is (names, e-mails).</summary>
    public static IReadOnlyList<string> Find(string markup, params IEnumerable<string> allowedData)
    {
        var allowed = AlwaysAllowed.Concat(allowedData).Where(a => a.Length > 0).OrderByDescending(a => a.Length).ToList();
        var document = new HtmlParser().ParseDocument(markup);
        var problems = new List<string>();
        Walk(document.DocumentElement, allowed, problems);
        return problems;
    }

    private static void Walk(INode node, List<string> allowed, List<string> problems)
    {
        if (node is IElement element)
        {
            if (SkippedElements.Contains(element.LocalName))
            {
                return;
            }

            foreach (var name in ReadableAttributes)
            {
                if (element.GetAttribute(name) is { } value && IsUnlocalized(value, allowed))
                {
                    problems.Add($"<{element.LocalName} {name}=\"{value}\">");
                }
            }
        }
        else if (node is IText text && IsUnlocalized(text.Data, allowed))
        {
            problems.Add($"<{text.ParentElement?.LocalName ?? "?"}> \"{text.Data.Trim()}\"");
        }

        foreach (var child in node.ChildNodes)
        {
            Walk(child, allowed, problems);
        }
    }

    private static bool IsUnlocalized(string text, List<string> allowed)
    {
        var rest = Marker().Replace(text, " ");
        foreach (var data in allowed)
        {
            rest = rest.Replace(data, " ", StringComparison.Ordinal);
        }

        return rest.Any(char.IsLetter);
    }

    [GeneratedRegex("⟦[^⟧]*⟧")]
    private static partial Regex Marker();
}
