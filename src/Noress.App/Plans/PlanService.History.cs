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

        var key = itemId.ToString();
        // Partners are keyed "item,institution"; indicators and evidence name the item in their insert and delete entries.
        var own = await AuditHistory.FindAsync(db, [
            new AuditSelector(nameof(PlanItem), EntityId: key),
            new AuditSelector(nameof(PlanItemPartner), EntityIdPrefix: key + ","),
            new AuditSelector(nameof(PlanIndicator), ChangesContaining: key),
            new AuditSelector(nameof(PlanEvidence), ChangesContaining: key),
        ], MaxHistoryEntries, ct);
        var indicatorKeys = own.Where(a => a.EntityType == nameof(PlanIndicator)).Select(a => a.EntityId)
            .Concat((await db.Set<PlanIndicator>().AsNoTracking().Where(i => i.ItemId == itemId).Select(i => i.Id).ToListAsync(ct)).Select(i => i.ToString()))
            .Distinct().ToList();
        // An indicator's updates and its measures' inserts and deletes name the indicator; a measure's updates only name the measure.
        var indicators = await AuditHistory.FindAsync(db, [
            .. indicatorKeys.Select(k => new AuditSelector(nameof(PlanIndicator), EntityId: k)),
            .. indicatorKeys.Select(k => new AuditSelector(nameof(IndicatorMeasure), ChangesContaining: k)),
        ], MaxHistoryEntries, ct);
        var measureKeys = indicators.Where(a => a.EntityType == nameof(IndicatorMeasure)).Select(a => a.EntityId).Distinct().ToList();
        var measures = await AuditHistory.FindAsync(db, [.. measureKeys.Select(k => new AuditSelector(nameof(IndicatorMeasure), EntityId: k))], MaxHistoryEntries, ct);

        var all = own.Concat(indicators).Concat(measures).DistinctBy(a => a.Sequence).ToList();
        var names = await PlanPeople.NamesAsync(db, all.Select(a => a.UserId), ct);
        return [.. all
            .OrderByDescending(a => a.Sequence)
            .SelectMany(ToHistory)
            .Take(MaxHistoryEntries)
            .Select(h => h with { UserName = PlanPeople.Name(names, h.UserId, h.UserName) })];
    }

    private static IEnumerable<PlanHistoryEntry> ToHistory(AuditRecord entry)
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
        return entry.Changes
            .Where(c => c.Field is not (nameof(PlanEvidence.StoredName) or "Id" or nameof(PlanItem.CreatedAt)))
            .Select(c => new PlanHistoryEntry(entry.Sequence, entry.OccurredAt, entry.UserId, entry.UserName, subject, subjectId, entry.Action, c.Field, c.Old, c.New));
    }
}
