using Microsoft.EntityFrameworkCore;
using Noress.App.Accounts.Invitations;
using Noress.App.Data;

namespace Noress.App.Calendar.Feed;

/// <summary>Issues, revokes and resolves the secret tokens of personal iCalendar feeds.</summary>
public sealed class CalendarFeedService(IDbContextFactory<NoressDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Replaces the person's token (the old URL stops working) and returns the new secret, shown once.</summary>
    public async Task<string> RegenerateAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var token = InvitationToken.Create();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        if (stored is null)
        {
            db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = userId, TokenHash = InvitationToken.Hash(token), CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            stored.TokenHash = InvitationToken.Hash(token);
            stored.CreatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task RevokeAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.UserId == userId, cancellationToken);
        if (stored is not null)
        {
            db.CalendarFeedTokens.Remove(stored);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>When the person's current feed was issued; null when there is none.</summary>
    public async Task<DateTime?> IssuedAtAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CalendarFeedTokens.Where(t => t.UserId == userId).Select(t => (DateTime?)t.CreatedAt).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The feed's owner, or null for an unknown or revoked token.</summary>
    public async Task<Guid?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = InvitationToken.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CalendarFeedTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.UserId).SingleOrDefaultAsync(cancellationToken);
    }
}
