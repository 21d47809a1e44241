using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Noress.App.Shared.Markdown;
using Noress.App.Shared.Operations;

namespace Noress.App.Documents.Editor;

/// <summary>The document pages' data from the documents feature's services.</summary>
public sealed class DocumentServiceEditorData(
    DocumentService documents,
    DocumentSuggestionService suggestions,
    IStringLocalizer<DocumentsEditorText> texts) : IDocumentEditorData
{
    public async Task<IReadOnlyList<EditorDocumentSummary>> ListAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        (await documents.ListAsync(principal, cancellationToken))
            .Select(d => new EditorDocumentSummary(d.Id, d.Title, (EditorRight)d.Right, d.Version, d.CreatedAt))
            .ToList();

    public Task<bool> CanCreateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        documents.CanCreateAsync(principal, DocumentSpaceKind.Platform, null, cancellationToken);

    public Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal principal, string title, string initialText, CancellationToken cancellationToken = default) =>
        documents.CreateAsync(principal, DocumentSpaceKind.Platform, null, title, initialText, cancellationToken);

    public async Task<EditorDocument?> GetAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken = default) =>
        await documents.GetAsync(principal, id, cancellationToken) is { } d
            ? new EditorDocument(d.Id, d.Title, d.Text, d.Version, (EditorRight)d.Right)
            : null;

    public string RenderPreview(string markdown) => SafeMarkdown.ToHtml(markdown);

    public async Task<IReadOnlyList<EditorSuggestion>> ListSuggestionsAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default)
    {
        var me = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return (await suggestions.ListPendingAsync(principal, documentId, cancellationToken))
            .Select(s => new EditorSuggestion(s.Id, s.AuthorName, s.CreatedAt, SuggestionExcerpt.From(s.ChangesJson), s.AuthorId == me))
            .ToList();
    }

    public async Task<string?> AcceptSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default)
    {
        try
        {
            var outcome = await suggestions.AcceptAsync(principal, suggestionId, cancellationToken);
            return outcome.Error ?? (outcome.Value == SuggestionDecision.Conflicted ? texts["Suggestions.Conflicted"].Value : null);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or UnauthorizedAccessException)
        {
            return texts["Suggestions.Failed"].Value;
        }
    }

    public async Task<string?> RejectSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await suggestions.RejectAsync(principal, suggestionId, cancellationToken)).Error;
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or UnauthorizedAccessException)
        {
            return texts["Suggestions.Failed"].Value;
        }
    }
}
