using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar;
using Noress.App.Shared.Jobs;

namespace Noress.App.Calls.Jobs;

public static class CallJobsServiceCollectionExtensions
{
    /// <summary>The calls' scheduled notices (ADR 0043) and their dates in the calendar and feeds.</summary>
    public static IServiceCollection AddNoressCallJobs(this IServiceCollection services)
    {
        services.AddScoped<CallJobService>();
        services.AddCalendarSource<CallOpeningCalendarSource>();
        services.AddCalendarSource<CallEvaluationCalendarSource>();
        services.AddCalendarSource<CallResultsCalendarSource>();
        services.AddCalendarSource<CallReportCalendarSource>();
        services.AddRecurringJobs<CallJobs>();
        return services;
    }

    private sealed class CallJobs : IRecurringJobs
    {
        // Every five minutes: a publication is told within five minutes of its instant, reminders as near to theirs.
        public void Register(IRecurringJobManager jobs) =>
            jobs.AddOrUpdate<CallJobService>("calls-schedule", s => s.RunDueAsync(CancellationToken.None), "*/5 * * * *");
    }
}
