using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Sessions;

namespace Noress.App.Committees.Workspace;

/// <summary>Who is looking at a committee's workspace and what they may do there (ADR 0028).</summary>
/// <param name="UserId">The person, or null when not signed in.</param>
/// <param name="IsStaff">Secretariat or administrator: sees everything, forwards nothing, schedules pending recommendations.</param>
/// <param name="IsMember">A position in force, or their institution seated today: sees the committee's private content.</param>
/// <param name="Role">Their position in force today, if any.</param>
public sealed record CommitteeViewer(Guid? UserId, bool IsStaff, bool IsMember, CommitteeRole? Role)
{
    /// <summary>The committee's private content (documents not shared, feed, meetings, recommendations) is theirs to see.</summary>
    public bool SeesPrivate => IsStaff || IsMember;

    /// <summary>The committee speaks to the plenary through its chair or its rapporteur.</summary>
    public bool MayForward => Role is CommitteeRole.Chair or CommitteeRole.Rapporteur;
}

/// <summary>The checks the workspace and recommendation services make themselves, on today's (Casablanca) membership.</summary>
public sealed class CommitteeWorkspaceAccess(IDbContextFactory<NoressDbContext> dbFactory, SessionsAccess access)
{
    public async Task<CommitteeViewer> ViewerAsync(ClaimsPrincipal caller, Guid committeeId, CancellationToken ct)
    {
        if (SessionsAccess.UserId(caller) is not { } userId || !await access.IsMemberAsync(caller))
        {
            return new CommitteeViewer(null, false, false, null);
        }

        var staff = await access.IsSecretariatAsync(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutionId = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => u.InstitutionId).SingleOrDefaultAsync(ct);
        var today = access.Today;
        var member = (await CommitteeService.CommitteeIdsForAsync(db, userId, institutionId, today, ct)).Contains(committeeId);
        var role = await db.Set<CommitteePosition>().AsNoTracking()
            .Where(p => p.CommitteeId == committeeId && p.UserId == userId && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today))
            .Select(p => (CommitteeRole?)p.Role).FirstOrDefaultAsync(ct);
        return new CommitteeViewer(userId, staff, member, role);
    }
}
