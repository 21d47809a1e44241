using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar.Reminders;
using Noress.App.Data;
using Noress.App.Notifications;

namespace Noress.IntegrationTests.Notifications;

public sealed class ReminderConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DispatchDueAsync_TwiceConcurrentlyOnTwoNodes_CreatesEachReminderOnce(DatabaseProvider provider)
    {
        var (first, second) = NotificationTestData.TwoNodes(provider);
        await using (first)
        await using (second)
        {
            var secretariat = await first.UserAsync("secretariat@noress.demo");
            var admin = await first.UserAsync("admin@noress.demo");
            _ = second.Services;
            // Only this test's rule is active: "on the due day from 00:00, escalated", due for an invitation expiring now.
            var ruleId = await first.WithDbAsync(async db =>
            {
                await db.ReminderRules.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsActive, false));
                var rule = new ReminderRule { SourceKind = CalendarKinds.InvitationExpiry, OffsetDays = 0, LocalTime = TimeOnly.MinValue, EscalateToSecretariat = true };
                db.ReminderRules.Add(rule);
                await db.SaveChangesAsync();
                return rule.Id;
            });
            await first.AddInvitationAsync(secretariat, "Amina Haddad", DateTime.UtcNow.AddMinutes(-1));

            var services = new[] { first, first, second, second }.Select(f => f.Services.GetRequiredService<ReminderService>()).ToList();
            await Task.WhenAll(services.Select(s => Task.Run(() => s.DispatchDueAsync())));
            await Task.WhenAll(services.Select(s => Task.Run(() => s.DispatchDueAsync())));

            var dispatches = await first.WithDbAsync(db => db.ReminderDispatches.AsNoTracking().Where(d => d.RuleId == ruleId).ToListAsync());
            Assert.Equal(new[] { admin.Id, secretariat.Id }.Order(), dispatches.Select(d => d.RecipientId).Order());
            var reminders = await first.WithDbAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.Category == NotificationCategories.Reminders).ToListAsync());
            Assert.Equal(2, reminders.Count);
            Assert.All(reminders, n => Assert.Contains("Amina Haddad", n.Title, StringComparison.Ordinal));
            var mails = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .CountAsync(m => m.Category == NotificationCategories.Reminders));
            Assert.Equal(2, mails);
        }
    }
}
