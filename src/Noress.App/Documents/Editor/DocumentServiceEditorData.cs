#if NORESS_DOCUMENT_SERVER
using System.Security.Claims;

namespace Noress.App.Documents.Editor;

/// <summary>The document pages' data from the documents feature's services.</summary>
public sealed class DocumentServiceEditorData(DocumentService documents, DocumentSuggestionService suggestions) : IDocumentEditorData
{
    public async Task<IReadOnlyList<EditorDocumentSummary>> ListAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        (await documents.ListAsync(principal, cancellationToken))
            .Select(d => new EditorDocumentSummary(d.Id, d.Title, (EditorRight)d.Right, d.Version, d.CreatedAt))
            .ToList();

    public Task<bool> CanCreateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        documents.CanCreateAsync(principal, DocumentSpaceKind.Platform, null, cancellationToken);

    public Task<Guid> CreateAsync(ClaimsPrincipal principal, string title, string initialText, CancellationToken cancellationToken = default) =>
        documents.CreateAsync(principal, DocumentSpaceKind.Platform, null, title, initialText, cancellationToken);

    public async Task<EditorDocument?> GetAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken = default) =>
        await documents.GetAsync(principal, id, cancellationToken) is { } d
            ? new EditorDocument(d.Id, d.Title, d.Text, d.Version, (EditorRight)d.Right)
            : null;

    public string RenderPreview(string markdown) => DocumentPreview.RenderPreview(markdown);

    public async Task<IReadOnlyList<EditorSuggestion>> ListSuggestionsAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default) =>
        (await suggestions.ListOpenAsync(principal, documentId, cancellationToken))
            .Select(s => new EditorSuggestion(s.Id, s.AuthorName, s.CreatedAt, s.Excerpt))
            .ToList();

    public Task<string?> AcceptSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default) =>
        suggestions.AcceptAsync(principal, documentId, suggestionId, cancellationToken);

    public Task<string?> RejectSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default) =>
        suggestions.RejectAsync(principal, documentId, suggestionId, cancellationToken);
}
#endif
