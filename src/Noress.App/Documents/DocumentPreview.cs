using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Noress.App.Documents;

/// <summary>Markdown to safe HTML for the live preview: no script, no event handlers, no javascript: or data: URLs.</summary>
public static class DocumentPreview
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // French and Arabic paragraphs mix in one text: each block takes its direction from its own first strong letter.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption", "div", "ul", "ol", "table",
    };

    public static string RenderPreview(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
        return CreateSanitizer().Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("dir");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && Blocks.Contains(element.LocalName))
            {
                element.SetAttribute("dir", "auto");
            }
        };
        return sanitizer;
    }
}
