using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Noress.App.Shared.Markdown;

namespace Noress.Tests.Shared.Markdown;

/// <summary>
/// Judges rendered markdown by the DOM a browser builds from it, placed in a container with a sentinel after it:
/// what the page would really hold, not what the HTML string looks like.
/// </summary>
public static class MarkdownDom
{
    private static readonly string[] ForbiddenElements =
    [
        "script", "style", "form", "input", "button", "select", "textarea", "option", "iframe", "frame", "frameset", "object",
        "embed", "applet", "svg", "math", "link", "meta", "base", "template", "noscript", "video", "audio", "source", "canvas",
        "dialog", "details", "marquee", "portal",
    ];

    private static readonly string[] AllowedSchemes = ["http:", "https:", "mailto:"];

    /// <summary>Parses the HTML inside a container followed by a sentinel paragraph; returns the container.</summary>
    public static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(
            $"<!DOCTYPE html><html><body><div id=\"container\">{html}</div><p id=\"after\">SENTINEL</p></body></html>");
        return document.GetElementById("container") ?? throw new InvalidOperationException("No container.");
    }

    /// <summary>Every rule of ADR 0009 on the DOM of one rendering; the message names the input.</summary>
    public static void AssertContained(string markdown, string html)
    {
        var container = Parse(html);
        var document = container.Owner!;
        var where = $"for input {Describe(markdown)}";

        // Nothing swallowed the rest of the page, and nothing left the container.
        var after = document.GetElementById("after");
        Assert.True(after is not null && after.ParentElement == document.Body && after.TextContent == "SENTINEL", $"The content after the markdown was swallowed {where}.");
        Assert.True(document.Body!.Children.Length == 2, $"The rendering put elements outside its container {where}.");

        foreach (var element in container.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            Assert.False(ForbiddenElements.Contains(name), $"<{name}> rendered {where}.");
            Assert.True(SafeMarkdown.AllowedElements.Contains(name), $"<{name}> is outside the element allow-list {where}.");
            Assert.True(element.NamespaceUri == "http://www.w3.org/1999/xhtml", $"<{name}> is in foreign content {where}.");

            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.Name.ToLowerInvariant();
                Assert.False(attributeName.StartsWith("on", StringComparison.Ordinal), $"Event handler {attributeName} on <{name}> {where}.");
                Assert.True(SafeMarkdown.AllowedAttributes.Contains(attributeName) || attributeName == "rel", $"Attribute {attributeName} on <{name}> {where}.");
            }

            foreach (var url in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>())
            {
                AssertSafeUrl(url, $"on <{name}> {where}");
            }

            if (element.GetAttribute("style") is { } style)
            {
                Assert.DoesNotContain("position", style, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("z-index", style, StringComparison.OrdinalIgnoreCase);
                Assert.Matches("^text-align: (left|right|center|justify|start|end)$", style);
            }

            foreach (var cssClass in element.ClassList)
            {
                Assert.True(SafeMarkdown.IsAllowedClass(cssClass), $"Class {cssClass} on <{name}> {where}.");
            }

            if (element.GetAttribute("id") is { } id)
            {
                Assert.True(id.StartsWith("md-", StringComparison.Ordinal), $"Unprefixed id {id} {where}.");
            }
        }

        Assert.DoesNotMatch("[\u202A-\u202E\u2066-\u2069]", container.TextContent);
    }

    private static void AssertSafeUrl(string url, string where)
    {
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
        var compact = new string(url.Where(c => c > ' ').ToArray()).ToLowerInvariant();
        Assert.False(compact.Contains("javascript:", StringComparison.Ordinal), $"javascript: URL {url} {where}.");
        Assert.False(compact.Contains("vbscript:", StringComparison.Ordinal), $"vbscript: URL {url} {where}.");
        Assert.False(compact.StartsWith("data:", StringComparison.Ordinal), $"data: URL {url} {where}.");
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstSeparator = compact.IndexOfAny(['/', '?', '#']);
        if (colon >= 0 && (firstSeparator < 0 || colon < firstSeparator))
        {
            Assert.True(AllowedSchemes.Any(s => compact.StartsWith(s, StringComparison.Ordinal)), $"URL scheme of {url} {where}.");
        }
    }

    private static string Describe(string markdown) =>
        markdown.Length <= 120 ? $"\"{markdown}\"" : $"\"{markdown[..60]}…{markdown[^40..]}\" ({markdown.Length} chars)";
}
