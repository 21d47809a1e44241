using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Noress.App.Shared.Markdown;

/// <summary>
/// The platform's one markdown renderer (documents, their print page, memoranda, and every later feature).
/// Raw HTML is shown as text, the output is sanitized against fixed allow-lists of elements, attributes,
/// classes and styles so that it cannot leave its container, and a part that Markdig cannot parse becomes a
/// localized notice instead of an exception (ADR 0009). Show the result inside <see cref="ContainerClass"/>.
/// </summary>
public static partial class SafeMarkdown
{
    /// <summary>The class of the element that holds rendered markdown; app.css contains its layout and paint.</summary>
    public const string ContainerClass = "noress-markdown";

    /// <summary>The class of the notice that replaces a part that cannot be rendered.</summary>
    public const string UnrenderableClass = "noress-markdown-unrenderable";

    private const string IdPrefix = "md-";

    // No real text nests quotes, lists or brackets this deep (Markdig's default is 128). Markdig walks a long way
    // before it refuses such a line ("too deeply nested"), so lines that open this many are set aside unparsed.
    private const int MaxNesting = 32;

    // Explicit extensions rather than UseAdvancedExtensions: generic attributes ({style=...}, {.class}), custom
    // containers (::: any-class), media links (iframes) and diagrams let a text choose its own markup.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNesting }
        .UseAbbreviations()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCitations()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UseMathematics()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly ResourceManager Texts = new(typeof(MarkdownText));

    /// <summary>Every element the renderer may emit; anything else is dropped with its content.</summary>
    public static readonly IReadOnlySet<string> AllowedElements = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "del", "ins", "mark",
        "sub", "sup", "a", "img", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "col", "colgroup", "figure", "figcaption", "footer", "abbr", "cite", "span", "div", "section",
    };

    /// <summary>Every attribute the renderer may emit (classes, ids and styles are further filtered).</summary>
    public static readonly IReadOnlySet<string> AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "id", "class", "style", "start", "colspan", "rowspan", "dir",
    };

    /// <summary>The only CSS property kept: table column alignment, which Markdig writes as a style.</summary>
    public static readonly IReadOnlySet<string> AllowedStyleProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" };

    private static readonly HashSet<string> AllowedClasses = new(StringComparer.Ordinal)
    {
        "math", "task-list-item", "contains-task-list", "task-list-check", "footnotes", "footnote-ref", "footnote-back-ref",
        "figure", "figure-caption", UnrenderableClass,
    };

    private static readonly HashSet<string> AllowedAlignments = new(StringComparer.OrdinalIgnoreCase) { "left", "right", "center", "justify", "start", "end" };

    // French and Arabic paragraphs mix in one text: each block takes its direction from its own first strong letter.
    private static readonly HashSet<string> DirectionalBlocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption", "div", "ul", "ol", "table",
    };

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Safe HTML for the markdown; never throws for any text.</summary>
    public static string ToHtml(string? markdown)
    {
        var output = new StringBuilder();
        RenderContained(StripBidiControls(markdown ?? string.Empty), Scope.Document, output);
        return Sanitizer.Sanitize(output.ToString());
    }

    /// <summary>True for a class the renderer may emit (a fixed list, and code languages).</summary>
    public static bool IsAllowedClass(string name) => AllowedClasses.Contains(name) || LanguageClass().IsMatch(name);

    // A document Markdig refuses (e.g. "too deeply nested") is retried paragraph by paragraph, then line by line,
    // so only the part at fault becomes a notice and the rest still shows.
    private static void RenderContained(string source, Scope scope, StringBuilder output)
    {
        if (HasTooDeepLine(source) || !TryRender(source, output))
        {
            RenderParts(source, scope, output);
        }
    }

    private static void RenderParts(string source, Scope scope, StringBuilder output)
    {
        if (scope == Scope.Line)
        {
            output.Append(Notice());
            return;
        }

        IReadOnlyList<string> parts = scope == Scope.Document ? Paragraphs(source) : source.Split('\n');
        if (parts.Count <= 1)
        {
            RenderParts(source, scope + 1, output);
            return;
        }

        foreach (var part in parts)
        {
            RenderContained(part, scope + 1, output);
        }
    }

    private static bool TryRender(string source, StringBuilder output)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(source, Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }

        // Block by block, so a block that fails to render costs only itself.
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = CreateRenderer(writer);
        foreach (var block in document)
        {
            try
            {
                renderer.Render(block);
                writer.Flush();
                output.Append(writer.GetStringBuilder());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                output.Append(Notice());
                renderer = CreateRenderer(writer);
            }

            writer.GetStringBuilder().Clear();
        }

        return true;
    }

    private static HtmlRenderer CreateRenderer(TextWriter writer)
    {
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlTaskListRenderer>(new CheckMarkRenderer());
        return renderer;
    }

    /// <summary>Blank-line separated parts, a fenced code block never cut in two.</summary>
    private static List<string> Paragraphs(string source)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        string? fence = null;
        foreach (var line in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
            }
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
            {
                fence = null;
            }

            if (fence is null && string.IsNullOrWhiteSpace(line))
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(line).Append('\n');
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private static bool HasTooDeepLine(string source)
    {
        string? fence = null;
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
            }
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
            {
                fence = null;
            }
            else if (fence is null && IsTooDeep(line))
            {
                return true;
            }
        }

        return false;
    }

    // Block containers opened at the start of the line ('>', bullets, numbers), then unclosed brackets anywhere.
    private static bool IsTooDeep(string line)
    {
        var containers = 0;
        var i = 0;
        while (i < line.Length && containers <= MaxNesting)
        {
            var c = line[i];
            if (c == '>')
            {
                containers++;
                i++;
            }
            else if (c is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] is ' ' or '\t')
            {
                containers++;
                i += 2;
            }
            else if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < line.Length && char.IsAsciiDigit(line[end]))
                {
                    end++;
                }

                if (end >= line.Length || line[end] is not ('.' or ')'))
                {
                    break;
                }

                containers++;
                i = end + 1;
            }
            else if (c is ' ' or '\t')
            {
                i++;
            }
            else
            {
                break;
            }
        }

        if (containers > MaxNesting)
        {
            return true;
        }

        int square = 0, round = 0;
        foreach (var c in line)
        {
            square = c switch { '[' => square + 1, ']' => Math.Max(0, square - 1), _ => square };
            round = c switch { '(' => round + 1, ')' => Math.Max(0, round - 1), _ => round };
            if (square > MaxNesting || round > MaxNesting)
            {
                return true;
            }
        }

        return false;
    }

    private static string Notice() =>
        $"<p class=\"{UnrenderableClass}\">{Encode(Texts.GetString("Unrenderable", CultureInfo.CurrentUICulture) ?? "—")}</p>";

    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    // Explicit embeddings, overrides and isolates would let a text reorder what follows it ("evil.exe" shown as
    // "exe.live"); each block already takes its direction from its own text (dir="auto"), so they are not needed.
    private static string StripBidiControls(string text) => BidiControls().Replace(text, string.Empty);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedElements, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(AllowedStyleProperties, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.KeepChildNodes = false;
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                Restrict(element);
            }
        };
        return sanitizer;
    }

    private static void Restrict(IElement element)
    {
        if (element.GetAttribute("class") is { } classes)
        {
            var kept = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(IsAllowedClass).ToList();
            if (kept.Count == 0)
            {
                element.RemoveAttribute("class");
            }
            else
            {
                element.SetAttribute("class", string.Join(' ', kept));
            }
        }

        // Only an alignment survives as style, and only with a plain keyword.
        if (element.GetAttribute("style") is { } style)
        {
            var alignment = AlignmentStyle().Match(style);
            if (alignment.Success && AllowedAlignments.Contains(alignment.Groups[1].Value))
            {
                element.SetAttribute("style", $"text-align: {alignment.Groups[1].Value.ToLowerInvariant()}");
            }
            else
            {
                element.RemoveAttribute("style");
            }
        }

        // Ids and in-page links get a prefix, so a heading cannot take the id of an element of the page around it.
        if (element.GetAttribute("id") is { } id)
        {
            element.SetAttribute("id", IdPrefix + id);
        }

        if (element.LocalName == "a" && element.GetAttribute("href") is { } href)
        {
            if (href.StartsWith('#'))
            {
                element.SetAttribute("href", "#" + IdPrefix + href[1..]);
            }
            else
            {
                element.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        }

        if (DirectionalBlocks.Contains(element.LocalName))
        {
            element.SetAttribute("dir", "auto");
        }
    }

    [GeneratedRegex(@"^\s*text-align\s*:\s*([a-z]+)\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlignmentStyle();

    [GeneratedRegex(@"^language-[A-Za-z0-9_+#.-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageClass();

    [GeneratedRegex("[\u202A-\u202E\u2066-\u2069]", RegexOptions.CultureInvariant)]
    private static partial Regex BidiControls();

    private enum Scope
    {
        Document,
        Paragraph,
        Line,
    }

    // A task list item shows a check mark rather than a disabled <input>: rendered markdown holds no form controls.
    private sealed class CheckMarkRenderer : HtmlObjectRenderer<TaskList>
    {
        protected override void Write(HtmlRenderer renderer, TaskList obj) =>
            renderer.Write("<span class=\"task-list-check\">").Write(obj.Checked ? "\u2611" : "\u2610").Write("</span> ");
    }
}
