using Microsoft.AspNetCore.Http;

namespace Noress.App.Shared.Security;

/// <summary>
/// Adds the security headers to every response: pages, static files, errors and 404s. They are set
/// when the response starts, so the exception handler's and status-code pages' resets cannot drop them.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(
                ContentSecurityPolicy.NonceOf(http), http.Request.Host.Value ?? "localhost", http.Request.IsHttps);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
