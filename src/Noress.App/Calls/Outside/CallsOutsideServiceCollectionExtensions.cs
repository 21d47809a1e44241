using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Noress.App.Calls.Outside;

public static class CallsOutsideServiceCollectionExtensions
{
    /// <summary>The outside applicants' area; the calls feature replaces the applications placeholder with its own.</summary>
    public static IServiceCollection AddNoressCallsOutside(this IServiceCollection services)
    {
        services.TryAddScoped<IOutsideApplicantApplications, NoOutsideApplications>();
        return services;
    }
}
