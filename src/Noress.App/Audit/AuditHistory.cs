using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Audit;

/// <summary>
/// Which audit entries a feature wants for the history of its own objects: one entity type, narrowed by the exact
/// entity id, an id prefix (composite keys "a,b"), or a text the changes contain (an insert names its parent's id).
/// </summary>
public sealed record AuditSelector(string EntityType, string? EntityId = null, string? EntityIdPrefix = null, string? ChangesContaining = null)
{
    /// <summary>Any of these entities (one query for a set, rather than one selector each).</summary>
    public IReadOnlyCollection<string>? EntityIds { get; init; }
}

/// <summary>One audit entry with its changes read (property → before, after).</summary>
public sealed record AuditRecord(long Sequence, DateTime OccurredAt, Guid? UserId, string? UserName, string EntityType, string EntityId, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes);

/// <summary>
/// The audit trail read back for a feature's own history views (an action plan item's history): no rights are
/// checked here, the calling feature shows only the history of objects the reader may see. Newest first.
/// </summary>
public static class AuditHistory
{
    public static async Task<IReadOnlyList<AuditRecord>> FindAsync(NoressDbContext db, IReadOnlyCollection<AuditSelector> selectors, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(selectors);
        var found = new Dictionary<long, AuditEntry>();
        foreach (var selector in selectors)
        {
            var query = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == selector.EntityType);
            if (selector.EntityId is { } id)
            {
                query = query.Where(a => a.EntityId == id);
            }

            if (selector.EntityIds is { } ids)
            {
                var list = ids.ToList();
                query = query.Where(a => list.Contains(a.EntityId));
            }

            if (selector.EntityIdPrefix is { } prefix)
            {
                query = query.Where(a => a.EntityId.StartsWith(prefix));
            }

            if (selector.ChangesContaining is { } text)
            {
                query = query.Where(a => a.Changes.Contains(text));
            }

            foreach (var entry in await query.OrderByDescending(a => a.Sequence).Take(take).ToListAsync(ct))
            {
                found[entry.Sequence] = entry;
            }
        }

        return [.. found.Values.OrderByDescending(e => e.Sequence).Take(take)
            .Select(e => new AuditRecord(e.Sequence, e.OccurredAt, e.UserId, e.UserName, e.EntityType, e.EntityId, e.Action, AuditService.ParseChanges(e.Changes)))];
    }
}
