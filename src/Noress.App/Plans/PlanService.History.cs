using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Audit;

namespace Noress.App.Plans;

/// <summary>What a history line is about: the item itself or something hanging off it.</summary>
public enum PlanHistorySubject
{
    Item,
    Partner,
    Indicator,
    Measure,
    Evidence,
}

/// <summary>
/// One field's change in an item's history, from the audit trail: who, when, what (<paramref name="Field"/> is the
/// property name, e.g. "DueOn"; PlansText has "Field.{name}" labels), before and after as stored (invariant text).
/// <paramref name="SubjectId"/> is the indicator's, measure's or evidence's id, or the partner institution's id.
/// </summary>
public sealed record PlanHistoryEntry(long Sequence, DateTime At, Guid? UserId, string? UserName, PlanHistorySubject Subject, Guid SubjectId, AuditAction Action, string Field, string? Before, string? After);

// An item's history, read from the audit chain (ADR 0004) rather than kept twice.
public sealed partial class PlanService
{
    /// <summary>Most entries read for one item's history.</summary>
    public const int MaxHistoryEntries = 2000;

    /// <summary>
    /// The item's changes, newest first: its own fields, its partners, indicators, measures and evidence, including
    /// those removed since. Null when the item (or its plan) is unknown or the caller may not read the plan.
    /// </summary>
    public async Task<IReadOnlyList<PlanHistoryEntry>?> HistoryAsync(ClaimsPrincipal caller, Guid itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var planId = await db.Set<PlanItem>().AsNoTracking().Where(i => i.Id == itemId).Select(i => (Guid?)i.PlanId).SingleOrDefaultAsync(ct);
        var plan = planId is { } id ? await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        if (plan is null || !await access.CanReadAsync(caller, plan, ct))
        {
            return null;
        }

        var key = itemId.ToString("D");
        var audit = db.AuditEntries.AsNoTracking();
        // Partners are keyed "item,institution"; indicators and evidence name the item in their insert and delete entries.
        var own = await audit.Where(a => (a.EntityType == nameof(PlanItem) && a.EntityId == key)
                || (a.EntityType == nameof(PlanItemPartner) && a.EntityId.StartsWith(key + ","))
                || ((a.EntityType == nameof(PlanIndicator) || a.EntityType == nameof(PlanEvidence)) && a.Changes.Contains(key)))
            .OrderByDescending(a => a.Sequence).Take(MaxHistoryEntries).ToListAsync(ct);
        var indicatorKeys = own.Where(a => a.EntityType == nameof(PlanIndicator)).Select(a => a.EntityId)
            .Concat((await db.Set<PlanIndicator>().AsNoTracking().Where(i => i.ItemId == itemId).Select(i => i.Id).ToListAsync(ct)).Select(i => i.ToString("D")))
            .Distinct().ToList();
        var indicatorUpdates = indicatorKeys.Count == 0 ? []
            : await audit.Where(a => a.EntityType == nameof(PlanIndicator) && indicatorKeys.Contains(a.EntityId)).OrderByDescending(a => a.Sequence).Take(MaxHistoryEntries).ToListAsync(ct);
        var measures = new List<AuditEntry>();
        foreach (var indicator in indicatorKeys)
        {
            measures.AddRange(await audit.Where(a => a.EntityType == nameof(IndicatorMeasure) && a.Changes.Contains(indicator)).OrderByDescending(a => a.Sequence).Take(MaxHistoryEntries).ToListAsync(ct));
        }

        var measureKeys = measures.Select(m => m.EntityId).Distinct().ToList();
        var measureUpdates = measureKeys.Count == 0 ? []
            : await audit.Where(a => a.EntityType == nameof(IndicatorMeasure) && measureKeys.Contains(a.EntityId)).OrderByDescending(a => a.Sequence).Take(MaxHistoryEntries).ToListAsync(ct);

        return [.. own.Concat(indicatorUpdates).Concat(measures).Concat(measureUpdates)
            .DistinctBy(a => a.Sequence)
            .OrderByDescending(a => a.Sequence)
            .SelectMany(ToHistory)
            .Take(MaxHistoryEntries)];
    }

    private static IEnumerable<PlanHistoryEntry> ToHistory(AuditEntry entry)
    {
        var subject = entry.EntityType switch
        {
            nameof(PlanItemPartner) => PlanHistorySubject.Partner,
            nameof(PlanIndicator) => PlanHistorySubject.Indicator,
            nameof(IndicatorMeasure) => PlanHistorySubject.Measure,
            nameof(PlanEvidence) => PlanHistorySubject.Evidence,
            _ => PlanHistorySubject.Item,
        };
        var idText = subject == PlanHistorySubject.Partner ? entry.EntityId[(entry.EntityId.IndexOf(',', StringComparison.Ordinal) + 1)..] : entry.EntityId;
        var subjectId = Guid.TryParse(idText, out var parsed) ? parsed : Guid.Empty;
        // The stored file name is an implementation detail; everything else a person set is shown.
        return AuditService.ParseChanges(entry.Changes)
            .Where(c => c.Field is not (nameof(PlanEvidence.StoredName) or "Id" or nameof(PlanItem.CreatedAt)))
            .Select(c => new PlanHistoryEntry(entry.Sequence, entry.OccurredAt, entry.UserId, entry.UserName, subject, subjectId, entry.Action, c.Field, c.Old, c.New));
    }
}
