namespace Noress.App.Shared.Security;

/// <summary>
/// Decides whether a browser's Origin header may open a Blazor circuit. Browsers do not apply CORS to
/// WebSockets, so without this a foreign page could drive a circuit with the visitor's cookies.
/// </summary>
public static class OriginCheck
{
    /// <param name="origin">The Origin header, or null/empty when the client sent none (non-browser clients).</param>
    /// <param name="scheme">The request's scheme.</param>
    /// <param name="host">The request's Host header (host and optional port).</param>
    /// <param name="allowedOrigins">Extra origins allowed by configuration (e.g. behind a proxy).</param>
    public static bool IsAllowed(string? origin, string scheme, string host, IEnumerable<string> allowedOrigins)
    {
        // No Origin: not a cross-site browser request (browsers always send it for WebSockets and cross-origin POSTs).
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri) || origin == "null")
        {
            return false;
        }

        if (Uri.TryCreate($"{scheme}://{host}", UriKind.Absolute, out var self) && SameOrigin(originUri, self))
        {
            return true;
        }

        return allowedOrigins.Any(allowed => Uri.TryCreate(allowed, UriKind.Absolute, out var uri) && SameOrigin(originUri, uri));
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
