using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Documents.History;

using Noress.App.Shared.Operations;

namespace Noress.App.Documents;

/// <summary>Consecutive updates by one person without a pause longer than <see cref="DocumentHistoryService.Pause"/>.</summary>
public sealed record DocumentRevision(int FromVersion, int ToVersion, Guid UserId, string UserName, DateTime Start, DateTime End, int UpdateCount);

public enum DiffLineKind
{
    Unchanged,
    Inserted,
    Deleted,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>The text at a version with who wrote each surviving character, and the authors' names.</summary>
public sealed record AuthoredText(int Version, string Text, IReadOnlyList<AuthorSpan> Spans, IReadOnlyDictionary<Guid, string> Authors);

public sealed record DocumentLabelItem(Guid Id, int Version, string Label, string TextHash, DateTime CreatedAt);

/// <summary>History: revisions, text at any version, line diffs, restore as a new update, labelled versions.</summary>
public sealed class DocumentHistoryService(
    IDbContextFactory<NoressDbContext> dbFactory,
    DocumentService documents,
    DocumentAuthority authority,
    DocumentBroadcaster broadcaster,
    TimeProvider clock,
    Refusals<DocumentsText> refuse)
{
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<DocumentRevision>> ListRevisionsAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(principal, documentId, DocumentRight.Read, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updates = await db.DocumentUpdates.AsNoTracking()
            .Where(u => u.DocumentId == documentId)
            .OrderBy(u => u.Version)
            .Select(u => new RevisionPoint(u.Version, u.UserId, u.At))
            .ToListAsync(cancellationToken);
        var revisions = GroupRevisions(updates);
        var userIds = revisions.Select(r => r.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return revisions.Select(r => r with { UserName = names.GetValueOrDefault(r.UserId, string.Empty) }).ToList();
    }

    /// <summary>Groups updates into revisions by author and pause (pure; names left empty).</summary>
    public static IReadOnlyList<DocumentRevision> GroupRevisions(IReadOnlyList<RevisionPoint> updates)
    {
        var revisions = new List<DocumentRevision>();
        foreach (var update in updates)
        {
            if (revisions.Count > 0 && revisions[^1] is var last && last.UserId == update.UserId && update.At - last.End <= Pause)
            {
                revisions[^1] = last with { ToVersion = update.Version, End = update.At, UpdateCount = last.UpdateCount + 1 };
            }
            else
            {
                revisions.Add(new DocumentRevision(update.Version, update.Version, update.UserId, string.Empty, update.At, update.At, 1));
            }
        }

        return revisions;
    }

    public async Task<string> GetTextAtAsync(ClaimsPrincipal principal, Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        await RequireAsync(principal, documentId, DocumentRight.Read, cancellationToken);
        return await TextAtAsync(dbFactory, documentId, version, cancellationToken);
    }

    /// <summary>The text at <paramref name="version"/>: the latest snapshot at or before it, then the updates up to it.</summary>
    internal static async Task<string> TextAtAsync(IDbContextFactory<NoressDbContext> dbFactory, Guid documentId, int version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await db.DocumentSnapshots.AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.Version <= version)
            .OrderByDescending(s => s.Version)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new KeyNotFoundException($"Document {documentId} has no snapshot at or before {version}.");
        var updates = await db.DocumentUpdates.AsNoTracking()
            .Where(u => u.DocumentId == documentId && u.Version > snapshot.Version && u.Version <= version)
            .OrderBy(u => u.Version)
            .Select(u => u.ChangesJson)
            .ToListAsync(cancellationToken);
        var buffer = new TextBuffer(snapshot.Text);
        foreach (var changes in updates)
        {
            ChangeSet.Parse(changes).ApplyTo(buffer);
        }

        return buffer.ToString();
    }

    /// <summary>The text at <paramref name="version"/> with its authorship, replayed from the creation (the creator wrote the initial text).</summary>
    public async Task<AuthoredText> GetAuthorshipAsync(ClaimsPrincipal principal, Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        var access = await RequireAsync(principal, documentId, DocumentRight.Read, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var initial = await db.DocumentSnapshots.AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.Version == 0)
            .Select(s => s.Text)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new KeyNotFoundException($"Document {documentId} has no initial snapshot.");
        var updates = await db.DocumentUpdates.AsNoTracking()
            .Where(u => u.DocumentId == documentId && u.Version <= version)
            .OrderBy(u => u.Version)
            .Select(u => new { u.Version, u.UserId, u.ChangesJson })
            .ToListAsync(cancellationToken);
        var buffer = new TextBuffer(initial);
        var map = new AuthorshipMap(initial.Length, access.Document.CreatedById);
        foreach (var update in updates)
        {
            var changes = ChangeSet.Parse(update.ChangesJson);
            map.Apply(changes, update.UserId);
            changes.ApplyTo(buffer);
        }

        var spans = map.Spans();
        var authorIds = spans.Select(s => s.AuthorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return new AuthoredText(updates.Count > 0 ? updates[^1].Version : 0, buffer.ToString(), spans, names);
    }

    public async Task<IReadOnlyList<DiffLine>> DiffAsync(ClaimsPrincipal principal, Guid documentId, int fromVersion, int toVersion, CancellationToken cancellationToken = default)
    {
        await RequireAsync(principal, documentId, DocumentRight.Read, cancellationToken);
        var before = await TextAtAsync(dbFactory, documentId, fromVersion, cancellationToken);
        var after = await TextAtAsync(dbFactory, documentId, toVersion, cancellationToken);
        return Diff(before, after);
    }

    /// <summary>A line diff (pure).</summary>
    public static IReadOnlyList<DiffLine> Diff(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        return model.Lines.Select(line => new DiffLine(
            line.Type switch
            {
                ChangeType.Inserted => DiffLineKind.Inserted,
                ChangeType.Deleted => DiffLineKind.Deleted,
                _ => DiffLineKind.Unchanged,
            },
            line.Text ?? string.Empty)).ToList();
    }

    /// <summary>Makes the text of <paramref name="version"/> current again, as a new update by the person (Edit right).</summary>
    public async Task<Outcome<int>> RestoreAsync(ClaimsPrincipal principal, Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        var access = await RequireAsync(principal, documentId, DocumentRight.Edit, cancellationToken);
        var old = await TextAtAsync(dbFactory, documentId, version, cancellationToken);
        // Another person may push between reading the head and pushing: retry on the newer head.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var head = await authority.GetHeadAsync(documentId, cancellationToken) ?? throw new KeyNotFoundException($"Document {documentId} does not exist.");
            var changes = Replacement(head.Text, old);
            if (changes.IsEmpty)
            {
                return Outcome<int>.Done(head.Version);
            }

            var outcome = await authority.PushAsync(documentId, head.Version, [new IncomingUpdate($"restore-{Guid.NewGuid():N}", changes.ToJsonElement())], access.Subject.UserId, cancellationToken);
            if (outcome.Status == PushStatus.Accepted)
            {
                await broadcaster.UpdatesAsync(documentId, outcome.Accepted, outcome.Version, cancellationToken);
                return Outcome<int>.Done(outcome.Version);
            }

            if (outcome.Status != PushStatus.Stale)
            {
                throw new InvalidOperationException($"Restoring version {version} was refused: {outcome.Status}.");
            }
        }

        return refuse["Refusal.TooFast"];
    }

    /// <summary>The smallest single replacement turning <paramref name="from"/> into <paramref name="to"/> (common prefix and suffix kept).</summary>
    public static ChangeSet Replacement(string from, string to)
    {
        var prefix = 0;
        var max = Math.Min(from.Length, to.Length);
        while (prefix < max && from[prefix] == to[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < max - prefix && from[from.Length - 1 - suffix] == to[to.Length - 1 - suffix])
        {
            suffix++;
        }

        return ChangeSet.Of(from.Length, prefix, from.Length - suffix, to[prefix..(to.Length - suffix)]);
    }

    public async Task<Outcome<Guid>> AddLabelAsync(ClaimsPrincipal principal, Guid documentId, int version, string label, CancellationToken cancellationToken = default)
    {
        var access = await RequireAsync(principal, documentId, DocumentRight.Edit, cancellationToken);
        if (string.IsNullOrWhiteSpace(label) || label.Length > 200)
        {
            return refuse["Refusal.Label"];
        }

        var text = await TextAtAsync(dbFactory, documentId, version, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = new DocumentLabel
        {
            DocumentId = documentId,
            DocumentVersion = version,
            Label = label.Trim(),
            TextHash = Hash(text),
            CreatedById = access.Subject.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.DocumentLabels.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(entity.Id);
    }

    public async Task<IReadOnlyList<DocumentLabelItem>> ListLabelsAsync(ClaimsPrincipal principal, Guid documentId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(principal, documentId, DocumentRight.Read, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DocumentLabels.AsNoTracking()
            .Where(l => l.DocumentId == documentId)
            .OrderBy(l => l.DocumentVersion)
            .Select(l => new DocumentLabelItem(l.Id, l.DocumentVersion, l.Label, l.TextHash, l.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The frozen text of a label; throws when the stored history no longer gives the hashed text.</summary>
    public async Task<string> GetLabelTextAsync(ClaimsPrincipal principal, Guid labelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var label = await db.DocumentLabels.AsNoTracking().SingleOrDefaultAsync(l => l.Id == labelId, cancellationToken)
            ?? throw new KeyNotFoundException($"Label {labelId} does not exist.");
        var text = await GetTextAtAsync(principal, label.DocumentId, label.DocumentVersion, cancellationToken);
        return Hash(text) == label.TextHash ? text : throw new InvalidOperationException($"The text of label {labelId} does not match its hash.");
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<DocumentAccess> RequireAsync(ClaimsPrincipal principal, Guid documentId, DocumentRight right, CancellationToken cancellationToken)
    {
        var access = await documents.GetAccessAsync(principal, documentId, cancellationToken)
            ?? throw new KeyNotFoundException($"Document {documentId} does not exist.");
        return access.Right >= right ? access : throw new UnauthorizedAccessException($"The right {right} is needed on document {documentId}.");
    }
}

public sealed record RevisionPoint(int Version, Guid UserId, DateTime At);
