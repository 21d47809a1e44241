using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Security;

/// <summary>Refuses Blazor hub handshakes (negotiate and WebSocket) that come from a foreign origin.</summary>
internal sealed partial class BlazorOriginMiddleware(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, ILogger<BlazorOriginMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor"))
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (!OriginCheck.IsAllowed(origin, context.Request.Scheme, context.Request.Host.Value ?? string.Empty, options.CurrentValue.AllowedOrigins))
            {
                LogRefused(logger, origin, context.Request.Path);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
        }

        return next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Blazor hub request from foreign origin {Origin} to {Path}")]
    private static partial void LogRefused(ILogger logger, string origin, PathString path);
}
