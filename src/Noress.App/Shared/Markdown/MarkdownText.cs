namespace Noress.App.Shared.Markdown;

/// <summary>Marker for the markdown renderer's strings (MarkdownText.resx is French, the default).</summary>
public sealed class MarkdownText
{
}
