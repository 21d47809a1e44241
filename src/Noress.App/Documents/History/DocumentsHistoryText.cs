namespace Noress.App.Documents.History;

/// <summary>Marker for the history, comments and export strings (DocumentsHistoryText.resx is French, the default).</summary>
public sealed class DocumentsHistoryText
{
}
