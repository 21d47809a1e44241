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

    /// <summary>
    /// Set when a visitor who is not signed in picks a language, so that signing in keeps that choice (and saves
    /// it to the profile) instead of replacing it with the profile's older one. Cleared at sign-in.
    /// </summary>
    public const string ChoiceCookieName = ".Noress.CultureChoice";

    public static string SwitchUrl(string culture, string returnUrl) =>
        $"{Path}?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (string? culture, string? returnUrl, HttpContext context, UserManager<NoressUser> users) =>
        {
            var normalized = NoressCultures.Normalize(culture);
            WriteCookie(context, normalized);
            if (context.User.Identity?.IsAuthenticated != true)
            {
                WriteChoiceCookie(context, normalized);
            }
            else if (await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != normalized)
            {
                user.PreferredCulture = normalized;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(AccountLinks.LocalReturnUrl(returnUrl));
        });
        return endpoints;
    }

    /// <summary>
    /// At sign-in: a language the visitor chose just before signing in is kept and saved to the profile;
    /// otherwise the profile's saved language applies (the browser's language only stands in until then).
    /// </summary>
    public static async Task ApplyAtSignInAsync(HttpContext context, NoressUser user, UserManager<NoressUser> users)
    {
        var chosen = NoressCultures.Match(context.Request.Cookies[ChoiceCookieName]);
        if (chosen is null)
        {
            WriteCookie(context, NoressCultures.Normalize(user.PreferredCulture));
            return;
        }

        if (NoressCultures.Normalize(user.PreferredCulture) != chosen)
        {
            user.PreferredCulture = chosen;
            await users.UpdateAsync(user);
        }

        WriteCookie(context, chosen);
        // Used once: the next person to sign in on this browser gets their own profile's language.
        context.Response.Cookies.Delete(ChoiceCookieName, CookieOptions(context));
    }

    public static void WriteCookie(HttpContext context, string culture)
    {
        var options = CookieOptions(context);
        options.Expires = DateTimeOffset.UtcNow.AddYears(1);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            options);
    }

    // A session cookie: a choice made on a shared computer and never followed by a sign-in does not linger.
    private static void WriteChoiceCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(ChoiceCookieName, culture, CookieOptions(context));

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
    };
}
