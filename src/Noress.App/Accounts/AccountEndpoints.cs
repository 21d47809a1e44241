using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Noress.App.Accounts;

/// <summary>Account endpoints that are plain HTTP posts rather than pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (SignInManager<NoressUser> signInManager, HttpContext context) =>
        {
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/Account/Login");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute(true));
        return endpoints;
    }
}
