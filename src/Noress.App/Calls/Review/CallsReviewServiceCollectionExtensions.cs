using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calls.Screening;

namespace Noress.App.Calls.Review;

public static class CallsReviewServiceCollectionExtensions
{
    /// <summary>The review side of calls: the read rule, the workflow service, the jury, score sheets and the deliberation.</summary>
    public static IServiceCollection AddNoressCallsReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewAccess>();
        services.AddScoped<ApplicationWorkflowService>();
        services.AddScoped<ScreeningService>();
        services.AddScoped<JuryService>();
        services.AddScoped<ScoreSheetService>();
        services.AddScoped<DeliberationService>();
        services.AddScoped<ReviewFileService>();
        return services;
    }
}
