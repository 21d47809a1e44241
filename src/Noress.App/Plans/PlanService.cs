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
    UploadStorage storage,
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

        var data = await PlanData.ReadAsync(db, plan, ct);
        return data.Build(access.Today, await access.CanEditAsync(user, plan, ct));
    }

    /// <summary>
    /// The plan for a live page, from the node's shared <see cref="PlanViewCache"/> (one read per change and node, shared by
    /// every page of the plan): <paramref name="canEdit"/> is what the page learned when it opened (null: decide it now).
    /// Null when the plan is gone or the caller may not read it.
    /// </summary>
    public async Task<PlanView?> LoadLiveAsync(ClaimsPrincipal user, PlanViewLease lease, PlanViewRequest request, bool? canEdit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var snapshot = await lease.GetAsync(request, ct);
        // An editor (decided when the page opened, ADR 0034) reads: a refresh of a thematic plan then costs no membership query.
        if (snapshot is null || (canEdit != true && !await access.CanReadAsync(user, snapshot.Plan, ct)))
        {
            return null;
        }

        var edit = canEdit ?? await access.CanEditAsync(user, snapshot.Plan, ct);
        return edit ? snapshot.Editable : snapshot.View;
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

    /// <summary>A person's full name (how the grid's presence names the reader to the others), null when unknown.</summary>
    public async Task<string?> PersonNameAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
    }

    internal static RollupInput ToRollup(PlanItem i) =>
        new(i.Id, i.ParentId, i.Status, i.Progress, i.Weight, i.BudgetPlanned, i.BudgetCommitted, i.BudgetSpent);

    internal static PlanRow ToRow(PlanItem item, int depth, bool hasChildren, bool late, int lateBelow, RollupResult rollup, IEnumerable<Guid> partners, string? decisionNumber, int indicatorCount, int evidenceCount) => new()
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

    internal static PlanIndicatorView ToView(PlanIndicator indicator, IEnumerable<IndicatorMeasure> measures)
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
