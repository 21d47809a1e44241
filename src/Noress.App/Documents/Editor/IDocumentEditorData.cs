using System.Security.Claims;

using Noress.App.Shared.Operations;

namespace Noress.App.Documents.Editor;

/// <summary>
/// What the document pages need from the documents feature's services (rights checked there).
/// A seam so the pages are testable with bUnit without a database; DocumentServiceEditorData
/// implements it over DocumentService, SafeMarkdown and DocumentSuggestionService.
/// </summary>
public interface IDocumentEditorData
{
    Task<IReadOnlyList<EditorDocumentSummary>> ListAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>True when the person may create documents in the platform space.</summary>
    Task<bool> CanCreateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Creates a platform document and returns its id.</summary>
    Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal principal, string title, string initialText, CancellationToken cancellationToken = default);

    /// <summary>The document with the person's right; null when it does not exist or is not readable.</summary>
    Task<EditorDocument?> GetAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Sanitized HTML of the markdown, with dir="auto" on every block.</summary>
    string RenderPreview(string markdown);

    /// <summary>Open suggestions of a document, for people who may accept them.</summary>
    Task<IReadOnlyList<EditorSuggestion>> ListSuggestionsAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Accepts a suggestion (applied as a normal update); null on success, else a localized reason.</summary>
    Task<string?> AcceptSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default);

    /// <summary>Rejects a suggestion; null on success, else a localized reason.</summary>
    Task<string?> RejectSuggestionAsync(ClaimsPrincipal principal, Guid documentId, Guid suggestionId, CancellationToken cancellationToken = default);
}

/// <summary>A person's right on a document, ordered like the hub's "Right" strings.</summary>
public enum EditorRight
{
    None,
    Read,
    Comment,
    Suggest,
    Edit,
}

public sealed record EditorDocumentSummary(Guid Id, string Title, EditorRight Right, int Version, DateTime CreatedAt);

public sealed record EditorDocument(Guid Id, string Title, string Text, int Version, EditorRight Right);

/// <summary>An open suggestion; Excerpt says what it changes, in a few words.</summary>
/// <summary>A pending suggestion as the page lists it; <paramref name="IsMine"/> lets its author withdraw it.</summary>
public sealed record EditorSuggestion(Guid Id, string AuthorName, DateTime CreatedAt, string Excerpt, bool IsMine = false);
