using Ganss.Xss;
using Markdig;

namespace Noress.App.Members.Mou;

/// <summary>Renders the memorandum's markdown to HTML that is safe to show: raw HTML is disabled, then sanitised.</summary>
public static class MouMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = new();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
