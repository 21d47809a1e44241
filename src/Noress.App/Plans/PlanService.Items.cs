using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Sessions.Decisions;
using Noress.App.Shared.Operations;

namespace Noress.App.Plans;

/// <summary>
/// A new item: <see cref="Id"/> is chosen by the caller so that later items of the same batch can name it as their
/// <see cref="ParentId"/> (an import adds a whole tree at once). Optional values default to an empty, planned item.
/// </summary>
public sealed record NewPlanItem(Guid Id, Guid? ParentId, PlanItemKind Kind, string TitleFr, string TitleAr, string? TitleEn = null)
    : PlanItemValues(Kind, TitleFr, TitleAr, TitleEn)
{
    /// <summary>Where among its siblings; null puts it last.</summary>
    public int? Position { get; init; }
}

// Creating plans and changing the tree's shape: add, move, remove.
public sealed partial class PlanService
{
    /// <summary>Creates the strategic plan or a committee's thematic plan (the secretariat only); the plan's id.</summary>
    public async Task<Outcome<Guid>> CreatePlanAsync(ClaimsPrincipal caller, PlanKind kind, Guid? committeeId, string titleFr, string titleAr, string? titleEn, CancellationToken ct)
    {
        await access.EnsureStaffAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, error) = await NewPlanAsync(db, new NewPlan(kind, committeeId, titleFr, titleAr, titleEn), ct);
        if (error is not null)
        {
            return refuse[error];
        }

        db.Add(plan!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique scope: the same plan created at the same instant elsewhere.
            if (await ScopeTakenAsync(plan!.ScopeKey, ct))
            {
                return refuse["Error.PlanExists"];
            }

            throw;
        }

        await live.ChangedAsync(plan!.Id, PlanEvents.Plan);
        return Outcome<Guid>.Done(plan.Id);
    }

    /// <summary>
    /// The plan <paramref name="wanted"/> describes, not added yet, or the PlansText key of why it cannot be: a kind
    /// that does not exist, a thematic plan without an existing committee, titles missing, a plan of that scope already.
    /// </summary>
    private async Task<(ActionPlan? Plan, string? Error)> NewPlanAsync(NoressDbContext db, NewPlan wanted, CancellationToken ct)
    {
        var (titleFr, titleAr, titleEn) = (Clean(wanted.TitleFr) ?? string.Empty, Clean(wanted.TitleAr) ?? string.Empty, Clean(wanted.TitleEn));
        if (!Enum.IsDefined(wanted.Kind))
        {
            return (null, "Error.Kind");
        }

        if (PlanRules.TitleError(titleFr, titleAr, titleEn) is not null)
        {
            return (null, "Error.PlanTitle");
        }

        var committeeId = wanted.Kind == PlanKind.Thematic ? wanted.CommitteeId : null;
        if (wanted.Kind == PlanKind.Thematic && (committeeId is not { } committee || !await db.Committees.AnyAsync(c => c.Id == committee, ct)))
        {
            return (null, "Error.CommitteeRequired");
        }

        var scope = ActionPlan.ScopeOf(wanted.Kind, committeeId);
        if (await db.Set<ActionPlan>().AnyAsync(p => p.ScopeKey == scope, ct))
        {
            return (null, "Error.PlanExists");
        }

        return (new ActionPlan
        {
            Kind = wanted.Kind,
            CommitteeId = committeeId,
            ScopeKey = scope,
            TitleFr = titleFr,
            TitleAr = titleAr,
            TitleEn = titleEn,
            CreatedAt = access.UtcNow,
        }, null);
    }

    /// <summary>Renames a plan (the secretariat only).</summary>
    public async Task<Outcome<Guid>> RenamePlanAsync(ClaimsPrincipal caller, Guid planId, string titleFr, string titleAr, string? titleEn, CancellationToken ct)
    {
        await access.EnsureStaffAsync(caller);
        (titleFr, titleAr, titleEn) = (Clean(titleFr) ?? string.Empty, Clean(titleAr) ?? string.Empty, Clean(titleEn));
        if (PlanRules.TitleError(titleFr, titleAr, titleEn) is not null)
        {
            return refuse["Error.PlanTitle"];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<ActionPlan>().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return refuse["Error.PlanNotFound"];
        }

        (plan.TitleFr, plan.TitleAr, plan.TitleEn) = (titleFr, titleAr, titleEn);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(planId, PlanEvents.Plan);
        return Outcome<Guid>.Done(planId);
    }

    /// <summary>Adds one item; its id.</summary>
    public async Task<Outcome<Guid>> AddItemAsync(ClaimsPrincipal caller, Guid planId, NewPlanItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var added = await AddItemsAsync(caller, planId, [item], ct);
        return added.Succeeded ? Outcome<Guid>.Done(item.Id) : Outcome<Guid>.Refused(added.Refusal!);
    }

    /// <summary>
    /// Adds items in order, all or none: a parent is an item already in the plan or one earlier in the list. Each
    /// action gets its description document (committee space for a thematic plan, platform space for the strategic
    /// plan) in the same save. Returns the number of items added.
    /// </summary>
    public async Task<Outcome<int>> AddItemsAsync(ClaimsPrincipal caller, Guid planId, IReadOnlyList<NewPlanItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return refuse["Error.PlanNotFound"];
        }

        await access.EnsureEditAsync(caller, plan, ct);
        if (items.Count == 0)
        {
            return refuse["Error.NoChange"];
        }

        var existing = await db.Set<PlanItem>().Where(i => i.PlanId == planId).ToListAsync(ct);
        var kinds = existing.ToDictionary(i => i.Id, i => (PlanItemKind?)i.Kind);
        if (items.Select(i => i.Id).Distinct().Count() != items.Count || items.Any(i => kinds.ContainsKey(i.Id)))
        {
            return refuse["Error.Field"];
        }

        var newIds = items.Select(i => i.Id).ToList();
        if (await db.Set<PlanItem>().AnyAsync(i => newIds.Contains(i.Id), ct))
        {
            return refuse["Error.Field"];
        }

        var userId = PlansAccess.UserId(caller) ?? Guid.Empty;
        var now = access.UtcNow;
        var nextPosition = existing.GroupBy(i => i.ParentId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Max(i => i.Position) + 1);
        foreach (var input in items)
        {
            if (!Enum.IsDefined(input.Kind))
            {
                return refuse["Error.Kind"];
            }

            if (input.ParentId is { } parent && !kinds.ContainsKey(parent))
            {
                return await db.Set<PlanItem>().AnyAsync(i => i.Id == parent, ct) ? refuse["Error.OtherPlan"] : refuse["Error.NotFound"];
            }

            if (PlanRules.ParentKindError(input.Kind, input.ParentId is { } p ? kinds[p] : null) is { } kindError)
            {
                return refuse[kindError];
            }

            var entity = new PlanItem { Id = input.Id, PlanId = planId, ParentId = input.ParentId, Kind = input.Kind, TitleFr = string.Empty, TitleAr = string.Empty, CreatedAt = now };
            Assign(entity, input);
            entity.CommitteeId ??= plan.CommitteeId;
            if (PlanRules.ValueError(entity) is { } valueError)
            {
                return refuse[valueError];
            }

            var partners = input.PartnerIds.Distinct().ToList();
            if (entity.LeadInstitutionId is { } lead && partners.Contains(lead))
            {
                return refuse["Error.PartnerIsLead"];
            }

            if (await ReferenceErrorAsync(db, entity.LeadInstitutionId, partners, entity.ResponsibleUserId, entity.CommitteeId, entity.DecisionId, ct) is { } referenceError)
            {
                return refuse[referenceError];
            }

            var key = entity.ParentId ?? Guid.Empty;
            var last = nextPosition.GetValueOrDefault(key);
            if (input.Position is { } wanted && wanted >= 0 && wanted < last)
            {
                entity.Position = wanted;
                foreach (var sibling in existing.Where(s => s.ParentId == entity.ParentId && s.Position >= wanted))
                {
                    sibling.Position++;
                }
            }
            else
            {
                entity.Position = last;
            }

            nextPosition[key] = last + 1;
            AddDescription(db, plan, entity, userId, now);
            db.Add(entity);
            existing.Add(entity);
            kinds[entity.Id] = entity.Kind;
            foreach (var partner in partners)
            {
                db.Add(new PlanItemPartner { ItemId = entity.Id, InstitutionId = partner });
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(planId, PlanEvents.Structure, new PlanChange(
            [.. items.Select(i => new PlanChangedItem(i.Id, existing.Single(e => e.Id == i.Id).Version))], Ancestors(existing, items.Select(i => i.Id))));
        return Outcome<int>.Done(items.Count);
    }

    /// <summary>Moves an item under another parent (or the root) at a position among its new siblings; the tree keeps its shape rules.</summary>
    public async Task<Outcome<Guid>> MoveItemAsync(ClaimsPrincipal caller, Guid itemId, Guid? newParentId, int position, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<PlanItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == item.PlanId, ct);
        await access.EnsureEditAsync(caller, plan, ct);
        var tree = await db.Set<PlanItem>().Where(i => i.PlanId == item.PlanId).ToListAsync(ct);
        var moved = tree.Single(i => i.Id == itemId);
        PlanItem? parent = null;
        if (newParentId is { } parentId && (parent = tree.SingleOrDefault(i => i.Id == parentId)) is null)
        {
            return await db.Set<PlanItem>().AnyAsync(i => i.Id == parentId, ct) ? refuse["Error.OtherPlan"] : refuse["Error.NotFound"];
        }

        if (PlanRules.CreatesCycle(itemId, newParentId, tree.ToDictionary(i => i.Id, i => i.ParentId)))
        {
            return refuse["Error.Cycle"];
        }

        if (PlanRules.ParentKindError(moved.Kind, parent?.Kind) is { } kindError)
        {
            return refuse[kindError];
        }

        var oldParentId = moved.ParentId;
        var oldSiblings = tree.Where(i => i.ParentId == oldParentId && i.Id != itemId).OrderBy(i => i.Position).ThenBy(i => i.CreatedAt).ToList();
        var newSiblings = oldParentId == newParentId
            ? oldSiblings
            : [.. tree.Where(i => i.ParentId == newParentId).OrderBy(i => i.Position).ThenBy(i => i.CreatedAt)];
        newSiblings.Insert(Math.Clamp(position, 0, newSiblings.Count), moved);
        moved.ParentId = newParentId;
        Renumber(oldSiblings);
        Renumber(newSiblings);
        var changed = db.ChangeTracker.Entries<PlanItem>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList();
        if (changed.Count == 0)
        {
            return Outcome<Guid>.Done(itemId);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        await live.ChangedAsync(plan.Id, PlanEvents.Structure, new PlanChange(
            [.. changed.Select(i => new PlanChangedItem(i.Id, i.Version))],
            [.. Ancestors(tree, [itemId]).Union(oldParentId is { } old ? Ancestors(tree, [old]).Append(old) : [])]));
        return Outcome<Guid>.Done(itemId);
    }

    /// <summary>
    /// Removes an item without children, with its partners, indicators, measures and evidence (each deletion
    /// audited); its description document stays, with its history. An item with children is refused.
    /// </summary>
    public async Task<Outcome<Guid>> RemoveItemAsync(ClaimsPrincipal caller, Guid itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<PlanItem>().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return refuse["Error.NotFound"];
        }

        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == item.PlanId, ct);
        await access.EnsureEditAsync(caller, plan, ct);
        if (await db.Set<PlanItem>().AnyAsync(i => i.ParentId == itemId, ct))
        {
            return refuse["Error.HasChildren"];
        }

        var tree = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == item.PlanId).Select(i => new { i.Id, i.ParentId }).ToListAsync(ct);
        var indicatorIds = await db.Set<PlanIndicator>().Where(i => i.ItemId == itemId).Select(i => i.Id).ToListAsync(ct);
        db.RemoveRange(await db.Set<IndicatorMeasure>().Where(m => indicatorIds.Contains(m.IndicatorId)).ToListAsync(ct));
        db.RemoveRange(await db.Set<PlanIndicator>().Where(i => i.ItemId == itemId).ToListAsync(ct));
        db.RemoveRange(await db.Set<PlanItemPartner>().Where(p => p.ItemId == itemId).ToListAsync(ct));
        var evidence = await db.Set<PlanEvidence>().Where(e => e.ItemId == itemId).ToListAsync(ct);
        db.RemoveRange(evidence);
        var siblings = await db.Set<PlanItem>().Where(i => i.PlanId == item.PlanId && i.ParentId == item.ParentId && i.Id != itemId)
            .OrderBy(i => i.Position).ThenBy(i => i.CreatedAt).ToListAsync(ct);
        Renumber(siblings);
        var renumbered = siblings.Where(s => db.Entry(s).State == EntityState.Modified).ToList();
        db.Remove(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return refuse["Error.Concurrent"];
        }

        foreach (var file in evidence)
        {
            storage.Delete(EvidenceKind, file.StoredName);
        }

        var parentOf = tree.ToDictionary(i => i.Id, i => i.ParentId);
        var ancestors = new List<Guid>();
        for (var current = item.ParentId; current is { } id; current = parentOf.GetValueOrDefault(id))
        {
            ancestors.Add(id);
        }

        await live.ChangedAsync(plan.Id, PlanEvents.Structure, new PlanChange(
            [new PlanChangedItem(itemId, null), .. renumbered.Select(s => new PlanChangedItem(s.Id, s.Version))], ancestors));
        return Outcome<Guid>.Done(itemId);
    }

    /// <summary>The PlansText key of the first reference that does not exist (or may not be used), or null.</summary>
    private static async Task<string?> ReferenceErrorAsync(NoressDbContext db, Guid? leadId, IReadOnlyCollection<Guid> partnerIds, Guid? responsibleId, Guid? committeeId, Guid? decisionId, CancellationToken ct)
    {
        var institutions = partnerIds.Concat(leadId is { } l ? [l] : []).Distinct().ToList();
        if (institutions.Count > 0
            && await db.Institutions.CountAsync(i => institutions.Contains(i.Id) && i.Status != MembershipStatus.Withdrawn, ct) != institutions.Count)
        {
            return "Error.UnknownInstitution";
        }

        if (responsibleId is { } person && !await db.Users.AnyAsync(u => u.Id == person && u.IsActive, ct))
        {
            return "Error.UnknownPerson";
        }

        if (committeeId is { } committee && !await db.Committees.AnyAsync(c => c.Id == committee, ct))
        {
            return "Error.UnknownCommittee";
        }

        if (decisionId is { } decision && !await db.Set<Decision>().AnyAsync(d => d.Id == decision && d.WithdrawnAt == null, ct))
        {
            return "Error.UnknownDecision";
        }

        return null;
    }

    private static void Renumber(List<PlanItem> siblings)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].Position != i)
            {
                siblings[i].Position = i;
            }
        }
    }

    /// <summary>The ancestors of the items (their rolled-up values may change), the items themselves excluded.</summary>
    private static List<Guid> Ancestors(IReadOnlyCollection<PlanItem> tree, IEnumerable<Guid> itemIds)
    {
        var parentOf = tree.ToDictionary(i => i.Id, i => i.ParentId);
        var ids = itemIds.ToHashSet();
        var result = new List<Guid>();
        foreach (var id in ids)
        {
            for (var current = parentOf.GetValueOrDefault(id); current is { } parent && !ids.Contains(parent) && !result.Contains(parent); current = parentOf.GetValueOrDefault(parent))
            {
                result.Add(parent);
            }
        }

        return result;
    }

    private async Task<bool> ScopeTakenAsync(string scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ActionPlan>().AnyAsync(p => p.ScopeKey == scope, ct);
    }

    /// <summary>Sets an item's values as given (texts trimmed); its id, plan, kind and place are the caller's.</summary>
    private static void Assign(PlanItem entity, PlanItemValues values)
    {
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
    }

    /// <summary>
    /// A new action's description: a co-edited document (committee space for a thematic plan, platform space for the
    /// strategic plan), saved with the item (ADR 0027); other kinds have none.
    /// </summary>
    private static void AddDescription(NoressDbContext db, ActionPlan plan, PlanItem entity, Guid userId, DateTime now)
    {
        if (entity.Kind != PlanItemKind.Action)
        {
            return;
        }

        var document = plan.Kind == PlanKind.Thematic
            ? DocumentRecords.Add(db, DocumentSpaceKind.Committee, plan.CommitteeId, entity.TitleFr, string.Empty, userId, now)
            : DocumentRecords.Add(db, DocumentSpaceKind.Platform, null, entity.TitleFr, string.Empty, userId, now);
        entity.DescriptionDocumentId = document.Id;
    }

    /// <summary>Trimmed text, null when empty.</summary>
    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
