using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Noress.App.Calls.Outside;

public static class CallsOutsideServiceCollectionExtensions
{
    /// <summary>The outside applicants' area, over the calls feature's applications (only the account's own).</summary>
    public static IServiceCollection AddNoressCallsOutside(this IServiceCollection services)
    {
        services.RemoveAll<IOutsideApplicantApplications>();
        services.AddScoped<IOutsideApplicantApplications, OutsideApplications>();
        return services;
    }
}
