using Microsoft.EntityFrameworkCore;
using Noress.App.Data;

namespace Noress.App.Accounts.Invitations;

/// <summary>How many invitations still wait for an answer: an aggregate other features may show (the dashboard).</summary>
public sealed class PendingInvitations(IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
    }
}
