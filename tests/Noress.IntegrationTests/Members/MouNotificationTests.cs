using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Members.Mou;
using Noress.App.Notifications;

using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Members;

/// <summary>A memorandum step tells the institution's people, in the same transaction as the step.</summary>
public sealed class MouNotificationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MoveAsync_Signed_NotifiesTheInstitutionsPeopleInTheirLanguageWithAnOutboxMail(DatabaseProvider provider)
    {
        await using var host = new MembersTestHost(provider: provider);
        var adsId = await PrepareAsync(host);
        var memberId = await host.UserIdAsync("member@noress.demo");
        var repId = await host.UserIdAsync("rep1@noress.demo");

        var result = await SignAsync(host, adsId);

        Assert.True(result.Succeeded, result.Error);
        await using var db = await host.DbAsync();
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.Category == NotificationCategories.Membership).ToListAsync();
        Assert.Equal(new[] { memberId, repId }.Order(), notifications.Select(n => n.UserId).Order());
        Assert.All(notifications, n =>
        {
            Assert.Null(n.ReadAt);
            Assert.Equal("/members/ADS", n.Link);
            Assert.Equal(NotificationEmail.Queued, n.Email);
        });
        Assert.Contains("Signé", notifications.Single(n => n.UserId == memberId).Title, StringComparison.Ordinal);
        Assert.Contains("مذكرة التفاهم", notifications.Single(n => n.UserId == repId).Title, StringComparison.Ordinal);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.Category == NotificationCategories.Membership).ToListAsync();
        Assert.Equal(new[] { memberId, repId }.Order(), mails.Select(m => m.UserId!.Value).Order());
        // Nobody outside the institution hears about it.
        var secretariatId = await host.UserIdAsync("secretariat@noress.demo");
        Assert.DoesNotContain(notifications, n => n.UserId == secretariatId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MoveAsync_SaveFails_LeavesNoNotificationAndNoMail(DatabaseProvider provider)
    {
        await using var host = new MembersTestHost(provider: provider);
        var adsId = await PrepareAsync(host);
        await using (var db = await host.DbAsync())
        {
            // The database refuses the step itself, after the notifications were added to the same save.
            if (provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("CREATE FUNCTION refuse_mou() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$;");
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_mou BEFORE UPDATE ON \"MouSignatures\" FOR EACH ROW EXECUTE FUNCTION refuse_mou();");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_mou BEFORE UPDATE ON MouSignatures BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
            }
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => SignAsync(host, adsId));

        await using var check = await host.DbAsync();
        Assert.False(await check.Notifications.AnyAsync(n => n.Category == NotificationCategories.Membership));
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.Category == NotificationCategories.Membership));
        Assert.Equal(MouStatus.Invited, await check.Set<MouSignature>().Where(s => s.InstitutionId == adsId).Select(s => s.Status).SingleAsync());
    }

    // ADS (member@ and rep1@) starts over as invited; rep1 reads Arabic.
    private static async Task<Guid> PrepareAsync(MembersTestHost host)
    {
        var adsId = await host.InstitutionIdAsync("ADS");
        await using var db = await host.DbAsync();
        var signature = await db.Set<MouSignature>().SingleAsync(s => s.InstitutionId == adsId);
        signature.Status = MouStatus.Invited;
        signature.SignedOn = null;
        signature.SignatoryName = null;
        signature.CountersignedOn = null;
        signature.RenewedOn = null;
        signature.ExpiresOn = null;
        var rep = await db.Users.SingleAsync(u => u.Email == "rep1@noress.demo");
        rep.PreferredCulture = "ar";
        await db.SaveChangesAsync();
        return adsId;
    }

    private static async Task<Outcome<Guid>> SignAsync(MembersTestHost host, Guid adsId)
    {
        var secretariat = await host.PrincipalAsync("secretariat@noress.demo");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await host.WithAsync<MouService, Outcome<Guid>>(s =>
            s.MoveAsync(secretariat, adsId, MouStatus.Signed, new MouStep(today, "Direction ADS", today.AddYears(3)), default));
    }
}
