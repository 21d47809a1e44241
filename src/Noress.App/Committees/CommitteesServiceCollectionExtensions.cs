using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Noress.App.Committees.Recommendations;
using Noress.App.Committees.Workspace;

namespace Noress.App.Committees;

public static class CommitteesServiceCollectionExtensions
{
    /// <summary>The committee workspaces (ADR 0028); CommitteeService itself is registered with the sessions.</summary>
    public static IServiceCollection AddNoressCommittees(this IServiceCollection services)
    {
        services.AddSingleton<CommitteeLive>();
        services.AddScoped<CommitteeWorkspaceAccess>();
        services.AddScoped<CommitteeWorkspaceService>();
        services.AddScoped<ICommitteeFeed>(sp => sp.GetRequiredService<CommitteeWorkspaceService>());
        services.AddScoped<RecommendationService>();
        services.AddScoped<IForwardToPlenary>(sp => sp.GetRequiredService<RecommendationService>());
        services.AddCommitteeActivitySource<RecommendationActivitySource>();
        // The plans feature registers its own link; until then no committee has a plan and the slot stays empty.
        services.TryAddScoped<ICommitteePlanLink, NoCommitteePlanLink>();
        return services;
    }
}
