using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Data;
using Noress.App.Documents.Editor;
using Noress.App.Notifications;

using Noress.App.Shared.Operations;

namespace Noress.App.Documents;

/// <summary>A pending suggestion with its changes mapped to the document at <see cref="Version"/> (for tracked-change display).</summary>
public sealed record SuggestionItem(Guid Id, Guid AuthorId, string AuthorName, DateTime CreatedAt, SuggestionStatus Status, int Version, string ChangesJson);

public enum SuggestionDecision
{
    Accepted,
    Rejected,
    Conflicted,
}

/// <summary>
/// Suggestion mode: a change proposed on a version, accepted (applied as a normal update by the acceptor) or rejected;
/// its author is notified of the decision (in the same save), as a mention notifies the person mentioned.
/// </summary>
public sealed class DocumentSuggestionService(
    IDbContextFactory<NoressDbContext> dbFactory,
    DocumentService documents,
    DocumentAuthority authority,
    DocumentBroadcaster broadcaster,
    NotificationService notifications,
    IStringLocalizer<DocumentsText> text,
    TimeProvider clock,
    Refusals<DocumentsText> refuse)
{
    /// <summary>Stores a suggestion made on <paramref name="baseVersion"/> (Suggest right); the changes must fit that version's text.</summary>
    public async Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal principal, Guid documentId, int baseVersion, string changesJson, CancellationToken cancellationToken = default)
    {
        var access = await RequireAsync(principal, documentId, DocumentRight.Suggest, cancellationToken);
        var changes = ChangeSet.Parse(changesJson);
        var text = await DocumentHistoryService.TextAtAsync(dbFactory, documentId, baseVersion, cancellationToken);
        if (changes.Length != text.Length || changes.IsEmpty)
        {
            return refuse["Refusal.SuggestionStale"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suggestion = new Suggestion
        {
            DocumentId = documentId,
            BaseVersion = baseVersion,
            ChangesJson = changes.ToJson(),
            AuthorId = access.Subject.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = SuggestionStatus.Pending,
        };
        db.DocumentSuggestions.Add(suggestion);
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.AnnotationsChangedAsync(documentId, cancellationToken);
        return Outcome<Guid>.Done(suggestion.Id);
    }

    /// <summary>Pending suggestions mapped to the current version.</summary>
    public async Task<IReadOnlyList<SuggestionItem>> ListPendingAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(principal, documentId, DocumentRight.Read, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.DocumentSuggestions.AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.Status == SuggestionStatus.Pending)
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return [];
        }

        var authorIds = pending.Select(s => s.AuthorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var updates = await authority.PullAsync(documentId, pending.Min(s => s.BaseVersion), cancellationToken);
        return pending.Select(s =>
        {
            var (mapped, version) = MapOver(ChangeSet.Parse(s.ChangesJson), s.BaseVersion, updates);
            return new SuggestionItem(s.Id, s.AuthorId, names.GetValueOrDefault(s.AuthorId, string.Empty), s.CreatedAt, s.Status, version, mapped.ToJson());
        }).ToList();
    }

    /// <summary>
    /// Applies the suggestion, mapped over the updates since its version, as an update by the acceptor (Edit right).
    /// When later edits changed the text it replaces, it is marked <see cref="SuggestionStatus.Conflicted"/> instead.
    /// </summary>
    public async Task<Outcome<SuggestionDecision>> AcceptAsync(ClaimsPrincipal principal, Guid suggestionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suggestion = await db.DocumentSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken)
            ?? throw new KeyNotFoundException($"Suggestion {suggestionId} does not exist.");
        var access = await RequireAsync(principal, suggestion.DocumentId, DocumentRight.Edit, cancellationToken);
        if (suggestion.Status != SuggestionStatus.Pending)
        {
            return refuse["Refusal.SuggestionDecided"];
        }

        var original = ChangeSet.Parse(suggestion.ChangesJson);
        var baseText = await DocumentHistoryService.TextAtAsync(dbFactory, suggestion.DocumentId, suggestion.BaseVersion, cancellationToken);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var head = await authority.GetHeadAsync(suggestion.DocumentId, cancellationToken) ?? throw new KeyNotFoundException("The document is gone.");
            var updates = await authority.PullAsync(suggestion.DocumentId, suggestion.BaseVersion, cancellationToken);
            var (mapped, version) = MapOver(original, suggestion.BaseVersion, updates);
            if (version != head.Version)
            {
                continue;
            }

            if (IsConflicted(original, baseText, mapped, head.Text))
            {
                Decide(suggestion, SuggestionStatus.Conflicted, access.Subject.UserId, null);
                var toldOfConflict = await NotifyAuthorAsync(db, access, suggestion, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await PublishAsync(toldOfConflict, suggestion.AuthorId, cancellationToken);
                await broadcaster.AnnotationsChangedAsync(suggestion.DocumentId, cancellationToken);
                return Outcome<SuggestionDecision>.Done(SuggestionDecision.Conflicted);
            }

            var outcome = await authority.PushAsync(
                suggestion.DocumentId, head.Version, [new IncomingUpdate($"suggestion-{suggestion.Id:N}", mapped.ToJsonElement())], access.Subject.UserId, cancellationToken);
            if (outcome.Status == PushStatus.Stale)
            {
                continue;
            }

            if (outcome.Status != PushStatus.Accepted)
            {
                throw new InvalidOperationException($"Applying suggestion {suggestionId} was refused: {outcome.Status}.");
            }

            Decide(suggestion, SuggestionStatus.Accepted, access.Subject.UserId, outcome.Version);
            var told = await NotifyAuthorAsync(db, access, suggestion, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await PublishAsync(told, suggestion.AuthorId, cancellationToken);
            await broadcaster.UpdatesAsync(suggestion.DocumentId, outcome.Accepted, outcome.Version, cancellationToken);
            await broadcaster.AnnotationsChangedAsync(suggestion.DocumentId, cancellationToken);
            return Outcome<SuggestionDecision>.Done(SuggestionDecision.Accepted);
        }

        return refuse["Refusal.TooFast"];
    }

    /// <summary>Rejects a pending suggestion (Edit right), or withdraws it when its author calls (Read right is enough).</summary>
    public async Task<Outcome<Guid>> RejectAsync(ClaimsPrincipal principal, Guid suggestionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suggestion = await db.DocumentSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken)
            ?? throw new KeyNotFoundException($"Suggestion {suggestionId} does not exist.");
        var access = await RequireAsync(principal, suggestion.DocumentId, DocumentRight.Read, cancellationToken);
        if (access.Right < DocumentRight.Edit && access.Subject.UserId != suggestion.AuthorId)
        {
            throw new UnauthorizedAccessException($"Only an editor or its author may set suggestion {suggestionId} aside.");
        }

        if (suggestion.Status != SuggestionStatus.Pending)
        {
            return refuse["Refusal.SuggestionDecided"];
        }

        Decide(suggestion, SuggestionStatus.Rejected, access.Subject.UserId, null);
        var told = await NotifyAuthorAsync(db, access, suggestion, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(told, suggestion.AuthorId, cancellationToken);
        await broadcaster.AnnotationsChangedAsync(suggestion.DocumentId, cancellationToken);
        return Outcome<Guid>.Done(suggestion.Id);
    }

    /// <summary>Maps changes made on <paramref name="version"/> over the later updates (pure).</summary>
    public static (ChangeSet Changes, int Version) MapOver(ChangeSet changes, int version, IReadOnlyList<AcceptedUpdate> updates)
    {
        foreach (var update in updates.Where(u => u.Version > version))
        {
            changes = changes.Map(update.Changes);
            version = update.Version;
        }

        return (changes, version);
    }

    /// <summary>True when a range the suggestion replaces no longer holds the same text after mapping (pure).</summary>
    public static bool IsConflicted(ChangeSet original, string baseText, ChangeSet mapped, string currentText)
    {
        var replaced = new List<string>();
        original.IterateChanges((fromA, toA, _, _, _) => replaced.Add(baseText[fromA..toA]));
        var now = new List<string>();
        mapped.IterateChanges((fromA, toA, _, _, _) => now.Add(currentText[fromA..toA]));
        return !replaced.SequenceEqual(now, StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds the author's notification of the decision to <paramref name="db"/> (saved with the decision); false when the
    /// author decided themselves (a withdrawal tells nobody).
    /// </summary>
    private async Task<bool> NotifyAuthorAsync(NoressDbContext db, DocumentAccess access, Suggestion suggestion, CancellationToken cancellationToken)
    {
        if (suggestion.AuthorId == access.Subject.UserId)
        {
            return false;
        }

        var key = suggestion.Status switch
        {
            SuggestionStatus.Accepted => "SuggestionAcceptedTitle",
            SuggestionStatus.Conflicted => "SuggestionConflictedTitle",
            _ => "SuggestionRejectedTitle",
        };
        await notifications.AddAsync(
            db, suggestion.AuthorId, NotificationCategories.Documents, text[key, access.UserName, access.Document.Title],
            SuggestionExcerpt.From(suggestion.ChangesJson), $"/documents/{suggestion.DocumentId}", cancellationToken);
        return true;
    }

    private Task PublishAsync(bool told, Guid authorId, CancellationToken cancellationToken) =>
        told ? notifications.PublishChangedAsync(authorId, cancellationToken) : Task.CompletedTask;

    private void Decide(Suggestion suggestion, SuggestionStatus status, Guid userId, int? appliedVersion)
    {
        suggestion.Status = status;
        suggestion.DecidedById = userId;
        suggestion.DecidedAt = clock.GetUtcNow().UtcDateTime;
        suggestion.AppliedVersion = appliedVersion;
    }

    private async Task<DocumentAccess> RequireAsync(ClaimsPrincipal principal, Guid documentId, DocumentRight right, CancellationToken cancellationToken)
    {
        var access = await documents.GetAccessAsync(principal, documentId, cancellationToken)
            ?? throw new KeyNotFoundException($"Document {documentId} does not exist.");
        return access.Right >= right ? access : throw new UnauthorizedAccessException($"The right {right} is needed on document {documentId}.");
    }
}
