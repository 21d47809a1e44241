using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Noress.App.Calendar.Feed;
using Noress.App.Calendar.Reminders;
using Noress.App.Shared.Jobs;

namespace Noress.App.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>Registers a feature's dated obligations with the calendar, its feed and the reminders.</summary>
    public static IServiceCollection AddCalendarSource<TSource>(this IServiceCollection services)
        where TSource : class, ICalendarSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICalendarSource, TSource>());
        return services;
    }

    /// <summary>The calendar, its feed, the reminders and their job.</summary>
    public static IServiceCollection AddNoressCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarService>();
        services.AddSingleton<CalendarFeedService>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ReminderRuleService>();
        services.AddRecurringJobs<CalendarJobs>();
        return services;
    }

    private sealed class CalendarJobs : IRecurringJobs
    {
        public void Register(IRecurringJobManager jobs) =>
            jobs.AddOrUpdate<ReminderService>("reminders", s => s.DispatchDueAsync(CancellationToken.None), "*/15 * * * *");
    }
}
