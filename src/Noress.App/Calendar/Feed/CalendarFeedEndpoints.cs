using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;

namespace Noress.App.Calendar.Feed;

public static class CalendarFeedEndpoints
{
    /// <summary>How far back and ahead the feed reaches.</summary>
    public static readonly TimeSpan PastWindow = TimeSpan.FromDays(60);
    public static readonly TimeSpan FutureWindow = TimeSpan.FromDays(400);

    /// <summary>Anonymous by design: calendar apps cannot sign in, the secret token is the credential.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/feed/{token}.ics", async (
            string token,
            CalendarFeedService feeds,
            CalendarService calendar,
            TimeProvider clock,
            IOptions<AccountOptions> accountOptions,
            UserManager<NoressUser> users,
            HttpContext context,
            CancellationToken cancellationToken) =>
        {
            if (await feeds.ResolveAsync(token, cancellationToken) is not { } userId
                || await calendar.ViewerAsync(userId, cancellationToken) is not { } viewer)
            {
                return Results.NotFound();
            }

            // The token stands in for a sign-in, so it gets the sign-in's rule: staff who must enrol in
            // two-factor and have not get nothing (the cookie-based check never sees this request).
            if (accountOptions.Value.RequireTwoFactorForStaff && viewer.IsSecretariat
                && await users.FindByIdAsync(userId.ToString()) is { TwoFactorEnabled: false })
            {
                return Results.NotFound();
            }

            // No cookie comes with a calendar app's request: titles follow the owner's language. The culture
            // flows with this request's async context only.
            var culture = CultureInfo.GetCultureInfo(NoressCultures.Normalize(await calendar.CultureOfAsync(userId, cancellationToken)));
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var now = clock.GetUtcNow().UtcDateTime;
            var items = await calendar.ListForAsync(viewer, now - PastWindow, now + FutureWindow, cancellationToken);
            var ics = IcsWriter.Feed("NORESS", items, accountOptions.Value.PublicBaseUrl, now);
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(ics, IcsWriter.ContentType + "; charset=utf-8");
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }
}
