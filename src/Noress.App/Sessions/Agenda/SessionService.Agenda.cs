using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Sessions.Agenda;
using Noress.App.Shared.Operations;

namespace Noress.App.Sessions;

/// <summary>A session as the list shows it.</summary>
public sealed record SessionListItem(Guid Id, string Title, SessionBody Body, Guid? CommitteeId, string? Place, DateTime StartsAt, DateTime EndsAt, SessionState State, int Convocation);

/// <summary>A document attached to an agenda item; <paramref name="Title"/> is null when the caller may not read it.</summary>
public sealed record AgendaDocumentLink(Guid Id, Guid AgendaItemId, Guid DocumentId, string? Title);

/// <summary>An institution with a vote in the session, for choosing grantors and holders.</summary>
public sealed record SessionInstitution(Guid Id, string Acronym, string Name);

// The secretariat's preparation of a session: what members see in the list, the agenda's edits and its documents.
public sealed partial class SessionService
{
    /// <summary>
    /// The sessions the caller may follow: the secretariat sees all; a member sees the plenary sessions and the
    /// meetings of the committees they belong to today, once convened (drafts are the secretariat's work).
    /// </summary>
    public async Task<IReadOnlyList<SessionListItem>> ListVisibleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Session>().AsNoTracking();
        if (!await access.IsSecretariatAsync(user))
        {
            var committees = await CommitteesOfAsync(db, user, ct);
            query = query.Where(s => s.State != SessionState.Draft
                && (s.Body == SessionBody.Plenary || (s.CommitteeId != null && committees.Contains(s.CommitteeId.Value))));
        }

        var rows = await query.Select(s => new SessionListItem(s.Id, s.Title, s.Body, s.CommitteeId, s.Place, s.StartsAt, s.EndsAt, s.State, s.Convocation)).ToListAsync(ct);
        return [.. rows.OrderByDescending(s => s.StartsAt)];
    }

    /// <summary>Whether the caller may see the session (the same rule as <see cref="ListVisibleAsync"/>).</summary>
    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, Session session, CancellationToken ct)
    {
        if (await access.IsSecretariatAsync(user))
        {
            return true;
        }

        if (session.State == SessionState.Draft)
        {
            return false;
        }

        if (session.Body == SessionBody.Plenary)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return session.CommitteeId is { } committee && (await CommitteesOfAsync(db, user, ct)).Contains(committee);
    }

    /// <summary>The institutions with a vote in the session, by acronym.</summary>
    public async Task<IReadOnlyList<SessionInstitution>> VotingInstitutionsAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return [];
        }

        var ids = await SessionBodies.VotingInstitutionsAsync(db, session, ct);
        var rows = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new SessionInstitution(i.Id, i.Acronym, i.NameFr)).ToListAsync(ct);
        return [.. rows.OrderBy(i => i.Acronym, StringComparer.Ordinal)];
    }

    /// <summary>Changes an item's kind, title or duration, before the session opens.</summary>
    public async Task<Outcome<Guid>> UpdateAgendaItemAsync(ClaimsPrincipal user, Guid itemId, AgendaItemKind kind, string title, int estimatedMinutes, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        title = (title ?? string.Empty).Trim();
        if (AgendaInputError(kind, title, estimatedMinutes) is { } error)
        {
            return refuse[error];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<AgendaItem>().SingleOrDefaultAsync(a => a.Id == itemId, ct);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        var session = await db.Set<Session>().SingleAsync(s => s.Id == item.SessionId, ct);
        if (session.State is not (SessionState.Draft or SessionState.Convened))
        {
            return refuse["Error.AgendaFrozen"];
        }

        (item.Kind, item.Title, item.EstimatedMinutes) = (kind, title, estimatedMinutes);
        db.Entry(session).State = EntityState.Modified;
        return await SaveAgendaAsync(db, session.Id, itemId, ct);
    }

    /// <summary>Removes an item (and its document links; the documents stay); the others close the gap.</summary>
    public async Task<Outcome<Guid>> RemoveAgendaItemAsync(ClaimsPrincipal user, Guid itemId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<AgendaItem>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId, ct);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        var session = await db.Set<Session>().SingleAsync(s => s.Id == item.SessionId, ct);
        if (session.State is not (SessionState.Draft or SessionState.Convened))
        {
            return refuse["Error.AgendaFrozen"];
        }

        // A vote taken on the item keeps it: the record of the vote must not lose its subject.
        if (await db.Set<Votes.Vote>().AnyAsync(v => v.AgendaItemId == itemId, ct))
        {
            return refuse["Error.AgendaItemHasVotes"];
        }

        var items = await db.Set<AgendaItem>().Where(a => a.SessionId == item.SessionId).OrderBy(a => a.Position).ToListAsync(ct);
        var removed = items.Single(a => a.Id == itemId);
        items.Remove(removed);
        db.Remove(removed);
        db.RemoveRange(await db.Set<AgendaDocument>().Where(d => d.AgendaItemId == itemId).ToListAsync(ct));
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i;
        }

        db.Entry(session).State = EntityState.Modified;
        return await SaveAgendaAsync(db, session.Id, itemId, ct);
    }

    /// <summary>The documents attached to the session's items; titles only of those the caller may read.</summary>
    public async Task<IReadOnlyList<AgendaDocumentLink>> AgendaDocumentsAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        await access.EnsureMemberAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await (from d in db.Set<AgendaDocument>().AsNoTracking()
                           join a in db.Set<AgendaItem>() on d.AgendaItemId equals a.Id
                           where a.SessionId == sessionId
                           orderby d.AttachedAt
                           select d).ToListAsync(ct);
        var readable = (await documents.ListAsync(user, ct)).ToDictionary(d => d.Id, d => d.Title);
        return [.. links.Select(l => new AgendaDocumentLink(l.Id, l.AgendaItemId, l.DocumentId, readable.GetValueOrDefault(l.DocumentId)))];
    }

    /// <summary>Attaches an existing document the caller can read to an agenda item.</summary>
    public async Task<Outcome<Guid>> AttachDocumentAsync(ClaimsPrincipal user, Guid itemId, Guid documentId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        var document = await documents.GetAccessAsync(user, documentId, ct);
        if (document is null || document.Right < DocumentRight.Read)
        {
            return refuse["Error.DocumentUnavailable"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AttachAsync(db, user, itemId, documentId, ct);
    }

    /// <summary>Creates a document in the session's space and attaches it to the item.</summary>
    public async Task<Outcome<Guid>> CreateAgendaDocumentAsync(ClaimsPrincipal user, Guid itemId, string title, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        title = (title ?? string.Empty).Trim();
        if (title.Length is 0 or > 300)
        {
            return refuse["Error.DocumentTitle"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<AgendaItem>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId, ct);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        if (await AttachErrorAsync(db, item, ct) is { } error)
        {
            return refuse[error];
        }

        // The document, its grants and the link are saved together (DocumentRecords, ADR 0001): a refusal leaves nothing.
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == item.SessionId, ct);
        var document = DocumentRecords.Add(db, DocumentSpaceKind.Session, item.SessionId, title, string.Empty, SessionsAccess.UserId(user) ?? Guid.Empty, access.UtcNow);
        // What is put before a body is read and commented on by its members; the secretariat edits it as staff.
        if (session.Body == SessionBody.Plenary)
        {
            DocumentRecords.Grant(db, document.Id, DocumentPrincipalKind.Role, Accounts.Roles.Member, DocumentRight.Comment);
        }
        else
        {
            foreach (var institution in await SessionBodies.VotingInstitutionsAsync(db, session, ct))
            {
                DocumentRecords.Grant(db, document.Id, DocumentPrincipalKind.Institution, institution.ToString(), DocumentRight.Comment);
            }
        }

        return await AttachAsync(db, user, itemId, document.Id, ct);
    }

    /// <summary>Removes a document from an agenda item; the document itself stays.</summary>
    public async Task<Outcome<Guid>> DetachDocumentAsync(ClaimsPrincipal user, Guid linkId, CancellationToken ct)
    {
        await access.EnsureSecretariatAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.Set<AgendaDocument>().SingleOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null)
        {
            return refuse["Error.NotFound"];
        }

        var item = await db.Set<AgendaItem>().AsNoTracking().SingleAsync(a => a.Id == link.AgendaItemId, ct);
        if (await AttachErrorAsync(db, item, ct) is { } error)
        {
            return refuse[error];
        }

        db.Remove(link);
        await db.SaveChangesAsync(ct);
        await live.ChangedAsync(item.SessionId, SessionEvents.Agenda);
        return Outcome<Guid>.Done(linkId);
    }

    private static string? AgendaInputError(AgendaItemKind kind, string title, int estimatedMinutes) =>
        title.Length is 0 or > 300 ? "Error.AgendaTitle"
        : !Enum.IsDefined(kind) ? "Error.AgendaKind"
        : estimatedMinutes is < 1 or > 600 ? "Error.AgendaDuration"
        : null;

    private async Task<Outcome<Guid>> AttachAsync(NoressDbContext db, ClaimsPrincipal user, Guid itemId, Guid documentId, CancellationToken ct)
    {
        var item = await db.Set<AgendaItem>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId, ct);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        if (await AttachErrorAsync(db, item, ct) is { } error)
        {
            return refuse[error];
        }

        if (await db.Set<AgendaDocument>().AnyAsync(d => d.AgendaItemId == itemId && d.DocumentId == documentId, ct))
        {
            return refuse["Error.DocumentAttached"];
        }

        var link = new AgendaDocument { AgendaItemId = itemId, DocumentId = documentId, AttachedById = SessionsAccess.UserId(user), AttachedAt = access.UtcNow };
        db.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (item, document) index: the same document attached at the same instant elsewhere.
            return refuse["Error.DocumentAttached"];
        }

        await live.ChangedAsync(item.SessionId, SessionEvents.Agenda);
        return Outcome<Guid>.Done(link.Id);
    }

    /// <summary>Documents follow the agenda: they can change while it can, and the minutes keep what was attached.</summary>
    private static async Task<string?> AttachErrorAsync(NoressDbContext db, AgendaItem item, CancellationToken ct) =>
        await db.Set<Session>().Where(s => s.Id == item.SessionId).Select(s => s.State).SingleAsync(ct) is SessionState.Draft or SessionState.Convened
            ? null
            : "Error.AgendaFrozen";

    private async Task<Outcome<Guid>> SaveAgendaAsync(NoressDbContext db, Guid sessionId, Guid itemId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(sessionId, SessionEvents.Agenda);
        return Outcome<Guid>.Done(itemId);
    }

    private async Task<HashSet<Guid>> CommitteesOfAsync(NoressDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (SessionsAccess.UserId(user) is not { } userId)
        {
            return [];
        }

        var institutionId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.InstitutionId).SingleOrDefaultAsync(ct);
        return [.. await CommitteeService.CommitteeIdsForAsync(db, userId, institutionId, access.Today, ct)];
    }
}
