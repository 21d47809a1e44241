using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Noress.App.Accounts;

namespace Noress.App.Shared.Localization;

/// <summary>Switches the language: a cookie for everyone, the profile too for a signed-in person.</summary>
public static class CultureEndpoints
{
    public const string Path = "/culture/set";

    public static string SwitchUrl(string culture, string returnUrl) =>
        $"{Path}?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (string? culture, string? returnUrl, HttpContext context, UserManager<NoressUser> users) =>
        {
            var normalized = NoressCultures.Normalize(culture);
            WriteCookie(context, normalized);
            if (context.User.Identity?.IsAuthenticated == true
                && await users.GetUserAsync(context.User) is { } user
                && user.PreferredCulture != normalized)
            {
                user.PreferredCulture = normalized;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(AccountLinks.LocalReturnUrl(returnUrl));
        });
        return endpoints;
    }

    public static void WriteCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
}
