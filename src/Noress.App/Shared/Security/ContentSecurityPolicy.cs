using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Noress.App.Shared.Security;

/// <summary>
/// The platform's Content-Security-Policy (ADR 0005). Scripts come only from our origin plus the one
/// inline import map, which carries a per-request nonce; styles allow 'unsafe-inline' because
/// MudBlazor writes style attributes and a theme style element.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string NonceItem = "Noress.CspNonce";

    /// <summary>The nonce of the current response, created on first use.</summary>
    public static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceItem] is string nonce)
        {
            return nonce;
        }

        // Hex keeps the nonce free of characters that HTML attribute encoding would rewrite.
        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    /// <summary>Builds the header value for a request to <paramref name="host"/> over <paramref name="isHttps"/>.</summary>
    public static string Build(string nonce, string host, bool isHttps)
    {
        // 'self' covers same-origin WebSockets in current browsers; the explicit ws(s) source covers the rest.
        var webSocket = $"{(isHttps ? "wss" : "ws")}://{host}";
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            $"connect-src 'self' {webSocket}",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'");
    }
}
