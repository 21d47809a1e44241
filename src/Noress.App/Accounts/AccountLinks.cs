using Microsoft.AspNetCore.WebUtilities;

namespace Noress.App.Accounts;

/// <summary>Absolute links for e-mails.</summary>
public static class AccountLinks
{
    /// <summary>
    /// Uses the configured public address when there is one, so a forged Host header cannot point a
    /// reset link elsewhere; otherwise the address the request came in on.
    /// </summary>
    public static string Build(string? publicBaseUrl, string requestBaseUri, string path, IDictionary<string, string?> query)
    {
        var root = string.IsNullOrWhiteSpace(publicBaseUrl) ? requestBaseUri : publicBaseUrl;
        var baseUri = new Uri(root.EndsWith('/') ? root : root + "/");
        return QueryHelpers.AddQueryString(new Uri(baseUri, path.TrimStart('/')).ToString(), query);
    }

    /// <summary>A return address that stays on this site; the home page otherwise.</summary>
    public static string LocalReturnUrl(string? returnUrl) => IsLocalUrl(returnUrl) ? returnUrl! : "/";

    /// <summary>
    /// ASP.NET Core's IsLocalUrl rule: "/" or "/x" where x is neither "/" nor "\" (protocol-relative
    /// addresses), with no control character anywhere ("/\t/evil.example" is read by browsers as
    /// "//evil.example", and LocalRedirect throws on it).
    /// </summary>
    public static bool IsLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return false;
        }

        return !url.Any(char.IsControl);
    }
}
