using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Documents;
using Noress.App.Plans.Exchange;
using Noress.App.Shared.Operations;

namespace Noress.App.Plans;

/// <summary>What an import saved: items added and updated, indicator rows added and updated.</summary>
public sealed record PlanImportSummary(int ItemsAdded, int ItemsUpdated, int IndicatorRowsAdded, int IndicatorRowsUpdated);

// Saving a checked import: one save for the whole file, or nothing.
public sealed partial class PlanService
{
    /// <summary>
    /// Saves a checked import (<see cref="PlanImportCheck"/> without problems) in one transaction: new items, changed
    /// fields, moves, partners, indicators and measures. <paramref name="seen"/> is the plan the check compared with;
    /// when the plan changed since, nothing is saved (the person previews again). Announced once after the commit.
    /// </summary>
    internal async Task<Outcome<PlanImportSummary>> ApplyImportAsync(ClaimsPrincipal caller, PlanView seen, PlanImportCheckResult check, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(check);
        var planId = seen.Plan.Id;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return refuse["Error.PlanNotFound"];
        }

        await access.EnsureEditAsync(caller, plan, ct);
        if (check.HasErrors || check.Nodes.Any(n => n.Action != ImportAction.Unchanged && n.Values is null) || check.Indicators.Any(i => i.Values is null))
        {
            return refuse["Error.Import.HasErrors"];
        }

        var items = await db.Set<PlanItem>().Where(i => i.PlanId == planId).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var indicators = await db.Set<PlanIndicator>().Where(i => itemIds.Contains(i.ItemId)).ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var measures = await db.Set<IndicatorMeasure>().Where(m => indicatorIds.Contains(m.IndicatorId)).ToListAsync(ct);
        var partners = await db.Set<PlanItemPartner>().Where(p => itemIds.Contains(p.ItemId)).ToListAsync(ct);
        var seenVersions = seen.Rows.ToDictionary(r => r.Id, r => r.Version);
        var seenIndicators = seen.Indicators.ToDictionary(i => i.Id, i => (i.Version, Measures: i.Measures.Count));
        if (items.Count != seenVersions.Count || items.Any(i => seenVersions.GetValueOrDefault(i.Id) != i.Version)
            || indicators.Count != seenIndicators.Count || indicators.Any(i => !seenIndicators.TryGetValue(i.Id, out var s) || s.Version != i.Version || s.Measures != measures.Count(m => m.IndicatorId == i.Id)))
        {
            return refuse["Error.Import.Changed"];
        }

        var userId = PlansAccess.UserId(caller) ?? Guid.Empty;
        var now = access.UtcNow;
        var byId = items.ToDictionary(i => i.Id);
        var nextPosition = items.GroupBy(i => i.ParentId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Max(i => i.Position) + 1);
        var touched = new HashSet<Guid>();
        var leftParents = new HashSet<Guid?>();
        var structure = false;
        var (added, updated) = (0, 0);
        foreach (var row in check.Nodes.Where(n => n.Action != ImportAction.Unchanged))
        {
            var values = row.Values!;
            var entity = row.Action == ImportAction.Add
                ? new PlanItem { Id = row.ItemId, PlanId = planId, Kind = values.Kind, TitleFr = values.TitleFr, TitleAr = values.TitleAr, CreatedAt = now }
                : byId[row.ItemId];
            if (row.Action == ImportAction.Add || entity.ParentId != row.ParentId)
            {
                if (row.Action == ImportAction.Update)
                {
                    leftParents.Add(entity.ParentId);
                }

                var key = row.ParentId ?? Guid.Empty;
                entity.ParentId = row.ParentId;
                entity.Position = nextPosition.GetValueOrDefault(key);
                nextPosition[key] = entity.Position + 1;
                structure = true;
            }

            entity.TitleFr = Clean(values.TitleFr) ?? string.Empty;
            entity.TitleAr = Clean(values.TitleAr) ?? string.Empty;
            entity.TitleEn = Clean(values.TitleEn);
            entity.LeadInstitutionId = values.LeadInstitutionId;
            entity.ResponsibleUserId = values.ResponsibleUserId;
            entity.CommitteeId = values.CommitteeId;
            entity.StartsOn = values.StartsOn;
            entity.DueOn = values.DueOn;
            entity.Status = values.Status;
            entity.Progress = values.Progress;
            entity.Weight = values.Weight;
            entity.BudgetPlanned = values.BudgetPlanned;
            entity.BudgetCommitted = values.BudgetCommitted;
            entity.BudgetSpent = values.BudgetSpent;
            entity.OverspendReason = Clean(values.OverspendReason);
            entity.DecisionId = values.DecisionId;
            entity.DecisionReference = Clean(values.DecisionReference);

            // The check used the same rules; this guards the save itself.
            if (PlanRules.ValueError(entity) is { } valueError)
            {
                return refuse[valueError];
            }

            if (row.Action == ImportAction.Add)
            {
                if (entity.Kind == PlanItemKind.Action)
                {
                    var document = plan.Kind == PlanKind.Thematic
                        ? DocumentRecords.Add(db, DocumentSpaceKind.Committee, plan.CommitteeId, entity.TitleFr, string.Empty, userId, now)
                        : DocumentRecords.Add(db, DocumentSpaceKind.Platform, null, entity.TitleFr, string.Empty, userId, now);
                    entity.DescriptionDocumentId = document.Id;
                }

                db.Add(entity);
                items.Add(entity);
                byId[entity.Id] = entity;
                added++;
            }
            else
            {
                updated++;
            }

            var wanted = values.PartnerIds.ToHashSet();
            var current = partners.Where(p => p.ItemId == entity.Id).ToList();
            db.RemoveRange(current.Where(p => !wanted.Contains(p.InstitutionId)));
            foreach (var partner in wanted.Where(w => current.All(p => p.InstitutionId != w)))
            {
                db.Add(new PlanItemPartner { ItemId = entity.Id, InstitutionId = partner });
            }

            touched.Add(entity.Id);
        }

        // Moves leave gaps among the old siblings: close them, as MoveItemAsync does.
        foreach (var parent in leftParents)
        {
            Renumber([.. items.Where(i => i.ParentId == parent).OrderBy(i => i.Position).ThenBy(i => i.CreatedAt)]);
        }

        if (PlanRules.CreatesCycleAnywhere(items.ToDictionary(i => i.Id, i => i.ParentId)))
        {
            return refuse["Error.Cycle"];
        }

        var (indicatorsAdded, indicatorsUpdated) = (0, 0);
        var indicatorOf = new Dictionary<(Guid, string), PlanIndicator>();
        foreach (var row in check.Indicators)
        {
            var values = row.Values!;
            var group = (row.ItemId, values.NameFr);
            if (!indicatorOf.TryGetValue(group, out var indicator))
            {
                indicator = row.IndicatorId is { } id ? indicators.Single(i => i.Id == id) : new PlanIndicator
                {
                    ItemId = row.ItemId,
                    NameFr = values.NameFr,
                    NameAr = values.NameAr,
                    Unit = values.Unit,
                    CreatedAt = now,
                };
                if (row.IndicatorId is null)
                {
                    db.Add(indicator);
                }

                (indicator.NameAr, indicator.NameEn, indicator.Unit, indicator.Baseline, indicator.Target) = (values.NameAr, values.NameEn, values.Unit, values.Baseline, values.Target);
                indicatorOf[group] = indicator;
            }

            if (values.Period is { } period && values.Actual is { } actual)
            {
                var measure = measures.FirstOrDefault(m => m.IndicatorId == indicator.Id && m.Period == period);
                if (measure is null)
                {
                    db.Add(new IndicatorMeasure { IndicatorId = indicator.Id, Period = period, Actual = actual, RecordedAt = now, RecordedById = userId });
                }
                else if (measure.Actual != actual)
                {
                    (measure.Actual, measure.RecordedAt, measure.RecordedById) = (actual, now, userId);
                }
            }

            if (row.Action != ImportAction.Unchanged)
            {
                touched.Add(row.ItemId);
                if (row.Action == ImportAction.Add)
                {
                    indicatorsAdded++;
                }
                else
                {
                    indicatorsUpdated++;
                }
            }
        }

        if (touched.Count == 0)
        {
            return Outcome<PlanImportSummary>.Done(new PlanImportSummary(0, 0, 0, 0));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Import.Changed"];
        }

        // The rows imported, and siblings renumbered after a move (their version moved too).
        var changed = items.Where(i => touched.Contains(i.Id) || (seenVersions.TryGetValue(i.Id, out var v) && v != i.Version)).ToList();
        await live.ChangedAsync(planId, structure ? PlanEvents.Structure : PlanEvents.Items, new PlanChange(
            [.. changed.Select(i => new PlanChangedItem(i.Id, i.Version))], Ancestors(items, changed.Select(i => i.Id))));
        return Outcome<PlanImportSummary>.Done(new PlanImportSummary(added, updated, indicatorsAdded, indicatorsUpdated));
    }
}
