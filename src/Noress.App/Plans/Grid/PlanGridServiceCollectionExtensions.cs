using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;

namespace Noress.App.Plans.Grid;

public static class PlanGridServiceCollectionExtensions
{
    /// <summary>The plan pages: row presence (one registry per node) and the circuit hook that clears it on disconnect.</summary>
    public static IServiceCollection AddNoressPlanGrid(this IServiceCollection services)
    {
        services.AddSingleton<PlanPresence>();
        services.AddScoped<PlanPresenceCircuit>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<PlanPresenceCircuit>());
        return services;
    }

    /// <summary>Evidence downloads and the plan's exports; the services check the plan's read rule again.</summary>
    public static IEndpointRouteBuilder MapNoressPlanGrid(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/action-plans/evidence/{id:guid}", async (Guid id, System.Security.Claims.ClaimsPrincipal user, PlanService plans, HttpContext context, CancellationToken ct) =>
        {
            // Absent and forbidden look the same.
            if (await plans.OpenEvidenceAsync(user, id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.ContentType, Shared.Localization.PeopleText.Plain(file.FileName));
        }).RequireAuthorization(Policies.Member);
        Exchange.PlanExchangeEndpoints.MapNoressPlanExchange(endpoints);
        return endpoints;
    }
}
