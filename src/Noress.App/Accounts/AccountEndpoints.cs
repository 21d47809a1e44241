using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Noress.App.Accounts;

/// <summary>Account endpoints that are plain HTTP posts rather than pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The antiforgery middleware only records its verdict; an endpoint that binds no form must refuse
        // on its own, or a page on another site could sign people out.
        endpoints.MapPost("/Account/Logout", async (SignInManager<NoressUser> signInManager, IAntiforgery antiforgery, HttpContext context) =>
        {
            var verdict = context.Features.Get<IAntiforgeryValidationFeature>();
            if (verdict is { IsValid: false } || (verdict is null && !await antiforgery.IsRequestValidAsync(context)))
            {
                // Re-executing the not-found page would replay this POST into a component page: answer a bare 400.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                return Results.BadRequest();
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/Account/Login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute(true));
        return endpoints;
    }
}
