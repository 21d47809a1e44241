using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Notifications;

internal static class NotificationTestData
{
    public static async Task<NoressUser> UserAsync(this NoressAppFactory factory, string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    public static async Task<T> WithDbAsync<T>(this NoressAppFactory factory, Func<NoressDbContext, Task<T>> action)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    /// <summary>A pending invitation sent by <paramref name="inviter"/>, expiring at <paramref name="expiresAt"/>.</summary>
    public static Task<Invitation> AddInvitationAsync(this NoressAppFactory factory, NoressUser inviter, string fullName, DateTime expiresAt) =>
        factory.WithDbAsync(async db =>
        {
            var invitation = new Invitation
            {
                Email = $"{Guid.NewGuid():N}@example.org",
                FullName = fullName,
                InstitutionId = inviter.InstitutionId!.Value,
                Role = Roles.Member,
                TokenHash = Guid.NewGuid().ToString("N"),
                CreatedAt = expiresAt.AddDays(-7),
                ExpiresAt = expiresAt,
                InvitedById = inviter.Id,
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation;
        });

    /// <summary>Two app nodes on one database (a temporary SQLite file or a PostgreSQL database), writing mail to one folder.</summary>
    public static (NoressAppFactory First, NoressAppFactory Second) TwoNodes(DatabaseProvider provider)
    {
        var first = new NoressAppFactory(provider);
        var second = NoressAppFactory.OnExistingDatabase(provider, first.ConnectionString).With("Email:PickupDirectory", first.MailDirectory);
        return (first, second);
    }
}
