using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Shared.Time;

namespace Noress.App.Plans;

/// <summary>
/// Who may read and edit which plan, checked by the plans services themselves. The secretariat and administrators
/// read and edit every plan; every member reads the strategic plan (the network's); a thematic plan is committee
/// content (ADR 0028, ADR 0045): its committee's people (a position in force, or their institution seated, ADR 0022)
/// read and edit it, nobody else. <see cref="CanReadAsync"/> is the one read rule of every path.
/// </summary>
public sealed class PlansAccess(IAuthorizationService authorization, IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => NoressClock.Today(clock);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> IsStaffAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    public async Task<bool> IsMemberAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Member)).Succeeded;

    /// <summary>The one read rule for a plan and everything under it (items, indicators, evidence, history).</summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, ActionPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (await IsStaffAsync(user))
        {
            return true;
        }

        if (!await IsMemberAsync(user))
        {
            return false;
        }

        // The strategic plan is the network's; a thematic plan is its committee's private content (ADR 0045).
        return plan.Kind != PlanKind.Thematic || await IsCommitteePersonAsync(user, plan.CommitteeId, ct);
    }

    /// <summary>Staff edit every plan; a thematic plan is also edited by its committee's people today.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, ActionPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (await IsStaffAsync(user))
        {
            return true;
        }

        return plan.Kind == PlanKind.Thematic && await IsMemberAsync(user) && await IsCommitteePersonAsync(user, plan.CommitteeId, ct);
    }

    /// <summary>
    /// Who may create a plan from a workbook: the staff any plan; a committee's people (ADR 0045) their committee's
    /// thematic plan, the one they would then edit. The strategic plan stays the staff's.
    /// </summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user, PlanKind kind, Guid? committeeId, CancellationToken ct) =>
        await IsStaffAsync(user)
        || (kind == PlanKind.Thematic && await IsMemberAsync(user) && await IsCommitteePersonAsync(user, committeeId, ct));

    /// <summary>The committees whose people the caller is today (a position in force or an institution seated).</summary>
    public async Task<IReadOnlySet<Guid>> CommitteeIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (UserId(user) is not { } userId)
        {
            return new HashSet<Guid>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutionId = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => (Guid?)u.InstitutionId).FirstOrDefaultAsync(ct);
        return await CommitteeService.CommitteeIdsForAsync(db, userId, institutionId, Today, ct);
    }

    /// <summary>Whether the caller is one of the committee's people today (position in force or institution seated).</summary>
    private async Task<bool> IsCommitteePersonAsync(ClaimsPrincipal user, Guid? committeeId, CancellationToken ct) =>
        committeeId is { } committee && (await CommitteeIdsAsync(user, ct)).Contains(committee);

    public async Task EnsureReadAsync(ClaimsPrincipal user, ActionPlan plan, CancellationToken ct)
    {
        if (!await CanReadAsync(user, plan, ct))
        {
            throw new UnauthorizedAccessException("This plan is not readable by the caller.");
        }
    }

    public async Task EnsureEditAsync(ClaimsPrincipal user, ActionPlan plan, CancellationToken ct)
    {
        if (!await CanEditAsync(user, plan, ct))
        {
            throw new UnauthorizedAccessException("This plan is not editable by the caller.");
        }
    }

    public async Task EnsureCreateAsync(ClaimsPrincipal user, PlanKind kind, Guid? committeeId, CancellationToken ct)
    {
        if (!await CanCreateAsync(user, kind, committeeId, ct))
        {
            throw new UnauthorizedAccessException("This plan may not be created by the caller.");
        }
    }

    public async Task EnsureStaffAsync(ClaimsPrincipal user)
    {
        if (!await IsStaffAsync(user))
        {
            throw new UnauthorizedAccessException("Only the secretariat may do this.");
        }
    }

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
