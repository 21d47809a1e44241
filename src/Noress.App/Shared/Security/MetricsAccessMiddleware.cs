using System.Net;
using Microsoft.AspNetCore.Http;
using Noress.App.Accounts;

namespace Noress.App.Shared.Security;

/// <summary>
/// Hides the endpoints marked <see cref="LocalOrAdministratorOnlyMetadata"/> (/metrics) from everyone but
/// administrators and scrapers on the same machine. A request without a remote address (an in-process test
/// server) is not treated as local.
/// </summary>
internal sealed class MetricsAccessMiddleware(RequestDelegate next)
{
    public const string Path = "/metrics";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Has<LocalOrAdministratorOnlyMetadata>() && !IsAllowed(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }

    internal static bool IsAllowed(HttpContext context) =>
        IsLoopback(context.Connection.RemoteIpAddress) || context.User.IsInRole(Roles.Administrator);

    internal static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
