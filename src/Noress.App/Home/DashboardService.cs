using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Home;

/// <summary>The home page's figures, read straight from the database.</summary>
public sealed class DashboardService(IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DashboardFigures> GetFiguresAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new DashboardFigures(
            Institutions: await db.Institutions.CountAsync(cancellationToken),
            People: await db.Users.CountAsync(u => u.IsActive, cancellationToken),
            Committees: await db.Committees.CountAsync(cancellationToken),
            PendingInvitations: await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken),
            HasDemoData: await db.Institutions.AnyAsync(i => i.IsDemo, cancellationToken));
    }
}

public sealed record DashboardFigures(int Institutions, int People, int Committees, int PendingInvitations, bool HasDemoData);
