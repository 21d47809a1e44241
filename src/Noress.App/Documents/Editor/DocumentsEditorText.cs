namespace Noress.App.Documents.Editor;

/// <summary>Marker for the document pages' and editor's strings (DocumentsEditorText.resx is French, the default).</summary>
public sealed class DocumentsEditorText
{
}
