using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Noress.App.Accounts.Invitations;
using Noress.App.Calendar;
using Noress.App.Notifications.Outbox;
using Noress.App.Shared.Time;

namespace Noress.App.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Notification centre, e-mail outbox and digest, the calendar with its feed and reminders, and their jobs.</summary>
    public static IServiceCollection AddNoressNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NotificationPreferenceService>();
        services.AddSingleton<NotificationMails>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<DailyDigestService>();
        services.AddSingleton<OutboxMonitorService>();
        services.AddHealthChecks().AddCheck<OutboxBacklogHealthCheck>("outbox", tags: [Shared.Health.HealthTags.Ready]);
        services.AddNoressCalendar();
        services.AddCalendarSource<InvitationExpiryCalendarSource>();
        services.AddHostedService<RecurringJobRegistration>();
        return services;
    }

    /// <summary>Declares the recurring jobs once the job storage is up; AddOrUpdate is idempotent across nodes.</summary>
    private sealed class RecurringJobRegistration(IServiceProvider services, ILoggerFactory loggerFactory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Hangfire's log provider is process-wide: when several hosts share a process (tests), the last one
            // configured may already be disposed, so this host's own logging is put back before use.
            GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(loggerFactory));
            var jobs = services.GetRequiredService<IRecurringJobManager>();
            jobs.AddOrUpdate<OutboxProcessor>("outbox", p => p.ProcessDueAsync(CancellationToken.None), Cron.Minutely());
            jobs.AddOrUpdate<DailyDigestService>(
                "daily-digest",
                d => d.QueueDigestsAsync(CancellationToken.None),
                Cron.Daily(7),
                new RecurringJobOptions { TimeZone = NoressClock.TimeZone });
            CalendarServiceCollectionExtensions.RegisterCalendarJobs(jobs);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
