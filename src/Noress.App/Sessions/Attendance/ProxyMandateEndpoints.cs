using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;

namespace Noress.App.Sessions.Attendance;

/// <summary>The signed mandate's download; the service decides who may read it (the secretariat and the two institutions).</summary>
public static class ProxyMandateEndpoints
{
    public static IEndpointRouteBuilder MapProxyMandates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sessions/proxies/{proxyId:guid}/mandate", async (Guid proxyId, ClaimsPrincipal user, ProxyMandateService mandates, HttpContext context, CancellationToken ct) =>
        {
            // Absent and forbidden look the same, so the endpoint does not reveal which proxies have a scan.
            if (await mandates.OpenAsync(user, proxyId, ct) is not { } mandate)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(mandate.Content, mandate.ContentType, PeopleText.Plain(mandate.FileName));
        }).RequireAuthorization(Policies.Member);
        return endpoints;
    }
}
