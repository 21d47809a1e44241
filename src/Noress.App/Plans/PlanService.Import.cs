using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Plans.Exchange;
using Noress.App.Shared.Operations;

namespace Noress.App.Plans;

/// <summary>What an import saved: items added and updated, indicator rows added and updated.</summary>
public sealed record PlanImportSummary(int ItemsAdded, int ItemsUpdated, int IndicatorRowsAdded, int IndicatorRowsUpdated);

/// <summary>A plan to create from a workbook: the strategic plan, or a committee's thematic plan, and its titles.</summary>
public sealed record NewPlan(PlanKind Kind, Guid? CommitteeId, string TitleFr, string TitleAr, string? TitleEn = null);

/// <summary>A plan created by an import, and what the import saved in it.</summary>
public sealed record PlanImportCreated(Guid PlanId, PlanImportSummary Summary);

/// <summary>The plans the caller may create from a workbook: the strategic plan (staff, while it does not exist) and these committees' plans.</summary>
public sealed record NewPlanChoices(bool Strategic, IReadOnlyList<PlanCommittee> Committees)
{
    public bool Any => Strategic || Committees.Count > 0;
}

// Saving a checked import: one save for the whole file, or nothing; a new plan is created in the same save.
public sealed partial class PlanService
{
    /// <summary>What the caller may create from a workbook (ADR 0045: a committee's people their committee's plan; staff any plan not yet created).</summary>
    public async Task<NewPlanChoices> NewPlanChoicesAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var staff = await access.IsStaffAsync(caller);
        IReadOnlySet<Guid> mine = staff || !await access.IsMemberAsync(caller) ? new HashSet<Guid>() : await access.CommitteeIdsAsync(caller, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.Set<ActionPlan>().AsNoTracking().Select(p => p.ScopeKey).ToListAsync(ct);
        var committees = await db.Committees.AsNoTracking().Select(c => new PlanCommittee(c.Id, c.Code, c.NameFr, c.NameAr, c.NameEn)).ToListAsync(ct);
        return new NewPlanChoices(
            staff && !taken.Contains(ActionPlan.StrategicScope),
            [.. committees.Where(c => (staff || mine.Contains(c.Id)) && !taken.Contains(ActionPlan.ScopeOf(PlanKind.Thematic, c.Id))).OrderBy(c => c.Code, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The empty view of the plan <paramref name="wanted"/> describes, to check a workbook against before the plan
    /// exists (nothing saved), or why it cannot be created. Throws when the caller may not create it.
    /// </summary>
    internal async Task<Outcome<PlanView>> NewPlanViewAsync(ClaimsPrincipal caller, NewPlan wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        // Rights first: to anyone else, whether that committee already has a plan is none of their business.
        await access.EnsureCreateAsync(caller, wanted.Kind, wanted.CommitteeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, error) = await NewPlanAsync(db, wanted, ct);
        if (error is not null)
        {
            return refuse[error];
        }

        return Outcome<PlanView>.Done((await PlanData.ReadAsync(db, plan!, ct)).Build(access.Today, canEdit: true));
    }

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
        if (!Savable(check))
        {
            return refuse["Error.Import.HasErrors"];
        }

        var stored = await StoredTreeAsync(db, planId, ct);
        var seenVersions = seen.Rows.ToDictionary(r => r.Id, r => r.Version);
        var seenIndicators = seen.Indicators.ToDictionary(i => i.Id, i => (i.Version, Measures: i.Measures.Count));
        if (stored.Items.Count != seenVersions.Count || stored.Items.Any(i => seenVersions.GetValueOrDefault(i.Id) != i.Version)
            || stored.Indicators.Count != seenIndicators.Count || stored.Indicators.Any(i => !seenIndicators.TryGetValue(i.Id, out var s) || s.Version != i.Version || s.Measures != stored.Measures.Count(m => m.IndicatorId == i.Id)))
        {
            return refuse["Error.Import.Changed"];
        }

        var staged = Stage(db, caller, plan, stored, check);
        if (staged.Error is not null)
        {
            return refuse[staged.Error];
        }

        if (staged.Touched.Count == 0)
        {
            return Outcome<PlanImportSummary>.Done(staged.Summary);
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
        var items = stored.Items;
        var changed = items.Where(i => staged.Touched.Contains(i.Id) || (seenVersions.TryGetValue(i.Id, out var v) && v != i.Version)).ToList();
        await live.ChangedAsync(planId, staged.Structure ? PlanEvents.Structure : PlanEvents.Items, new PlanChange(
            [.. changed.Select(i => new PlanChangedItem(i.Id, i.Version))], Ancestors(items, changed.Select(i => i.Id))));
        return Outcome<PlanImportSummary>.Done(staged.Summary);
    }

    /// <summary>
    /// Creates the plan <paramref name="wanted"/> describes with every row of a checked import, in one transaction:
    /// the plan exists with all its rows or not at all. <paramref name="seen"/> is the empty view the check used.
    /// </summary>
    internal async Task<Outcome<PlanImportCreated>> CreateFromImportAsync(ClaimsPrincipal caller, NewPlan wanted, PlanView seen, PlanImportCheckResult check, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(check);
        await access.EnsureCreateAsync(caller, wanted.Kind, wanted.CommitteeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, error) = await NewPlanAsync(db, wanted, ct);
        if (error is not null)
        {
            return refuse[error];
        }

        if (!Savable(check) || seen.Rows.Count > 0)
        {
            return refuse["Error.Import.HasErrors"];
        }

        // The id the check gave the plan: its rows were checked against it.
        plan!.Id = seen.Plan.Id;
        db.Add(plan);
        var staged = Stage(db, caller, plan, new StoredTree([], [], [], []), check);
        if (staged.Error is not null)
        {
            return refuse[staged.Error];
        }

        if (staged.Touched.Count == 0)
        {
            return refuse["Error.NoChange"];
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique scope: the same plan created meanwhile, by hand or by another import.
            if (await ScopeTakenAsync(plan.ScopeKey, ct))
            {
                return refuse["Error.PlanExists"];
            }

            throw;
        }

        await live.ChangedAsync(plan.Id, PlanEvents.Plan);
        return Outcome<PlanImportCreated>.Done(new PlanImportCreated(plan.Id, staged.Summary));
    }

    private static bool Savable(PlanImportCheckResult check) =>
        !check.HasErrors && check.Nodes.All(n => n.Action == ImportAction.Unchanged || n.Values is not null) && check.Indicators.All(i => i.Values is not null);

    /// <summary>A plan's stored tree, tracked, as an import changes it.</summary>
    private sealed record StoredTree(List<PlanItem> Items, List<PlanIndicator> Indicators, List<IndicatorMeasure> Measures, List<PlanItemPartner> Partners);

    /// <summary>What staging an import did: the refusal key, or the items touched, whether the tree's shape changed, and the counts.</summary>
    private sealed record StagedImport(string? Error, HashSet<Guid> Touched, bool Structure, PlanImportSummary Summary);

    private static async Task<StoredTree> StoredTreeAsync(NoressDbContext db, Guid planId, CancellationToken ct)
    {
        var items = await db.Set<PlanItem>().Where(i => i.PlanId == planId).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var indicators = await db.Set<PlanIndicator>().Where(i => itemIds.Contains(i.ItemId)).ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var measures = await db.Set<IndicatorMeasure>().Where(m => indicatorIds.Contains(m.IndicatorId)).ToListAsync(ct);
        var partners = await db.Set<PlanItemPartner>().Where(p => itemIds.Contains(p.ItemId)).ToListAsync(ct);
        return new StoredTree(items, indicators, measures, partners);
    }

    /// <summary>Every change of a checked import, added to <paramref name="db"/> (nothing saved): the same rules as the grid's.</summary>
    private StagedImport Stage(NoressDbContext db, ClaimsPrincipal caller, ActionPlan plan, StoredTree stored, PlanImportCheckResult check)
    {
        var planId = plan.Id;
        var (items, indicators, measures, partners) = (stored.Items, stored.Indicators, stored.Measures, stored.Partners);
        StagedImport Refused(string key) => new(key, [], false, new PlanImportSummary(0, 0, 0, 0));
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
                ? new PlanItem { Id = row.ItemId, PlanId = planId, Kind = values.Kind, TitleFr = string.Empty, TitleAr = string.Empty, CreatedAt = now }
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

            Assign(entity, values);

            // The check used the same rules; this guards the save itself.
            if (PlanRules.ValueError(entity) is { } valueError)
            {
                return Refused(valueError);
            }

            if (row.Action == ImportAction.Add)
            {
                AddDescription(db, plan, entity, userId, now);
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
            return Refused("Error.Cycle");
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

        return new StagedImport(null, touched, structure, new PlanImportSummary(added, updated, indicatorsAdded, indicatorsUpdated));
    }
}
