namespace Noress.App.Documents;

/// <summary>Marker for the documents feature's strings (DocumentsText.resx is French, the default).</summary>
public sealed class DocumentsText
{
}
