using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Sessions.Decisions;
using Noress.App.Shared.Operations;
using Noress.App.Shared.Uploads;

namespace Noress.App.Plans;

/// <summary>
/// Action plans: the read model the pages render (<see cref="LoadAsync"/>) and every change to a plan, each
/// checked against <see cref="PlansAccess"/>, validated by <see cref="PlanRules"/>, saved atomically, audited by
/// the chain and announced on <see cref="Shared.RealTime.Topics.Plan"/> after the commit.
/// </summary>
public sealed partial class PlanService(
    IDbContextFactory<NoressDbContext> dbFactory,
    PlansAccess access,
    PlanLive live,
    Refusals<PlansText> refuse,
    MembersStorage storage,
    UploadScanner scanner,
    ILogger<PlanService> logger)
{
    /// <summary>The storage folder of evidence files.</summary>
    public const string EvidenceKind = "plan-evidence";

    /// <summary>The plans the caller may read: the strategic plan first, then the thematic plans by committee code.</summary>
    public async Task<IReadOnlyList<PlanListItem>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.Set<ActionPlan>().AsNoTracking().ToListAsync(ct);
        var codes = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var items = (await db.Set<PlanItem>().AsNoTracking().ToListAsync(ct)).ToLookup(i => i.PlanId);
        var today = access.Today;
        var list = new List<PlanListItem>();
        foreach (var plan in plans)
        {
            if (!await access.CanReadAsync(user, plan, ct))
            {
                continue;
            }

            var rows = items[plan.Id].ToList();
            var totals = PlanRollup.Compute([.. rows.Select(ToRollup)])[Guid.Empty];
            list.Add(new PlanListItem(plan.Id, plan.Kind, plan.CommitteeId, plan.TitleFr, plan.TitleAr, plan.TitleEn,
                rows.Count(r => r.Kind == PlanItemKind.Action), rows.Count(r => PlanRules.IsLate(r.DueOn, r.Status, today)), totals.Progress,
                await access.CanEditAsync(user, plan, ct)));
        }

        return [.. list.OrderBy(p => p.Kind).ThenBy(p => p.CommitteeId is { } c ? codes.GetValueOrDefault(c) : string.Empty, StringComparer.Ordinal)];
    }

    /// <summary>The strategic plan's id, or a committee's thematic plan's id; null when it does not exist yet.</summary>
    public async Task<Guid?> FindAsync(PlanKind kind, Guid? committeeId, CancellationToken ct)
    {
        var scope = ActionPlan.ScopeOf(kind, committeeId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ActionPlan>().AsNoTracking().Where(p => p.ScopeKey == scope).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>The whole plan for the caller; null when there is no such plan or the caller may not read it.</summary>
    public async Task<PlanView?> LoadAsync(ClaimsPrincipal user, Guid planId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !await access.CanReadAsync(user, plan, ct))
        {
            return null;
        }

        var items = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == planId).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var partners = (await db.Set<PlanItemPartner>().AsNoTracking().Where(p => itemIds.Contains(p.ItemId)).ToListAsync(ct)).ToLookup(p => p.ItemId, p => p.InstitutionId);
        var indicators = await db.Set<PlanIndicator>().AsNoTracking().Where(i => itemIds.Contains(i.ItemId)).ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var measures = (await db.Set<IndicatorMeasure>().AsNoTracking().Where(m => indicatorIds.Contains(m.IndicatorId)).ToListAsync(ct)).ToLookup(m => m.IndicatorId);
        var evidence = await db.Set<PlanEvidence>().AsNoTracking().Where(e => itemIds.Contains(e.ItemId)).ToListAsync(ct);

        var institutionIds = items.Select(i => i.LeadInstitutionId).OfType<Guid>().Concat(partners.SelectMany(p => p)).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id))
            .Select(i => new PlanInstitution(i.Id, i.Acronym, i.NameFr, i.NameAr)).ToDictionaryAsync(i => i.Id, ct);
        var peopleIds = items.Select(i => i.ResponsibleUserId).OfType<Guid>()
            .Concat(measures.SelectMany(m => m).Select(m => m.RecordedById).OfType<Guid>())
            .Concat(evidence.Select(e => e.UploadedById).OfType<Guid>()).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var committees = await db.Committees.AsNoTracking()
            .Select(c => new PlanCommittee(c.Id, c.Code, c.NameFr, c.NameAr, c.NameEn)).ToDictionaryAsync(c => c.Id, ct);
        var decisionIds = items.Select(i => i.DecisionId).OfType<Guid>().Distinct().ToList();
        var decisions = (await db.Set<Decision>().AsNoTracking().Where(d => decisionIds.Contains(d.Id)).Select(d => new { d.Id, d.Year, d.Sequence }).ToListAsync(ct))
            .ToDictionary(d => d.Id, d => Decision.Format(d.Year, d.Sequence));

        var today = access.Today;
        var rollup = PlanRollup.Compute([.. items.Select(ToRollup)]);
        var indicatorCounts = indicators.GroupBy(i => i.ItemId).ToDictionary(g => g.Key, g => g.Count());
        var evidenceCounts = evidence.GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.Count());
        var children = items.ToLookup(i => i.ParentId);
        var rows = new List<PlanRow>(items.Count);

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
            rows[index] = ToRow(item, depth, children[item.Id].Any(), late, lateBelow, rollup[item.Id], partners[item.Id],
                item.DecisionId is { } d ? decisions.GetValueOrDefault(d) : null, indicatorCounts.GetValueOrDefault(item.Id), evidenceCounts.GetValueOrDefault(item.Id));
            return lateBelow + (late ? 1 : 0);
        }

        foreach (var root in children[null].OrderBy(c => c.Position).ThenBy(c => c.CreatedAt))
        {
            Add(root, 0);
        }

        var indicatorViews = indicators.Select(i => ToView(i, measures[i.Id])).ToList();
        var order = rows.Select((r, index) => (r.Id, index)).ToDictionary(x => x.Id, x => x.index);
        return new PlanView(
            new PlanSummary(plan.Id, plan.Kind, plan.CommitteeId, plan.TitleFr, plan.TitleAr, plan.TitleEn, plan.Version, await access.CanEditAsync(user, plan, ct)),
            rows,
            rollup[Guid.Empty],
            today,
            institutions,
            people,
            committees,
            [.. indicatorViews.OrderBy(i => order.GetValueOrDefault(i.ItemId)).ThenBy(i => i.NameFr, StringComparer.Ordinal)],
            [.. evidence.OrderBy(e => order.GetValueOrDefault(e.ItemId)).ThenBy(e => e.UploadedAt)
                .Select(e => new PlanEvidenceView(e.Id, e.ItemId, e.FileName, e.ContentType, e.Size, e.UploadedById, e.UploadedAt))]);
    }

    /// <summary>The institutions, people, committees and decisions an editor of the plan may pick; null when the caller may not edit it.</summary>
    public async Task<PlanChoices?> ChoicesAsync(ClaimsPrincipal user, Guid planId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !await access.CanEditAsync(user, plan, ct))
        {
            return null;
        }

        var institutions = await db.Institutions.AsNoTracking().Where(i => i.Status != MembershipStatus.Withdrawn)
            .Select(i => new PlanInstitution(i.Id, i.Acronym, i.NameFr, i.NameAr)).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new PlanChoice(u.Id, u.FullName)).ToListAsync(ct);
        var committees = await db.Committees.AsNoTracking().Select(c => new PlanCommittee(c.Id, c.Code, c.NameFr, c.NameAr, c.NameEn)).ToListAsync(ct);
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.WithdrawnAt == null)
            .Select(d => new { d.Id, d.Year, d.Sequence, d.Text }).ToListAsync(ct);
        return new PlanChoices(
            [.. institutions.OrderBy(i => i.Acronym, StringComparer.Ordinal)],
            [.. people.OrderBy(p => p.Label, StringComparer.Ordinal)],
            [.. committees.OrderBy(c => c.Code, StringComparer.Ordinal)],
            [.. decisions.OrderByDescending(d => d.Year).ThenByDescending(d => d.Sequence)
                .Select(d => new PlanChoice(d.Id, Decision.Format(d.Year, d.Sequence) + " — " + (d.Text.Length > 80 ? d.Text[..80] + "…" : d.Text)))]);
    }

    internal static RollupInput ToRollup(PlanItem i) =>
        new(i.Id, i.ParentId, i.Status, i.Progress, i.Weight, i.BudgetPlanned, i.BudgetCommitted, i.BudgetSpent);

    private static PlanRow ToRow(PlanItem item, int depth, bool hasChildren, bool late, int lateBelow, RollupResult rollup, IEnumerable<Guid> partners, string? decisionNumber, int indicatorCount, int evidenceCount) => new()
    {
        Id = item.Id,
        ParentId = item.ParentId,
        Kind = item.Kind,
        Depth = depth,
        Position = item.Position,
        HasChildren = hasChildren,
        TitleFr = item.TitleFr,
        TitleAr = item.TitleAr,
        TitleEn = item.TitleEn,
        DescriptionDocumentId = item.DescriptionDocumentId,
        LeadInstitutionId = item.LeadInstitutionId,
        PartnerIds = [.. partners],
        ResponsibleUserId = item.ResponsibleUserId,
        CommitteeId = item.CommitteeId,
        StartsOn = item.StartsOn,
        DueOn = item.DueOn,
        Status = item.Status,
        Progress = item.Progress,
        Weight = item.Weight,
        BudgetPlanned = item.BudgetPlanned,
        BudgetCommitted = item.BudgetCommitted,
        BudgetSpent = item.BudgetSpent,
        OverspendReason = item.OverspendReason,
        DecisionId = item.DecisionId,
        DecisionNumber = decisionNumber,
        DecisionReference = item.DecisionReference,
        Version = item.Version,
        Late = late,
        LateBelow = lateBelow,
        Rollup = rollup,
        IndicatorCount = indicatorCount,
        EvidenceCount = evidenceCount,
    };

    private static PlanIndicatorView ToView(PlanIndicator indicator, IEnumerable<IndicatorMeasure> measures)
    {
        var list = measures.ToList();
        var standing = IndicatorMaths.Standing(indicator.Baseline, indicator.Target, list.Select(m => new MeasurePoint(m.Period, m.Actual, m.RecordedAt)));
        var ordered = list.OrderByDescending(m => PlanPeriods.TryParse(m.Period, out var p) ? p.EndsOn : DateOnly.MinValue).ThenByDescending(m => m.RecordedAt)
            .Select(m => new IndicatorMeasureView(m.Id, m.Period, m.Actual, m.RecordedAt, m.RecordedById)).ToList();
        return new PlanIndicatorView(indicator.Id, indicator.ItemId, indicator.NameFr, indicator.NameAr, indicator.NameEn, indicator.Unit, indicator.Baseline, indicator.Target, indicator.Version, ordered, standing);
    }
}

/// <summary>Marker for the plans' strings (PlansText.resx is French, the default).</summary>
public sealed class PlansText
{
}
