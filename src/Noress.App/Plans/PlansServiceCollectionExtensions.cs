using Microsoft.Extensions.DependencyInjection;
using Noress.App.Committees.Workspace;

namespace Noress.App.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>Action plans: access rules, the service, its live announcements and the committee workspace's plan slot and feed.</summary>
    public static IServiceCollection AddNoressPlans(this IServiceCollection services)
    {
        services.AddScoped<PlansAccess>();
        services.AddScoped<PlanService>();
        services.AddSingleton<PlanLive>();
        services.AddSingleton<PlanViewCache>();
        // The committee workspace shows the committee's thematic plan and its changes.
        services.AddScoped<ICommitteePlanLink, PlanCommitteeLink>();
        services.AddCommitteeActivitySource<PlanActivitySource>();
        return services;
    }
}
