using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Security;

/// <summary>
/// Refuses hub handshakes (negotiate, WebSocket, long polling) and any WebSocket upgrade that come from a
/// foreign or opaque ("null") origin. Browsers apply no CORS to WebSockets, so without this a page on
/// another origin could drive a hub with the visitor's cookies. It runs after routing and recognises hubs
/// by their endpoint metadata, so every hub mapped with MapHub (the Blazor circuit, the document hub and
/// any later one) is covered without being listed.
/// </summary>
internal sealed partial class HubOriginMiddleware(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, ILogger<HubOriginMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (IsChecked(context))
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

    /// <summary>A hub endpoint (its negotiate endpoint included) or a WebSocket upgrade to anything.</summary>
    internal static bool IsChecked(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        return metadata?.GetMetadata<HubMetadata>() is not null
            || metadata?.GetMetadata<NegotiateMetadata>() is not null
            || IsWebSocketRequest(context);
    }

    // The WebSocket feature is only added inside the hub's own pipeline, so the request itself is read:
    // an HTTP/1.1 upgrade or an HTTP/2 extended CONNECT for the websocket protocol.
    private static bool IsWebSocketRequest(HttpContext context) =>
        context.Request.Headers.Upgrade.Any(value => string.Equals(value, "websocket", StringComparison.OrdinalIgnoreCase))
        || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: var protocol }
            && string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a hub request from foreign origin {Origin} to {Path}")]
    private static partial void LogRefused(ILogger logger, string origin, PathString path);
}
