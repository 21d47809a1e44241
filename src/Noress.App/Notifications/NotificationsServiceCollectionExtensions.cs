using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts.Invitations;
using Noress.App.Calendar;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Jobs;
using Noress.App.Shared.Time;

namespace Noress.App.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Notification centre, e-mail outbox and digest, and their jobs.</summary>
    public static IServiceCollection AddNoressNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NotificationPreferenceService>();
        services.AddSingleton<NotificationMails>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<DailyDigestService>();
        services.AddSingleton<OutboxMonitorService>();
        services.AddHealthChecks().AddCheck<OutboxBacklogHealthCheck>("outbox", tags: [Shared.Health.HealthTags.Ready]);
        services.AddCalendarSource<InvitationExpiryCalendarSource>();
        services.AddRecurringJobs<NotificationJobs>();
        return services;
    }

    private sealed class NotificationJobs : IRecurringJobs
    {
        public void Register(IRecurringJobManager jobs)
        {
            jobs.AddOrUpdate<OutboxProcessor>("outbox", p => p.ProcessDueAsync(CancellationToken.None), Cron.Minutely());
            jobs.AddOrUpdate<DailyDigestService>(
                "daily-digest",
                d => d.QueueDigestsAsync(CancellationToken.None),
                Cron.Daily(7),
                new RecurringJobOptions { TimeZone = NoressClock.TimeZone });
        }
    }
}
