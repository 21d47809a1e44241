using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.Sessions;

namespace Noress.App.Plans.Reminders;

/// <summary>
/// The people an action's reminders, calendar entries and digests may reach, by id (jobs have no caller). A thematic
/// plan is its committee's content (ADR 0028): only the committee's people and the staff; the strategic plan: anyone active.
/// </summary>
internal static class PlanAudiences
{
    /// <summary>Active secretariat and administrators.</summary>
    public static async Task<HashSet<Guid>> StaffAsync(NoressDbContext db, CancellationToken ct) =>
        [.. await (from user in db.Users.AsNoTracking()
                   join userRole in db.UserRoles on user.Id equals userRole.UserId
                   join role in db.Roles on userRole.RoleId equals role.Id
                   where user.IsActive && (role.Name == Roles.Secretariat || role.Name == Roles.Administrator)
                   select user.Id).Distinct().ToListAsync(ct)];

    /// <summary>A committee's people today (ADR 0022): a position in force, or an active person of a seated institution.</summary>
    public static async Task<HashSet<Guid>> CommitteePeopleAsync(NoressDbContext db, Guid committeeId, DateOnly today, CancellationToken ct)
    {
        var positions = await db.Set<CommitteePosition>().AsNoTracking()
            .Where(p => p.CommitteeId == committeeId && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today))
            .Select(p => p.UserId).ToListAsync(ct);
        var seated = await CommitteeService.SeatedInstitutionsAsync(db, committeeId, today, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive && u.InstitutionId != null && seated.Contains(u.InstitutionId.Value)).Select(u => u.Id).ToListAsync(ct);
        var active = await db.Users.AsNoTracking().Where(u => u.IsActive && positions.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return [.. people, .. active];
    }

    /// <summary>Who may receive a plan's content: null means everyone (the strategic plan).</summary>
    public static async Task<IReadOnlySet<Guid>?> ReadersAsync(NoressDbContext db, ActionPlan plan, IReadOnlySet<Guid> staff, DateOnly today, CancellationToken ct)
    {
        if (plan.Kind != PlanKind.Thematic || plan.CommitteeId is not { } committeeId)
        {
            return null;
        }

        var people = await CommitteePeopleAsync(db, committeeId, today, ct);
        people.UnionWith(staff);
        return people;
    }

    /// <summary>The titular representative in force today of each institution that has one.</summary>
    public static async Task<Dictionary<Guid, Guid>> TitularsAsync(NoressDbContext db, IReadOnlyCollection<Guid> institutionIds, DateOnly today, CancellationToken ct)
    {
        if (institutionIds.Count == 0)
        {
            return [];
        }

        var representatives = await SessionBodies.RepresentativesAsync(db, institutionIds, today, ct);
        return representatives.Where(r => r.Value.TitularId is not null).ToDictionary(r => r.Key, r => r.Value.TitularId!.Value);
    }
}
