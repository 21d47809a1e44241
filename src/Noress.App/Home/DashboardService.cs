using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts.Invitations;
using Noress.App.Data;

namespace Noress.App.Home;

/// <summary>The home page's figures: counts of the shared reference tables (ADR 0001) and other features' own figures.</summary>
public sealed class DashboardService(IDbContextFactory<NoressDbContext> dbFactory, PendingInvitations pendingInvitations)
{
    public async Task<DashboardFigures> GetFiguresAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new DashboardFigures(
            Institutions: await db.Institutions.CountAsync(cancellationToken),
            People: await db.Users.CountAsync(u => u.IsActive, cancellationToken),
            Committees: await db.Committees.CountAsync(cancellationToken),
            PendingInvitations: await pendingInvitations.CountAsync(cancellationToken),
            HasDemoData: await db.Institutions.AnyAsync(i => i.IsDemo, cancellationToken));
    }
}

public sealed record DashboardFigures(int Institutions, int People, int Committees, int PendingInvitations, bool HasDemoData);

public static class HomeServiceCollectionExtensions
{
    /// <summary>The dashboard's figures.</summary>
    public static IServiceCollection AddNoressHome(this IServiceCollection services) =>
        services.AddSingleton<DashboardService>();
}
