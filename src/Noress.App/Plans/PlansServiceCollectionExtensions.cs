using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calendar;
using Noress.App.Committees.Workspace;
using Noress.App.Plans.Reminders;
using Noress.App.Shared.Jobs;

namespace Noress.App.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>Action plans: access rules, the service, its live announcements and the committee workspace's plan slot and feed.</summary>
    public static IServiceCollection AddNoressPlans(this IServiceCollection services)
    {
        services.AddScoped<PlansAccess>();
        services.AddScoped<PlanService>();
        services.AddSingleton<PlanLive>();
        services.AddScoped<Exchange.PlanExchangeService>();
        services.AddSingleton<PlanViewCache>();
        // The committee workspace shows the committee's thematic plan and its changes.
        services.AddScoped<ICommitteePlanLink, PlanCommitteeLink>();
        services.AddCommitteeActivitySource<PlanActivitySource>();
        // Reminders (ADR 0032): due dates in the calendar (the reminder rules of kind plan.action remind owners),
        // the weekly digest, the plenary's status report.
        services.AddCalendarSource<PlanCalendarSource>();
        services.AddSingleton<PlanNoticeService>();
        services.AddScoped<PlanStatusReportService>();
        services.AddRecurringJobs<PlanJobs>();
        return services;
    }

    private sealed class PlanJobs : IRecurringJobs
    {
        public void Register(IRecurringJobManager jobs)
        {
            // Mondays 08:00 (UTC, 08:00 or 09:00 in Casablanca): the week's digest; hourly: plenaries convened or near.
            jobs.AddOrUpdate<PlanNoticeService>("plans-weekly-digest", s => s.SendWeeklyDigestsAsync(CancellationToken.None), "0 8 * * 1");
            jobs.AddOrUpdate<PlanNoticeService>("plans-plenary-report", s => s.NotifyPlenariesAsync(CancellationToken.None), "5 * * * *");
        }
    }
}
