using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;

namespace Noress.App.Accounts.TwoFactor;

/// <summary>
/// Keeps staff who must use two-factor but have not enrolled on the account pages: page requests
/// are redirected to enrolment and anything else (the Blazor circuit hub included) is refused, so
/// no interactive session can start before enrolment. The decision is taken from the matched endpoint
/// (routing runs first), never from the look of the path: an export ending in <c>.pdf</c> is data.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next, IOptionsMonitor<AccountOptions> options)
{
    public const string EnrolmentPath = "/Account/Manage/TwoFactor";

    public Task InvokeAsync(HttpContext context)
    {
        if (!TwoFactorRules.MustEnrol(context.User, options.CurrentValue.RequireTwoFactorForStaff) || IsAllowed(context.GetEndpoint()))
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

    // Allowed: endpoints marked AllowBeforeTwoFactorEnrolment and static assets (MapStaticAssets tags each
    // with its descriptor). No endpoint (an unknown path) and every other endpoint are enforced.
    internal static bool IsAllowed(Endpoint? endpoint) =>
        endpoint is not null
        && (endpoint.Metadata.GetMetadata<AllowBeforeTwoFactorEnrolmentAttribute>() is not null
            || endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null);
}

public static class TwoFactorEnforcementExtensions
{
    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();
}
