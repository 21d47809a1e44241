using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Sessions.Agenda;

/// <summary>A plenary still being prepared, as another feature offers it to choose from.</summary>
public sealed record PreparedPlenary(Guid Id, string Title, DateTime StartsAt, SessionState State);

/// <summary>
/// What another feature may do to an agenda from inside its own transaction (committees forwarding a
/// recommendation, ADR 0028): the same checks as <see cref="SessionService.AddAgendaItemAsync"/>, no person's
/// rights (the caller has checked its own). Only Sessions writes its tables; callers save the context they pass.
/// </summary>
public static class AgendaRecords
{
    /// <summary>The plenary sessions still being prepared (draft or convened) that have not started, soonest first.</summary>
    public static async Task<IReadOnlyList<PreparedPlenary>> PreparedPlenariesAsync(NoressDbContext db, DateTime nowUtc, CancellationToken ct) =>
        await db.Set<Session>().AsNoTracking()
            .Where(s => s.Body == SessionBody.Plenary && (s.State == SessionState.Draft || s.State == SessionState.Convened) && s.StartsAt > nowUtc)
            .OrderBy(s => s.StartsAt)
            .Select(s => new PreparedPlenary(s.Id, s.Title, s.StartsAt, s.State))
            .ToListAsync(ct);

    /// <summary>The titles of sessions, by id (the caller shows them to people who may see the sessions).</summary>
    public static async Task<Dictionary<Guid, string>> SessionTitlesAsync(NoressDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Set<Session>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);

    /// <summary>Which of these agenda items still stand (another feature's links to an agenda check them).</summary>
    public static async Task<HashSet<Guid>> ExistingItemsAsync(NoressDbContext db, IReadOnlyCollection<Guid> itemIds, CancellationToken ct) =>
        itemIds.Count == 0 ? [] : [.. await db.Set<AgendaItem>().AsNoTracking().Where(a => itemIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)];

    /// <summary>
    /// Appends an item (with <paramref name="documentIds"/> attached) to the plenary <paramref name="sessionId"/>; the
    /// item, or the SessionsText key of why not. The session is touched so a concurrent agenda change conflicts at save.
    /// </summary>
    public static async Task<(AgendaItem? Item, string? Error)> AppendToPlenaryAsync(
        NoressDbContext db, Guid sessionId, AgendaItemKind kind, string title, int estimatedMinutes, IReadOnlyCollection<Guid> documentIds, Guid? attachedById, DateTime nowUtc, CancellationToken ct)
    {
        var session = await db.Set<Session>().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.Body != SessionBody.Plenary)
        {
            return (null, "Error.NotFound");
        }

        if (session.State is not (SessionState.Draft or SessionState.Convened))
        {
            return (null, "Error.AgendaFrozen");
        }

        var count = await db.Set<AgendaItem>().CountAsync(a => a.SessionId == sessionId, ct);
        if (count >= SessionService.MaxAgendaItems)
        {
            return (null, "Error.AgendaFull");
        }

        var item = new AgendaItem { SessionId = sessionId, Kind = kind, Title = title.Length > 300 ? title[..300] : title, EstimatedMinutes = estimatedMinutes, Position = count };
        db.Add(item);
        foreach (var documentId in documentIds)
        {
            db.Add(new AgendaDocument { AgendaItemId = item.Id, DocumentId = documentId, AttachedById = attachedById, AttachedAt = nowUtc });
        }

        db.Entry(session).State = EntityState.Modified;
        return (item, null);
    }
}
