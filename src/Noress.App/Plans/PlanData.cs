using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Sessions.Decisions;

namespace Noress.App.Plans;

/// <summary>
/// What a plan's read model is built from, as stored: the plan, its items, partners, indicators with their measures,
/// evidence and the names they refer to. Read whole (<see cref="ReadAsync"/>), or renewed for a few items only
/// (<see cref="ReadItemsAsync"/>): roll-ups and late counts are then recomputed in memory over the whole tree, so a
/// change of one row reads that row, not the plan (ADR 0034).
/// </summary>
internal sealed record PlanData(
    ActionPlan Plan,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<PlanItemPartner> Partners,
    IReadOnlyList<PlanIndicator> Indicators,
    IReadOnlyList<IndicatorMeasure> Measures,
    IReadOnlyList<PlanEvidence> Evidence,
    IReadOnlyDictionary<Guid, PlanInstitution> Institutions,
    IReadOnlyDictionary<Guid, string> People,
    IReadOnlyDictionary<Guid, PlanCommittee> Committees,
    IReadOnlyDictionary<Guid, string> Decisions)
{
    public static async Task<PlanData> ReadAsync(NoressDbContext db, ActionPlan plan, CancellationToken ct)
    {
        var items = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == plan.Id).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var (partners, indicators, measures, evidence) = await DetailsAsync(db, itemIds, ct);
        var committees = await db.Committees.AsNoTracking()
            .Select(c => new PlanCommittee(c.Id, c.Code, c.NameFr, c.NameAr, c.NameEn)).ToDictionaryAsync(c => c.Id, ct);
        var empty = new PlanData(plan, items, partners, indicators, measures, evidence,
            new Dictionary<Guid, PlanInstitution>(), new Dictionary<Guid, string>(), committees, new Dictionary<Guid, string>());
        return await empty.WithNamesAsync(db, ct);
    }

    /// <summary>
    /// These data with <paramref name="itemIds"/> (and their partners, indicators, measures, evidence) read again; null
    /// when one of them is no longer in the plan (the tree changed: read it whole).
    /// </summary>
    public async Task<PlanData?> ReadItemsAsync(NoressDbContext db, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        var ids = itemIds.ToList();
        var fresh = await db.Set<PlanItem>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var known = Items.Select(i => i.Id).ToHashSet();
        if (fresh.Count != ids.Count || fresh.Any(i => i.PlanId != Plan.Id || !known.Contains(i.Id)))
        {
            return null;
        }

        var (partners, indicators, measures, evidence) = await DetailsAsync(db, ids, ct);
        var renewed = ids.ToHashSet();
        var renewedIndicators = Indicators.Where(i => renewed.Contains(i.ItemId)).Select(i => i.Id).ToHashSet();
        var byId = fresh.ToDictionary(i => i.Id);
        var data = this with
        {
            Items = [.. Items.Select(i => byId.GetValueOrDefault(i.Id) ?? i)],
            Partners = [.. Partners.Where(p => !renewed.Contains(p.ItemId)), .. partners],
            Indicators = [.. Indicators.Where(i => !renewed.Contains(i.ItemId)), .. indicators],
            Measures = [.. Measures.Where(m => !renewedIndicators.Contains(m.IndicatorId)), .. measures],
            Evidence = [.. Evidence.Where(e => !renewed.Contains(e.ItemId)), .. evidence],
        };
        return await data.WithNamesAsync(db, ct);
    }

    private static async Task<(List<PlanItemPartner>, List<PlanIndicator>, List<IndicatorMeasure>, List<PlanEvidence>)> DetailsAsync(NoressDbContext db, List<Guid> itemIds, CancellationToken ct)
    {
        var partners = await db.Set<PlanItemPartner>().AsNoTracking().Where(p => itemIds.Contains(p.ItemId)).ToListAsync(ct);
        var indicators = await db.Set<PlanIndicator>().AsNoTracking().Where(i => itemIds.Contains(i.ItemId)).ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var measures = indicatorIds.Count == 0 ? [] : await db.Set<IndicatorMeasure>().AsNoTracking().Where(m => indicatorIds.Contains(m.IndicatorId)).ToListAsync(ct);
        var evidence = await db.Set<PlanEvidence>().AsNoTracking().Where(e => itemIds.Contains(e.ItemId)).ToListAsync(ct);
        return (partners, indicators, measures, evidence);
    }

    /// <summary>Reads the names of institutions, people and decisions referred to and not known yet.</summary>
    private async Task<PlanData> WithNamesAsync(NoressDbContext db, CancellationToken ct)
    {
        var institutionIds = Items.Select(i => i.LeadInstitutionId).OfType<Guid>().Concat(Partners.Select(p => p.InstitutionId))
            .Where(id => !Institutions.ContainsKey(id)).Distinct().ToList();
        var peopleIds = Items.Select(i => i.ResponsibleUserId).OfType<Guid>()
            .Concat(Measures.Select(m => m.RecordedById).OfType<Guid>())
            .Concat(Evidence.Select(e => e.UploadedById).OfType<Guid>()).Where(id => !People.ContainsKey(id)).Distinct().ToList();
        var decisionIds = Items.Select(i => i.DecisionId).OfType<Guid>().Where(id => !Decisions.ContainsKey(id)).Distinct().ToList();
        var data = this;
        if (institutionIds.Count > 0)
        {
            var found = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id))
                .Select(i => new PlanInstitution(i.Id, i.Acronym, i.NameFr, i.NameAr)).ToListAsync(ct);
            data = data with { Institutions = Merge(data.Institutions, found.Select(i => KeyValuePair.Create(i.Id, i))) };
        }

        if (peopleIds.Count > 0)
        {
            var found = await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
            data = data with { People = Merge(data.People, found.Select(u => KeyValuePair.Create(u.Id, u.FullName))) };
        }

        if (decisionIds.Count > 0)
        {
            var found = await db.Set<Decision>().AsNoTracking().Where(d => decisionIds.Contains(d.Id)).Select(d => new { d.Id, d.Year, d.Sequence }).ToListAsync(ct);
            data = data with { Decisions = Merge(data.Decisions, found.Select(d => KeyValuePair.Create(d.Id, Decision.Format(d.Year, d.Sequence)))) };
        }

        return data;
    }

    private static Dictionary<Guid, T> Merge<T>(IReadOnlyDictionary<Guid, T> known, IEnumerable<KeyValuePair<Guid, T>> found)
    {
        var merged = new Dictionary<Guid, T>(known);
        foreach (var (id, value) in found)
        {
            merged[id] = value;
        }

        return merged;
    }

    /// <summary>The read model: rows in tree order (depth first, by position) with their roll-ups, late counts and names.</summary>
    public PlanView Build(DateOnly today, bool canEdit)
    {
        var rollup = PlanRollup.Compute([.. Items.Select(PlanService.ToRollup)]);
        var partners = Partners.ToLookup(p => p.ItemId, p => p.InstitutionId);
        var measures = Measures.ToLookup(m => m.IndicatorId);
        var indicatorCounts = Indicators.GroupBy(i => i.ItemId).ToDictionary(g => g.Key, g => g.Count());
        var evidenceCounts = Evidence.GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.Count());
        var children = Items.ToLookup(i => i.ParentId);
        var rows = new List<PlanRow>(Items.Count);

        // Depth first, siblings by position: the order every view lists rows in. Returns the late rows in the subtree.
        int Add(PlanItem item, int depth)
        {
            var index = rows.Count;
            rows.Add(null!);
            var lateBelow = 0;
            foreach (var child in children[item.Id].OrderBy(c => c.Position).ThenBy(c => c.CreatedAt))
            {
                lateBelow += Add(child, depth + 1);
            }

            var late = PlanRules.IsLate(item.DueOn, item.Status, today);
            rows[index] = PlanService.ToRow(item, depth, children[item.Id].Any(), late, lateBelow, rollup[item.Id], partners[item.Id],
                item.DecisionId is { } d ? Decisions.GetValueOrDefault(d) : null, indicatorCounts.GetValueOrDefault(item.Id), evidenceCounts.GetValueOrDefault(item.Id));
            return lateBelow + (late ? 1 : 0);
        }

        foreach (var root in children[null].OrderBy(c => c.Position).ThenBy(c => c.CreatedAt))
        {
            Add(root, 0);
        }

        var indicatorViews = Indicators.Select(i => PlanService.ToView(i, measures[i.Id])).ToList();
        var order = rows.Select((r, index) => (r.Id, index)).ToDictionary(x => x.Id, x => x.index);
        return new PlanView(
            new PlanSummary(Plan.Id, Plan.Kind, Plan.CommitteeId, Plan.TitleFr, Plan.TitleAr, Plan.TitleEn, Plan.Version, canEdit),
            rows,
            rollup[Guid.Empty],
            today,
            Institutions,
            People,
            Committees,
            [.. indicatorViews.OrderBy(i => order.GetValueOrDefault(i.ItemId)).ThenBy(i => i.NameFr, StringComparer.Ordinal)],
            [.. Evidence.OrderBy(e => order.GetValueOrDefault(e.ItemId)).ThenBy(e => e.UploadedAt)
                .Select(e => new PlanEvidenceView(e.Id, e.ItemId, e.FileName, e.ContentType, e.Size, e.UploadedById, e.UploadedAt))]);
    }
}
