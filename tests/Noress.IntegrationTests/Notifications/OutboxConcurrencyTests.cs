using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Noress.App.Data;
using Noress.App.Notifications;
using Noress.App.Notifications.Outbox;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Notifications;

public sealed class OutboxConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ProcessDueAsync_TwiceConcurrentlyOnTwoNodes_SendsEachMessageExactlyOnce(DatabaseProvider provider)
    {
        var (first, second) = NotificationTestData.TwoNodes(provider);
        await using (first)
        await using (second)
        {
            var member = await first.UserAsync("member@noress.demo");
            _ = second.Services;
            var notifications = first.Services.GetRequiredService<NotificationService>();
            var titles = Enumerable.Range(1, 40).Select(i => $"Document {i} {Guid.NewGuid():N}").ToList();
            foreach (var title in titles)
            {
                await notifications.NotifyAsync(member.Id, NotificationCategories.Documents, title, "Corps", "/documents");
            }

            var processors = new[] { first, first, second, second }.Select(f => f.Services.GetRequiredService<OutboxProcessor>()).ToList();
            await Task.WhenAll(processors.Select(p => Task.Run(() => p.ProcessDueAsync())));
            // The hosted recurring job may have taken part too; either way nothing is left and nothing doubled.
            await Task.WhenAll(processors.Select(p => Task.Run(() => p.ProcessDueAsync())));

            var subjects = Directory.GetFiles(first.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f).Subject).ToList();
            foreach (var title in titles)
            {
                Assert.Single(subjects, s => s == title);
            }

            var statuses = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .Where(m => m.UserId == member.Id && m.Category == NotificationCategories.Documents)
                .Select(m => new { m.Status, m.Attempts }).ToListAsync());
            Assert.Equal(titles.Count, statuses.Count);
            Assert.All(statuses, s => Assert.Equal((OutboxStatus.Sent, 1), (s.Status, s.Attempts)));
        }
    }

    [Fact]
    public async Task NotifyAsync_PreferenceDigestThenOff_QueuesNoImmediateMailAndOneDigest()
    {
        await using var factory = new NoressAppFactory();
        var member = await factory.UserAsync("member@noress.demo");
        var preferences = factory.Services.GetRequiredService<NotificationPreferenceService>();
        var notifications = factory.Services.GetRequiredService<NotificationService>();
        await preferences.SetAsync(member.Id, NotificationCategories.Calls, EmailDelivery.DailyDigest);
        await preferences.SetAsync(member.Id, NotificationCategories.Sessions, EmailDelivery.Off);

        await notifications.NotifyAsync(member.Id, NotificationCategories.Calls, "Appel A", null, "/calls");
        await notifications.NotifyAsync(member.Id, NotificationCategories.Calls, "Appel B", null, "/calls");
        await notifications.NotifyAsync(member.Id, NotificationCategories.Sessions, "Session", null, "/sessions");
        var digests = factory.Services.GetRequiredService<DailyDigestService>();
        await Task.WhenAll(Task.Run(() => digests.QueueDigestsAsync()), Task.Run(() => digests.QueueDigestsAsync()));

        var queued = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.UserId == member.Id).ToListAsync());
        var digest = Assert.Single(queued);
        Assert.Equal("digest", digest.Category);
        Assert.Contains("Appel A", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Appel B", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Session", digest.TextBody, StringComparison.Ordinal);
    }
}
