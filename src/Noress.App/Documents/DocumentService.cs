using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Shared.Localization;

using Noress.App.Shared.Operations;

namespace Noress.App.Documents;

public sealed record DocumentListItem(Guid Id, string Title, DocumentSpaceKind SpaceKind, Guid? SpaceId, int Version, DocumentRight Right, DateTime CreatedAt);

/// <summary>A document of one space with its last change and whether it is open to every member.</summary>
public sealed record SpaceDocumentItem(Guid Id, string Title, int Version, DocumentRight Right, DateTime CreatedAt, DateTime LastChangedAt, bool SharedWithNetwork);

public sealed record DocumentView(Guid Id, string Title, DocumentSpaceKind SpaceKind, Guid? SpaceId, int Version, string Text, DocumentRight Right);

/// <summary>A document with the right the person has on it.</summary>
public sealed record DocumentAccess(Document Document, DocumentRight Right, DocumentSubject Subject, string UserName);

/// <summary>Lists, creates and opens documents, checking the person's rights from the space and grants.</summary>
public sealed class DocumentService(
    IDbContextFactory<NoressDbContext> dbFactory,
    DocumentAuthority authority,
    TimeProvider clock,
    Refusals<DocumentsText> refuse,
    IEnumerable<ICallApplicationDocuments> callApplications)
{
    public async Task<IReadOnlyList<DocumentListItem>> ListAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (subject, _) = await LoadSubjectAsync(db, principal, cancellationToken);
        var documents = await db.Documents.AsNoTracking().OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var grants = await db.DocumentPermissions.AsNoTracking().ToListAsync(cancellationToken);
        return documents
            .Select(d => (Document: d, Right: DocumentRights.Resolve(subject, d.SpaceKind, d.SpaceId, d.Id, grants)))
            .Where(x => x.Right >= DocumentRight.Read)
            .Select(x => new DocumentListItem(x.Document.Id, x.Document.Title, x.Document.SpaceKind, x.Document.SpaceId, x.Document.CurrentVersion, x.Right, x.Document.CreatedAt))
            .ToList();
    }

    /// <summary>The documents of one space the person may read, last changed first (a committee's workspace lists its own).</summary>
    public async Task<IReadOnlyList<SpaceDocumentItem>> ListInSpaceAsync(ClaimsPrincipal principal, DocumentSpaceKind spaceKind, Guid spaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (subject, _) = await LoadSubjectAsync(db, principal, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.SpaceKind == spaceKind && d.SpaceId == spaceId).ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.Id).ToList();
        var grants = await db.DocumentPermissions.AsNoTracking()
            .Where(p => (p.DocumentId != null && ids.Contains(p.DocumentId.Value)) || (p.DocumentId == null && p.SpaceKind == spaceKind && p.SpaceId == spaceId))
            .ToListAsync(cancellationToken);
        var changes = (await db.DocumentUpdates.AsNoTracking().Where(u => ids.Contains(u.DocumentId))
            .GroupBy(u => u.DocumentId).Select(g => new { g.Key, At = g.Max(u => u.At) }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Key, c => c.At);
        return [.. documents
            .Select(d => (Document: d, Right: DocumentRights.Resolve(subject, d.SpaceKind, d.SpaceId, d.Id, grants)))
            .Where(x => x.Right >= DocumentRight.Read)
            .Select(x => new SpaceDocumentItem(x.Document.Id, x.Document.Title, x.Document.CurrentVersion, x.Right, x.Document.CreatedAt,
                changes.GetValueOrDefault(x.Document.Id, x.Document.CreatedAt), DocumentRights.IsSharedWithNetwork(x.Document.Id, grants)))
            .OrderByDescending(x => x.LastChangedAt)];
    }

    /// <summary>True when the person may create documents in the space (the space gives them Edit).</summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal principal, DocumentSpaceKind spaceKind, Guid? spaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (subject, _) = await LoadSubjectAsync(db, principal, cancellationToken);
        return DocumentRights.Default(subject, spaceKind, spaceId) == DocumentRight.Edit;
    }

    /// <summary>Creates a document with its first snapshot (version 0); refused unless the space gives the person Edit.</summary>
    public async Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal principal, DocumentSpaceKind spaceKind, Guid? spaceId, string title, string initialText, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (subject, _) = await LoadSubjectAsync(db, principal, cancellationToken);
        if (DocumentRights.Default(subject, spaceKind, spaceId) != DocumentRight.Edit)
        {
            throw new UnauthorizedAccessException("No right to create a document in this space.");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 300)
        {
            return refuse["Refusal.Title"];
        }

        var document = new Document
        {
            Title = title.Trim(),
            SpaceKind = spaceKind,
            SpaceId = spaceKind == DocumentSpaceKind.Platform ? null : spaceId,
            CreatedById = subject.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Documents.Add(document);
        db.DocumentSnapshots.Add(new DocumentSnapshot { DocumentId = document.Id, Version = 0, Text = initialText });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(document.Id);
    }

    /// <summary>The document's current text and version with the person's right; null when absent or not readable.</summary>
    public async Task<DocumentView?> GetAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken = default)
    {
        var access = await GetAccessAsync(principal, id, cancellationToken);
        if (access is null || access.Right < DocumentRight.Read)
        {
            return null;
        }

        var head = await authority.GetHeadAsync(id, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var document = access.Document;
        return new DocumentView(document.Id, document.Title, document.SpaceKind, document.SpaceId, head.Version, head.Text, access.Right);
    }

    /// <summary>The document and the person's right on it (None included); null when the document does not exist.</summary>
    public async Task<DocumentAccess?> GetAccessAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAccessAsync(db, principal, id, cancellationToken);
    }

    /// <summary>
    /// The access, with the <see cref="DocumentRightsStamp"/> value read before the facts it was judged on: while the
    /// value stays current, the judgement stands (ADR 0056).
    /// </summary>
    public async Task<(DocumentAccess? Access, Guid Stamp)> GetStampedAccessAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stamp = await DocumentRightsStamp.ReadAsync(db, cancellationToken);
        return (await GetAccessAsync(db, principal, id, cancellationToken), stamp);
    }

    private async Task<DocumentAccess?> GetAccessAsync(NoressDbContext db, ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var (subject, name) = await LoadSubjectAsync(db, principal, cancellationToken);
        var grants = await db.DocumentPermissions.AsNoTracking()
            .Where(p => p.DocumentId == id || (p.DocumentId == null && p.SpaceKind == document.SpaceKind && p.SpaceId == document.SpaceId))
            .ToListAsync(cancellationToken);
        // The name travels to presence chips, cursor labels and mentions: no bidirectional controls in it (ADR 0012).
        var right = DocumentRights.Resolve(subject, document.SpaceKind, document.SpaceId, id, grants);
        // A frozen record (approved minutes) is read by those who could read it, and changed by no one.
        if (document.FrozenAt is not null && right > DocumentRight.Read)
        {
            right = DocumentRight.Read;
        }

        return new DocumentAccess(document, right, subject, PeopleText.Plain(name));
    }

    // Compiled once (per model): every rights check (each pull of a co-edited document) reads the person, and a compiled
    // query skips building and looking up the query's cache key on each call.
    private static readonly CompiledPerModel<Func<NoressDbContext, Guid, CancellationToken, Task<SubjectRow?>>> ActiveUser = new(() => EF.CompileAsyncQuery(
        (NoressDbContext db, Guid userId, CancellationToken cancellationToken) => db.Users
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new SubjectRow(u.InstitutionId, u.FullName))
            .SingleOrDefault()));

    private sealed record SubjectRow(Guid? InstitutionId, string FullName);

    private async Task<(DocumentSubject Subject, string Name)> LoadSubjectAsync(NoressDbContext db, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        var user = await ActiveUser.For(db)(db, userId, cancellationToken);
        if (user is null)
        {
            return (new DocumentSubject(Guid.Empty, new HashSet<string>(), null, new HashSet<Guid>()), string.Empty);
        }

        // Committee rights follow the committee membership in force today (a position, or the institution seated).
        var committees = await Committees.CommitteeService.CommitteeIdsForAsync(db, userId, user.InstitutionId, Shared.Time.NoressClock.Today(clock), cancellationToken);
        var applications = new Dictionary<Guid, DocumentRight>();
        foreach (var source in callApplications)
        {
            foreach (var (applicationId, right) in await source.RightsAsync(userId, user.InstitutionId, cancellationToken))
            {
                applications[applicationId] = right;
            }
        }

        return (DocumentSubject.From(principal, user.InstitutionId, committees) with { CallApplications = applications }, user.FullName);
    }
}
