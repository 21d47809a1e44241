using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Noress.App.Audit;
using Noress.App.Committees;
using Noress.App.Committees.Workspace;
using Noress.App.Data;
using Noress.App.Plans.Views;
using Noress.App.Shared.Localization;

namespace Noress.App.Plans;

/// <summary>The committee workspace's plan slot: the committee's thematic plan, when there is one the caller may read.</summary>
public sealed class PlanCommitteeLink(PlanService plans) : ICommitteePlanLink
{
    public async Task<CommitteePlanLinkInfo?> FindAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken cancellationToken)
    {
        var plan = (await plans.ListAsync(caller, cancellationToken)).FirstOrDefault(p => p.Kind == PlanKind.Thematic && p.CommitteeId == committeeId);
        return plan is null ? null
            : new CommitteePlanLinkInfo($"/action-plans/{plan.Id}", PlanNames.Title(plan.TitleFr, plan.TitleAr, plan.TitleEn), plan.Progress is { } p ? (int)Math.Round(p) : null);
    }
}

/// <summary>A committee's feed: the latest changes of its thematic plan's rows, read from the audit chain (who, which row).</summary>
public sealed class PlanActivitySource(IDbContextFactory<NoressDbContext> dbFactory, IStringLocalizer<CommitteesText> text) : ICommitteeActivitySource
{
    public async Task<IReadOnlyList<CommitteeActivity>> ListAsync(Guid committeeId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = ActionPlan.ScopeOf(PlanKind.Thematic, committeeId);
        var plan = await db.Set<ActionPlan>().AsNoTracking().Where(p => p.ScopeKey == scope).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (plan is not { } planId)
        {
            return [];
        }

        var items = await db.Set<PlanItem>().AsNoTracking().Where(i => i.PlanId == planId)
            .Select(i => new { i.Id, i.TitleFr, i.TitleAr, i.TitleEn }).ToListAsync(cancellationToken);
        var titles = items.ToDictionary(i => i.Id.ToString(), i => PeopleText.Plain(PlanNames.Title(i.TitleFr, i.TitleAr, i.TitleEn)) ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        // One query for the plan's rows, not one per row.
        var entries = titles.Count == 0 ? [] : await AuditHistory.FindAsync(db, [new AuditSelector(nameof(PlanItem)) { EntityIds = titles.Keys }], take * 4, cancellationToken);
        // People by name (the audit keeps the account's e-mail, shown only when the account is gone).
        var names = await PlanPeople.NamesAsync(db, entries.Select(e => e.UserId), cancellationToken);
        // One line per row and person in a burst of edits: the newest.
        return [.. entries
            .DistinctBy(e => (e.EntityId, e.UserName))
            .Take(take)
            .Select(e => new CommitteeActivity(
                e.OccurredAt,
                CommitteeEvents.Plan,
                text["Activity.PlanItemChanged", titles.GetValueOrDefault(e.EntityId) ?? string.Empty, PlanPeople.Name(names, e.UserId, e.UserName) ?? string.Empty],
                $"/action-plans/{planId}"))];
    }
}
