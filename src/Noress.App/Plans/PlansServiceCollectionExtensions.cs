using Microsoft.Extensions.DependencyInjection;

namespace Noress.App.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>Action plans: access rules, the service and its live announcements.</summary>
    public static IServiceCollection AddNoressPlans(this IServiceCollection services)
    {
        services.AddScoped<PlansAccess>();
        services.AddScoped<PlanService>();
        services.AddSingleton<PlanLive>();
        return services;
    }
}
