using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Documents;

/// <summary>
/// What another feature may do to documents from inside its own transaction, where no person's rights apply: a
/// session's minutes are written at the close, opened to the body's members, then frozen and labelled when a
/// vote approves them (ADR 0025). Only Documents writes its tables; callers save the context they pass.
/// </summary>
public static class DocumentRecords
{
    /// <summary>Adds a document and its first snapshot (version 0) to <paramref name="db"/>.</summary>
    public static Document Add(NoressDbContext db, DocumentSpaceKind spaceKind, Guid? spaceId, string title, string text, Guid createdById, DateTime now)
    {
        var document = new Document
        {
            Title = title.Length > 300 ? title[..300] : title,
            SpaceKind = spaceKind,
            SpaceId = spaceKind == DocumentSpaceKind.Platform ? null : spaceId,
            CreatedById = createdById,
            CreatedAt = now,
        };
        db.Documents.Add(document);
        db.DocumentSnapshots.Add(new DocumentSnapshot { DocumentId = document.Id, Version = 0, Text = text });
        return document;
    }

    /// <summary>Gives <paramref name="principal"/> <paramref name="right"/> on one document.</summary>
    public static void Grant(NoressDbContext db, Guid documentId, DocumentPrincipalKind kind, string principal, DocumentRight right) =>
        db.DocumentPermissions.Add(new DocumentPermission { DocumentId = documentId, PrincipalKind = kind, Principal = principal, Right = right });

    /// <summary>The titles of documents, by id (the caller shows them only to people who may read them).</summary>
    public static async Task<Dictionary<Guid, string>> TitlesAsync(NoressDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);

    /// <summary>Gives every member at least <paramref name="right"/> on one document (raising an existing Member grant, never lowering it).</summary>
    public static async Task OpenToMembersAsync(NoressDbContext db, Guid documentId, DocumentRight right, CancellationToken ct)
    {
        var grant = await db.DocumentPermissions.SingleOrDefaultAsync(
            p => p.DocumentId == documentId && p.PrincipalKind == DocumentPrincipalKind.Role && p.Principal == Accounts.Roles.Member, ct);
        if (grant is null)
        {
            Grant(db, documentId, DocumentPrincipalKind.Role, Accounts.Roles.Member, right);
        }
        else if (grant.Right < right)
        {
            grant.Right = right;
        }
    }

    /// <summary>Freezes the documents (everyone may then only read them), or thaws them with null.</summary>
    public static async Task FreezeAsync(NoressDbContext db, IReadOnlyCollection<Guid> documentIds, DateTime? frozenAt, CancellationToken ct)
    {
        foreach (var document in await db.Documents.Where(d => documentIds.Contains(d.Id)).ToListAsync(ct))
        {
            document.FrozenAt = frozenAt;
        }
    }

    /// <summary>Labels the document's current version (hash of its text), to be saved by the caller; returns the label, the title and the text.</summary>
    public static async Task<(DocumentLabel Label, string Title, string Text)> LabelHeadAsync(NoressDbContext db, DocumentAuthority authority, Guid documentId, string label, Guid createdById, DateTime now, CancellationToken ct)
    {
        var head = await authority.GetHeadAsync(documentId, ct) ?? throw new InvalidOperationException($"Document {documentId} has no text.");
        var title = await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Title).SingleAsync(ct);
        var entity = new DocumentLabel
        {
            DocumentId = documentId,
            DocumentVersion = head.Version,
            Label = label,
            TextHash = DocumentHistoryService.Hash(head.Text),
            CreatedById = createdById,
            CreatedAt = now,
        };
        db.DocumentLabels.Add(entity);
        return (entity, title, head.Text);
    }
}
