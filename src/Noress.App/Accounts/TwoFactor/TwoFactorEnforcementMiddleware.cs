using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>
/// Keeps staff who must use two-factor but have not enrolled on the account pages: page requests
/// are redirected to enrolment and anything else (the Blazor circuit hub included) is refused, so
/// no interactive session can start before enrolment.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next, IOptionsMonitor<AccountOptions> options)
{
    public const string EnrolmentPath = "/Account/Manage/TwoFactor";

    public Task InvokeAsync(HttpContext context)
    {
        if (!TwoFactorRules.MustEnrol(context.User, options.CurrentValue.RequireTwoFactorForStaff) || IsAllowed(context.Request.Path))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(EnrolmentPath);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    }

    // Account pages (enrolment, sign-out), the language switch and static files stay reachable;
    // static assets are the only paths with a file extension.
    internal static bool IsAllowed(PathString path) =>
        path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
        || Path.HasExtension(path.Value);
}

public static class TwoFactorEnforcementExtensions
{
    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();
}
