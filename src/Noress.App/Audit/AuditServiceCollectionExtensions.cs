using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace Noress.App.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddNoressAudit(this IServiceCollection services)
    {
        services.AddScoped<CircuitHandler, AuditActorCircuitHandler>();
        services.AddScoped<AuditService>();
        return services;
    }

    /// <summary>After authentication, so the request's user is known.</summary>
    public static IApplicationBuilder UseNoressAuditActor(this IApplicationBuilder app) =>
        app.UseMiddleware<AuditActorMiddleware>();
}
